package dev.greenlight.python.ast;

import java.util.List;
import java.util.function.Consumer;

/** CPython's {@code ast.ExceptHandler}(type, name, body). */
public record ExceptHandler(Expression type, String name, List<Statement> body, Span span) implements Located {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visitExceptHandler(this);
    }

    @Override
    public void forEachChild(Consumer<? super Node> action) {
        if (type != null) action.accept(type);
        body.forEach(action);
    }
}
