package dev.greenlight.python.ast;

import java.util.List;
import java.util.function.Consumer;

/** CPython's {@code ast.ImportFrom}(module, names, level). */
public record ImportFrom(String module, List<Alias> names, int level, Span span) implements Statement {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visitImportFrom(this);
    }

    @Override
    public void forEachChild(Consumer<? super Node> action) {
        names.forEach(action);
    }
}
