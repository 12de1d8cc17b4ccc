package dev.greenlight.python.ast;

import java.util.function.Consumer;

/** CPython's {@code ast.Constant}(value, kind). */
public record Constant(Object value, String kind, Span span) implements Expression {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visitConstant(this);
    }

    @Override
    public void forEachChild(Consumer<? super Node> action) {
    }
}
