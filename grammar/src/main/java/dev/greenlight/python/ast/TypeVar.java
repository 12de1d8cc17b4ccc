package dev.greenlight.python.ast;

import java.util.function.Consumer;

/** CPython's {@code ast.TypeVar}(name, bound, default_value). */
public record TypeVar(String name, Expression bound, Expression defaultValue, Span span) implements TypeParam {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visitTypeVar(this);
    }

    @Override
    public void forEachChild(Consumer<? super Node> action) {
        if (bound != null) action.accept(bound);
        if (defaultValue != null) action.accept(defaultValue);
    }
}
