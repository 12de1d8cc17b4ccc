package dev.greenlight.python.ast;

import java.util.List;
import java.util.function.Consumer;

/** CPython's {@code ast.MatchSequence}(patterns). */
public record MatchSequence(List<Pattern> patterns, Span span) implements Pattern {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visitMatchSequence(this);
    }

    @Override
    public void forEachChild(Consumer<? super Node> action) {
        patterns.forEach(action);
    }
}
