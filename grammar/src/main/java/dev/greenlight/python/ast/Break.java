package dev.greenlight.python.ast;

import java.util.function.Consumer;

/** CPython's {@code ast.Break}. */
public record Break(Span span) implements Statement {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visitBreak(this);
    }

    @Override
    public void forEachChild(Consumer<? super Node> action) {
    }
}
