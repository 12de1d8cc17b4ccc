package dev.greenlight.python.ast;

import java.util.List;
import java.util.function.Consumer;

/** CPython's {@code ast.MatchClass}(cls, patterns, kwd_attrs, kwd_patterns). */
public record MatchClass(Expression cls, List<Pattern> patterns, List<String> kwdAttrs, List<Pattern> kwdPatterns, Span span) implements Pattern {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visitMatchClass(this);
    }

    @Override
    public void forEachChild(Consumer<? super Node> action) {
        action.accept(cls);
        patterns.forEach(action);
        kwdPatterns.forEach(action);
    }
}
