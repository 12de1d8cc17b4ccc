package dev.greenlight.python.ast;

import java.util.List;
import java.util.function.Consumer;

/** CPython's {@code ast.With}(items, body, type_comment). */
public record With(List<WithItem> items, List<Statement> body, String typeComment, Span span) implements Statement {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visitWith(this);
    }

    @Override
    public void forEachChild(Consumer<? super Node> action) {
        items.forEach(action);
        body.forEach(action);
    }
}
