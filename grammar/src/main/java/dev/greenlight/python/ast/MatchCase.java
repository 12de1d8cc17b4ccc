package dev.greenlight.python.ast;

import java.util.List;
import java.util.function.Consumer;

/** CPython's {@code ast.match_case}(pattern, guard, body). */
public record MatchCase(Pattern pattern, Expression guard, List<Statement> body) implements Node {

    @Override
    public String pythonType() {
        return "match_case";
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visitMatchCase(this);
    }

    @Override
    public void forEachChild(Consumer<? super Node> action) {
        action.accept(pattern);
        if (guard != null) action.accept(guard);
        body.forEach(action);
    }
}
