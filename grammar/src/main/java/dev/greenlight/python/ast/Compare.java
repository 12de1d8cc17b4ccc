package dev.greenlight.python.ast;

import java.util.List;
import java.util.function.Consumer;

/** CPython's {@code ast.Compare}(left, ops, comparators). */
public record Compare(Expression left, List<Cmpop> ops, List<Expression> comparators, Span span) implements Expression {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visitCompare(this);
    }

    @Override
    public void forEachChild(Consumer<? super Node> action) {
        action.accept(left);
        comparators.forEach(action);
    }
}
