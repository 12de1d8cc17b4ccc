package dev.greenlight.python.ast;

import java.util.function.Consumer;

/** CPython's {@code ast.Pass}. */
public record Pass(Span span) implements Statement {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visitPass(this);
    }

    @Override
    public void forEachChild(Consumer<? super Node> action) {
    }
}
