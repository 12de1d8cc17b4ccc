package dev.greenlight.python.ast;

import java.util.function.Consumer;

/** CPython's {@code ast.MatchValue}(value). */
public record MatchValue(Expression value, Span span) implements Pattern {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visitMatchValue(this);
    }

    @Override
    public void forEachChild(Consumer<? super Node> action) {
        action.accept(value);
    }
}
