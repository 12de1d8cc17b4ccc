package dev.greenlight.python.ast;

import java.util.List;
import java.util.function.Consumer;

/** CPython's {@code ast.Delete}(targets). */
public record Delete(List<Expression> targets, Span span) implements Statement {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visitDelete(this);
    }

    @Override
    public void forEachChild(Consumer<? super Node> action) {
        targets.forEach(action);
    }
}
