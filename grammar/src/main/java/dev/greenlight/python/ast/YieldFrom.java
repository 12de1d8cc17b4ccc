package dev.greenlight.python.ast;

import java.util.function.Consumer;

/** CPython's {@code ast.YieldFrom}(value). */
public record YieldFrom(Expression value, Span span) implements Expression {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visitYieldFrom(this);
    }

    @Override
    public void forEachChild(Consumer<? super Node> action) {
        action.accept(value);
    }
}
