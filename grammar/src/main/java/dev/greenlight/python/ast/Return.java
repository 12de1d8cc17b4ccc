package dev.greenlight.python.ast;

import java.util.function.Consumer;

/** CPython's {@code ast.Return}(value). */
public record Return(Expression value, Span span) implements Statement {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visitReturn(this);
    }

    @Override
    public void forEachChild(Consumer<? super Node> action) {
        if (value != null) action.accept(value);
    }
}
