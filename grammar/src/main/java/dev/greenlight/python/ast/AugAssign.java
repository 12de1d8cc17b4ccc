package dev.greenlight.python.ast;

import java.util.function.Consumer;

/** CPython's {@code ast.AugAssign}(target, op, value). */
public record AugAssign(Expression target, Operator op, Expression value, Span span) implements Statement {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visitAugAssign(this);
    }

    @Override
    public void forEachChild(Consumer<? super Node> action) {
        action.accept(target);
        action.accept(value);
    }
}
