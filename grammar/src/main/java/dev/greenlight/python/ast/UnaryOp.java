package dev.greenlight.python.ast;

import java.util.function.Consumer;

/** CPython's {@code ast.UnaryOp}(op, operand). */
public record UnaryOp(Unaryop op, Expression operand, Span span) implements Expression {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visitUnaryOp(this);
    }

    @Override
    public void forEachChild(Consumer<? super Node> action) {
        action.accept(operand);
    }
}
