package dev.greenlight.python.ast;

import java.util.function.Consumer;

/** CPython's {@code ast.Continue}. */
public record Continue(Span span) implements Statement {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visitContinue(this);
    }

    @Override
    public void forEachChild(Consumer<? super Node> action) {
    }
}
