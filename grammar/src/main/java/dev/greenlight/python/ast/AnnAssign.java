package dev.greenlight.python.ast;

import java.util.function.Consumer;

/** CPython's {@code ast.AnnAssign}(target, annotation, value, simple). */
public record AnnAssign(Expression target, Expression annotation, Expression value, int simple, Span span) implements Statement {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visitAnnAssign(this);
    }

    @Override
    public void forEachChild(Consumer<? super Node> action) {
        action.accept(target);
        action.accept(annotation);
        if (value != null) action.accept(value);
    }
}
