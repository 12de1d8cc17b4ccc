package dev.greenlight.python.ast;

import java.util.List;
import java.util.function.Consumer;

/** CPython's {@code ast.Call}(func, args, keywords). */
public record Call(Expression func, List<Expression> args, List<Keyword> keywords, Span span) implements Expression {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visitCall(this);
    }

    @Override
    public void forEachChild(Consumer<? super Node> action) {
        action.accept(func);
        args.forEach(action);
        keywords.forEach(action);
    }
}
