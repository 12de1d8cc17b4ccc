package dev.greenlight.python.ast;

import java.util.function.Consumer;

/** CPython's {@code ast.Name}(id, ctx). */
public record Name(String id, ExprContext ctx, Span span) implements Expression {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visitName(this);
    }

    @Override
    public void forEachChild(Consumer<? super Node> action) {
    }
}
