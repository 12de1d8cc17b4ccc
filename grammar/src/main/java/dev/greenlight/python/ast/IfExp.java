package dev.greenlight.python.ast;

import java.util.function.Consumer;

/** CPython's {@code ast.IfExp}(test, body, orelse). */
public record IfExp(Expression test, Expression body, Expression orelse, Span span) implements Expression {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visitIfExp(this);
    }

    @Override
    public void forEachChild(Consumer<? super Node> action) {
        action.accept(test);
        action.accept(body);
        action.accept(orelse);
    }
}
