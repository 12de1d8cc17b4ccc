package dev.greenlight.python.ast;

import java.util.List;
import java.util.function.Consumer;

/** CPython's {@code ast.If}(test, body, orelse). */
public record If(Expression test, List<Statement> body, List<Statement> orelse, Span span) implements Statement {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visitIf(this);
    }

    @Override
    public void forEachChild(Consumer<? super Node> action) {
        action.accept(test);
        body.forEach(action);
        orelse.forEach(action);
    }
}
