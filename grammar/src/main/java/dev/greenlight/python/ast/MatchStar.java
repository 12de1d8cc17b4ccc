package dev.greenlight.python.ast;

import java.util.function.Consumer;

/** CPython's {@code ast.MatchStar}(name). */
public record MatchStar(String name, Span span) implements Pattern {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visitMatchStar(this);
    }

    @Override
    public void forEachChild(Consumer<? super Node> action) {
    }
}
