package dev.greenlight.python.ast;

import java.util.List;
import java.util.function.Consumer;

/** CPython's {@code ast.Import}(names). */
public record Import(List<Alias> names, Span span) implements Statement {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visitImport(this);
    }

    @Override
    public void forEachChild(Consumer<? super Node> action) {
        names.forEach(action);
    }
}
