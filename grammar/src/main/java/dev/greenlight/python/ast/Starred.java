package dev.greenlight.python.ast;

import java.util.function.Consumer;

/** CPython's {@code ast.Starred}(value, ctx). */
public record Starred(Expression value, ExprContext ctx, Span span) implements Expression {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visitStarred(this);
    }

    @Override
    public void forEachChild(Consumer<? super Node> action) {
        action.accept(value);
    }
}
