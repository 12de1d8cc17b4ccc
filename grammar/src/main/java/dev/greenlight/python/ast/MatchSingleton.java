package dev.greenlight.python.ast;

import java.util.function.Consumer;

/** CPython's {@code ast.MatchSingleton}(value). */
public record MatchSingleton(Object value, Span span) implements Pattern {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visitMatchSingleton(this);
    }

    @Override
    public void forEachChild(Consumer<? super Node> action) {
    }
}
