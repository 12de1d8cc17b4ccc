package dev.greenlight.python.ast;

import java.util.List;
import java.util.function.Consumer;

/** CPython's {@code ast.Assign}(targets, value, type_comment). */
public record Assign(List<Expression> targets, Expression value, String typeComment, Span span) implements Statement {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visitAssign(this);
    }

    @Override
    public void forEachChild(Consumer<? super Node> action) {
        targets.forEach(action);
        action.accept(value);
    }
}
