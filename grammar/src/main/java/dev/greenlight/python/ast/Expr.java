package dev.greenlight.python.ast;

import java.util.function.Consumer;

/** CPython's {@code ast.Expr}(value). */
public record Expr(Expression value, Span span) implements Statement {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visitExpr(this);
    }

    @Override
    public void forEachChild(Consumer<? super Node> action) {
        action.accept(value);
    }
}
