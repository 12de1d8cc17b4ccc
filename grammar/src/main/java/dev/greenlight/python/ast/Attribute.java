package dev.greenlight.python.ast;

import java.util.function.Consumer;

/** CPython's {@code ast.Attribute}(value, attr, ctx). */
public record Attribute(Expression value, String attr, ExprContext ctx, Span span) implements Expression {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visitAttribute(this);
    }

    @Override
    public void forEachChild(Consumer<? super Node> action) {
        action.accept(value);
    }
}
