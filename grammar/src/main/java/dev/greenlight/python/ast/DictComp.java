package dev.greenlight.python.ast;

import java.util.List;
import java.util.function.Consumer;

/** CPython's {@code ast.DictComp}(key, value, generators). */
public record DictComp(Expression key, Expression value, List<Comprehension> generators, Span span) implements Expression {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visitDictComp(this);
    }

    @Override
    public void forEachChild(Consumer<? super Node> action) {
        action.accept(key);
        action.accept(value);
        generators.forEach(action);
    }
}
