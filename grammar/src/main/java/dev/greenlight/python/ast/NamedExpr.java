package dev.greenlight.python.ast;

import java.util.function.Consumer;

/** CPython's {@code ast.NamedExpr}(target, value). */
public record NamedExpr(Expression target, Expression value, Span span) implements Expression {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visitNamedExpr(this);
    }

    @Override
    public void forEachChild(Consumer<? super Node> action) {
        action.accept(target);
        action.accept(value);
    }
}
