package dev.greenlight.python.ast;

import java.util.List;
import java.util.function.Consumer;

/** CPython's {@code ast.Match}(subject, cases). */
public record Match(Expression subject, List<MatchCase> cases, Span span) implements Statement {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visitMatch(this);
    }

    @Override
    public void forEachChild(Consumer<? super Node> action) {
        action.accept(subject);
        cases.forEach(action);
    }
}
