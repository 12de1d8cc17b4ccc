package dev.greenlight.python.ast;

import java.util.function.Consumer;

/** CPython's {@code ast.BinOp}(left, op, right). */
public record BinOp(Expression left, Operator op, Expression right, Span span) implements Expression {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visitBinOp(this);
    }

    @Override
    public void forEachChild(Consumer<? super Node> action) {
        action.accept(left);
        action.accept(right);
    }
}
