package dev.greenlight.python.ast;

import java.util.function.Consumer;

/** CPython's {@code ast.Yield}(value). */
public record Yield(Expression value, Span span) implements Expression {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visitYield(this);
    }

    @Override
    public void forEachChild(Consumer<? super Node> action) {
        if (value != null) action.accept(value);
    }
}
