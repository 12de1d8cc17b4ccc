package dev.greenlight.python.ast;

import java.util.List;
import java.util.function.Consumer;

/** CPython's {@code ast.TypeAlias}(name, type_params, value). */
public record TypeAlias(Expression name, List<TypeParam> typeParams, Expression value, Span span) implements Statement {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visitTypeAlias(this);
    }

    @Override
    public void forEachChild(Consumer<? super Node> action) {
        action.accept(name);
        typeParams.forEach(action);
        action.accept(value);
    }
}
