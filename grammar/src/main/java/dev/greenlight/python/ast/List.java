package dev.greenlight.python.ast;

import java.util.function.Consumer;

/** CPython's {@code ast.List}(elts, ctx). */
public record List(java.util.List<Expression> elts, ExprContext ctx, Span span) implements Expression {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visitList(this);
    }

    @Override
    public void forEachChild(Consumer<? super Node> action) {
        elts.forEach(action);
    }
}
