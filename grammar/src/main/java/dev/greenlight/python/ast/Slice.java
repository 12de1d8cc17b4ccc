package dev.greenlight.python.ast;

import java.util.function.Consumer;

/** CPython's {@code ast.Slice}(lower, upper, step). */
public record Slice(Expression lower, Expression upper, Expression step, Span span) implements Expression {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visitSlice(this);
    }

    @Override
    public void forEachChild(Consumer<? super Node> action) {
        if (lower != null) action.accept(lower);
        if (upper != null) action.accept(upper);
        if (step != null) action.accept(step);
    }
}
