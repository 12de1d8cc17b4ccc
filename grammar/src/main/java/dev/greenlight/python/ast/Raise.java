package dev.greenlight.python.ast;

import java.util.function.Consumer;

/** CPython's {@code ast.Raise}(exc, cause). */
public record Raise(Expression exc, Expression cause, Span span) implements Statement {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visitRaise(this);
    }

    @Override
    public void forEachChild(Consumer<? super Node> action) {
        if (exc != null) action.accept(exc);
        if (cause != null) action.accept(cause);
    }
}
