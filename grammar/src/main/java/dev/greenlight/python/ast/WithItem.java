package dev.greenlight.python.ast;

import java.util.function.Consumer;

/** CPython's {@code ast.withitem}(context_expr, optional_vars). */
public record WithItem(Expression contextExpr, Expression optionalVars) implements Node {

    @Override
    public String pythonType() {
        return "withitem";
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visitWithItem(this);
    }

    @Override
    public void forEachChild(Consumer<? super Node> action) {
        action.accept(contextExpr);
        if (optionalVars != null) action.accept(optionalVars);
    }
}
