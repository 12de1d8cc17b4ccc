package dev.greenlight.python.ast;

import java.util.List;
import java.util.function.Consumer;

/** CPython's {@code ast.Dict}(keys, values). */
public record Dict(List<Expression> keys, List<Expression> values, Span span) implements Expression {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visitDict(this);
    }

    @Override
    public void forEachChild(Consumer<? super Node> action) {
        for (Expression child : keys) { if (child != null) action.accept(child); }
        values.forEach(action);
    }
}
