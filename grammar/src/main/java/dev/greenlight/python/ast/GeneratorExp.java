package dev.greenlight.python.ast;

import java.util.List;
import java.util.function.Consumer;

/** CPython's {@code ast.GeneratorExp}(elt, generators). */
public record GeneratorExp(Expression elt, List<Comprehension> generators, Span span) implements Expression {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visitGeneratorExp(this);
    }

    @Override
    public void forEachChild(Consumer<? super Node> action) {
        action.accept(elt);
        generators.forEach(action);
    }
}
