package dev.greenlight.python.ast;

import java.util.List;
import java.util.function.Consumer;

/** CPython's {@code ast.AsyncFunctionDef}(name, args, body, decorator_list, returns, type_comment, type_params). */
public record AsyncFunctionDef(String name, Arguments args, List<Statement> body, List<Expression> decoratorList, Expression returns, String typeComment, List<TypeParam> typeParams, Span span) implements Statement {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visitAsyncFunctionDef(this);
    }

    @Override
    public void forEachChild(Consumer<? super Node> action) {
        action.accept(args);
        body.forEach(action);
        decoratorList.forEach(action);
        if (returns != null) action.accept(returns);
        typeParams.forEach(action);
    }
}
