package dev.greenlight.python.ast;

import java.util.List;
import java.util.function.Consumer;

/** CPython's {@code ast.AsyncWith}(items, body, type_comment). */
public record AsyncWith(List<WithItem> items, List<Statement> body, String typeComment, Span span) implements Statement {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visitAsyncWith(this);
    }

    @Override
    public void forEachChild(Consumer<? super Node> action) {
        items.forEach(action);
        body.forEach(action);
    }
}
