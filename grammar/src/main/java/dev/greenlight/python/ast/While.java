package dev.greenlight.python.ast;

import java.util.List;
import java.util.function.Consumer;

/** CPython's {@code ast.While}(test, body, orelse). */
public record While(Expression test, List<Statement> body, List<Statement> orelse, Span span) implements Statement {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visitWhile(this);
    }

    @Override
    public void forEachChild(Consumer<? super Node> action) {
        action.accept(test);
        body.forEach(action);
        orelse.forEach(action);
    }
}
