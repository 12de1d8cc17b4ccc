package dev.greenlight.python.ast;

import java.util.function.Consumer;

/** CPython's {@code ast.Lambda}(args, body). */
public record Lambda(Arguments args, Expression body, Span span) implements Expression {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visitLambda(this);
    }

    @Override
    public void forEachChild(Consumer<? super Node> action) {
        action.accept(args);
        action.accept(body);
    }
}
