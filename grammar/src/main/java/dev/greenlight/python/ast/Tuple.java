package dev.greenlight.python.ast;

import java.util.List;
import java.util.function.Consumer;

/** CPython's {@code ast.Tuple}(elts, ctx). */
public record Tuple(List<Expression> elts, ExprContext ctx, Span span) implements Expression {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visitTuple(this);
    }

    @Override
    public void forEachChild(Consumer<? super Node> action) {
        elts.forEach(action);
    }
}
