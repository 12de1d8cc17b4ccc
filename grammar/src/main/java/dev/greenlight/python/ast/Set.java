package dev.greenlight.python.ast;

import java.util.List;
import java.util.function.Consumer;

/** CPython's {@code ast.Set}(elts). */
public record Set(List<Expression> elts, Span span) implements Expression {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visitSet(this);
    }

    @Override
    public void forEachChild(Consumer<? super Node> action) {
        elts.forEach(action);
    }
}
