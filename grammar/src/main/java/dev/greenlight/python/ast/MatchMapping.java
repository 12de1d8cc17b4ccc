package dev.greenlight.python.ast;

import java.util.List;
import java.util.function.Consumer;

/** CPython's {@code ast.MatchMapping}(keys, patterns, rest). */
public record MatchMapping(List<Expression> keys, List<Pattern> patterns, String rest, Span span) implements Pattern {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visitMatchMapping(this);
    }

    @Override
    public void forEachChild(Consumer<? super Node> action) {
        keys.forEach(action);
        patterns.forEach(action);
    }
}
