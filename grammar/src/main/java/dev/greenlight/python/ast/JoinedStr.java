package dev.greenlight.python.ast;

import java.util.List;
import java.util.function.Consumer;

/** CPython's {@code ast.JoinedStr}(values). */
public record JoinedStr(List<Expression> values, Span span) implements Expression {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visitJoinedStr(this);
    }

    @Override
    public void forEachChild(Consumer<? super Node> action) {
        values.forEach(action);
    }
}
