package dev.greenlight.python.ast;

import java.util.function.Consumer;

/** CPython's {@code ast.TypeVarTuple}(name, default_value). */
public record TypeVarTuple(String name, Expression defaultValue, Span span) implements TypeParam {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visitTypeVarTuple(this);
    }

    @Override
    public void forEachChild(Consumer<? super Node> action) {
        if (defaultValue != null) action.accept(defaultValue);
    }
}
