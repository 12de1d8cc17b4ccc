package dev.greenlight.rules;

import dev.greenlight.python.ast.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a rule asks to be called for, collected by {@link Rule#register}. */
public final class Checks {

    /** Called once per module, before the walk. */
    @FunctionalInterface
    public interface ModuleCheck {
        void check(RuleContext context);
    }

    /** Called for every node of one kind, with the walker's ancestors in the context. */
    @FunctionalInterface
    public interface NodeCheck<T extends Node> {
        void check(T node, RuleContext context);
    }

    private final List<ModuleCheck> moduleChecks = new ArrayList<>();
    private final Map<Class<? extends Node>, List<NodeCheck<? extends Node>>> nodeChecks = new LinkedHashMap<>();

    public void onModule(ModuleCheck check) {
        moduleChecks.add(check);
    }

    /** Calls {@code check} for every node of class {@code kind} (an AST record class). */
    public <T extends Node> void on(Class<T> kind, NodeCheck<T> check) {
        nodeChecks.computeIfAbsent(kind, k -> new ArrayList<>()).add(check);
    }

    List<ModuleCheck> moduleChecks() {
        return moduleChecks;
    }

    Map<Class<? extends Node>, List<NodeCheck<? extends Node>>> nodeChecks() {
        return nodeChecks;
    }
}
