package dev.greenlight.python.ast;

import java.util.List;
import java.util.function.Consumer;

/** CPython's {@code ast.Global}(names). */
public record Global(List<String> names, Span span) implements Statement {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visitGlobal(this);
    }

    @Override
    public void forEachChild(Consumer<? super Node> action) {
    }
}
