package dev.greenlight.python.ast;

import java.util.List;
import java.util.function.Consumer;

/** CPython's {@code ast.Nonlocal}(names). */
public record Nonlocal(List<String> names, Span span) implements Statement {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visitNonlocal(this);
    }

    @Override
    public void forEachChild(Consumer<? super Node> action) {
    }
}
