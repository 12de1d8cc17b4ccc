package dev.greenlight.python.ast;

import java.util.function.Consumer;

/** CPython's {@code ast.Subscript}(value, slice, ctx). */
public record Subscript(Expression value, Expression slice, ExprContext ctx, Span span) implements Expression {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visitSubscript(this);
    }

    @Override
    public void forEachChild(Consumer<? super Node> action) {
        action.accept(value);
        action.accept(slice);
    }
}
