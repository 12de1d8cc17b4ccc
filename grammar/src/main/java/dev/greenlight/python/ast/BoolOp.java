package dev.greenlight.python.ast;

import java.util.List;
import java.util.function.Consumer;

/** CPython's {@code ast.BoolOp}(op, values). */
public record BoolOp(Boolop op, List<Expression> values, Span span) implements Expression {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visitBoolOp(this);
    }

    @Override
    public void forEachChild(Consumer<? super Node> action) {
        values.forEach(action);
    }
}
