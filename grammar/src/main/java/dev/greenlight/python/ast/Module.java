package dev.greenlight.python.ast;

import java.util.List;
import java.util.function.Consumer;

/** CPython's {@code ast.Module}(body, type_ignores). */
public record Module(List<Statement> body, List<TypeIgnore> typeIgnores) implements Mod {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visitModule(this);
    }

    @Override
    public void forEachChild(Consumer<? super Node> action) {
        body.forEach(action);
        typeIgnores.forEach(action);
    }
}
