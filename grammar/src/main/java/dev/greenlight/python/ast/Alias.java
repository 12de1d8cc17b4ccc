package dev.greenlight.python.ast;

import java.util.function.Consumer;

/** CPython's {@code ast.alias}(name, asname). */
public record Alias(String name, String asname, Span span) implements Located {

    @Override
    public String pythonType() {
        return "alias";
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visitAlias(this);
    }

    @Override
    public void forEachChild(Consumer<? super Node> action) {
    }
}
