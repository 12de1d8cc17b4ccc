package dev.greenlight.python.ast;

import java.util.function.Consumer;

/** CPython's {@code ast.FormattedValue}(value, conversion, format_spec). */
public record FormattedValue(Expression value, int conversion, Expression formatSpec, Span span) implements Expression {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visitFormattedValue(this);
    }

    @Override
    public void forEachChild(Consumer<? super Node> action) {
        action.accept(value);
        if (formatSpec != null) action.accept(formatSpec);
    }
}
