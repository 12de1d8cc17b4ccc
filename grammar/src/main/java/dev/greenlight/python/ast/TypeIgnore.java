package dev.greenlight.python.ast;

import java.util.function.Consumer;

/** CPython's {@code ast.TypeIgnore}(lineno, tag). */
public record TypeIgnore(int lineno, String tag) implements Node {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visitTypeIgnore(this);
    }

    @Override
    public void forEachChild(Consumer<? super Node> action) {
    }
}
