package dev.greenlight.python.ast;

import java.util.function.Consumer;

/** CPython's {@code ast.Assert}(test, msg). */
public record Assert(Expression test, Expression msg, Span span) implements Statement {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visitAssert(this);
    }

    @Override
    public void forEachChild(Consumer<? super Node> action) {
        action.accept(test);
        if (msg != null) action.accept(msg);
    }
}
