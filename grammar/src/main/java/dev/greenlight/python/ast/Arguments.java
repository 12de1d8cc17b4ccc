package dev.greenlight.python.ast;

import java.util.List;
import java.util.function.Consumer;

/** CPython's {@code ast.arguments}(posonlyargs, args, vararg, kwonlyargs, kw_defaults, kwarg, defaults). */
public record Arguments(List<Arg> posonlyargs, List<Arg> args, Arg vararg, List<Arg> kwonlyargs, List<Expression> kwDefaults, Arg kwarg, List<Expression> defaults) implements Node {

    @Override
    public String pythonType() {
        return "arguments";
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visitArguments(this);
    }

    @Override
    public void forEachChild(Consumer<? super Node> action) {
        posonlyargs.forEach(action);
        args.forEach(action);
        if (vararg != null) action.accept(vararg);
        kwonlyargs.forEach(action);
        for (Expression child : kwDefaults) { if (child != null) action.accept(child); }
        if (kwarg != null) action.accept(kwarg);
        defaults.forEach(action);
    }
}
