package dev.greenlight.python.ast;

import java.util.List;
import java.util.function.Consumer;

/** CPython's {@code ast.comprehension}(target, iter, ifs, is_async). */
public record Comprehension(Expression target, Expression iter, List<Expression> ifs, int isAsync) implements Node {

    @Override
    public String pythonType() {
        return "comprehension";
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visitComprehension(this);
    }

    @Override
    public void forEachChild(Consumer<? super Node> action) {
        action.accept(target);
        action.accept(iter);
        ifs.forEach(action);
    }
}
