package dev.greenlight.python.ast;

import java.util.List;
import java.util.function.Consumer;

/** CPython's {@code ast.ClassDef}(name, bases, keywords, body, decorator_list, type_params). */
public record ClassDef(String name, List<Expression> bases, List<Keyword> keywords, List<Statement> body, List<Expression> decoratorList, List<TypeParam> typeParams, Span span) implements Statement {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visitClassDef(this);
    }

    @Override
    public void forEachChild(Consumer<? super Node> action) {
        bases.forEach(action);
        keywords.forEach(action);
        body.forEach(action);
        decoratorList.forEach(action);
        typeParams.forEach(action);
    }
}
