package dev.greenlight.python.ast;

import java.util.function.Consumer;

/** CPython's {@code ast.Await}(value). */
public record Await(Expression value, Span span) implements Expression {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visitAwait(this);
    }

    @Override
    public void forEachChild(Consumer<? super Node> action) {
        action.accept(value);
    }
}
