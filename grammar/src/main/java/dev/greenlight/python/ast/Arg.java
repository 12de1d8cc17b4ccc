package dev.greenlight.python.ast;

import java.util.function.Consumer;

/** CPython's {@code ast.arg}(arg, annotation, type_comment). */
public record Arg(String arg, Expression annotation, String typeComment, Span span) implements Located {

    @Override
    public String pythonType() {
        return "arg";
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visitArg(this);
    }

    @Override
    public void forEachChild(Consumer<? super Node> action) {
        if (annotation != null) action.accept(annotation);
    }
}
