package dev.greenlight.python.ast;

import java.util.List;
import java.util.function.Consumer;

/** CPython's {@code ast.AsyncFor}(target, iter, body, orelse, type_comment). */
public record AsyncFor(Expression target, Expression iter, List<Statement> body, List<Statement> orelse, String typeComment, Span span) implements Statement {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visitAsyncFor(this);
    }

    @Override
    public void forEachChild(Consumer<? super Node> action) {
        action.accept(target);
        action.accept(iter);
        body.forEach(action);
        orelse.forEach(action);
    }
}
