package dev.greenlight.python.ast;

import java.util.List;
import java.util.function.Consumer;

/** CPython's {@code ast.Try}(body, handlers, orelse, finalbody). */
public record Try(List<Statement> body, List<ExceptHandler> handlers, List<Statement> orelse, List<Statement> finalbody, Span span) implements Statement {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visitTry(this);
    }

    @Override
    public void forEachChild(Consumer<? super Node> action) {
        body.forEach(action);
        handlers.forEach(action);
        orelse.forEach(action);
        finalbody.forEach(action);
    }
}
