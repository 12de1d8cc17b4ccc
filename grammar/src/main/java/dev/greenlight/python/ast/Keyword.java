package dev.greenlight.python.ast;

import java.util.function.Consumer;

/** CPython's {@code ast.keyword}(arg, value). */
public record Keyword(String arg, Expression value, Span span) implements Located {

    @Override
    public String pythonType() {
        return "keyword";
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visitKeyword(this);
    }

    @Override
    public void forEachChild(Consumer<? super Node> action) {
        action.accept(value);
    }
}
