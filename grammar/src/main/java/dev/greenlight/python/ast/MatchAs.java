package dev.greenlight.python.ast;

import java.util.function.Consumer;

/** CPython's {@code ast.MatchAs}(pattern, name). */
public record MatchAs(Pattern pattern, String name, Span span) implements Pattern {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visitMatchAs(this);
    }

    @Override
    public void forEachChild(Consumer<? super Node> action) {
        if (pattern != null) action.accept(pattern);
    }
}
