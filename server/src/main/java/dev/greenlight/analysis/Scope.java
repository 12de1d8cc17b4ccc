package dev.greenlight.analysis;

import dev.greenlight.python.ast.AsyncFunctionDef;
import dev.greenlight.python.ast.Node;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One scope of a module with the names it binds, as the compiler sees them. */
public final class Scope {

    private final Node node;
    private final Scopes.Kind kind;
    private final Scope parent;
    private final Map<String, List<Binding>> bindings = new LinkedHashMap<>();
    private final Set<String> globals = new HashSet<>();
    private final Set<String> nonlocals = new HashSet<>();
    /** For the module scope: where lookups of its names are recorded, or null. */
    private Dependencies dependencies;

    Scope(Node node, Scopes.Kind kind, Scope parent) {
        this.node = node;
        this.kind = kind;
        this.parent = parent;
    }

    public Node node() {
        return node;
    }

    public Scopes.Kind kind() {
        return kind;
    }

    public Scope parent() {
        return parent;
    }

    public boolean isAsyncFunction() {
        return node instanceof AsyncFunctionDef;
    }

    /** The bindings of {@code name} in this scope itself (empty if it binds none). */
    public List<Binding> local(String name) {
        if (dependencies != null) {
            dependencies.name(name);
        }
        return bindings.getOrDefault(name, List.of());
    }

    public Map<String, List<Binding>> bindings() {
        if (dependencies != null) {
            dependencies.moduleWide();
        }
        return bindings;
    }

    void recordInto(Dependencies into) {
        dependencies = into;
    }

    /** Whether the module scope binds {@code name}, recorded as a lookup of it. */
    private boolean moduleBinds(String name) {
        if (dependencies != null) {
            dependencies.name(name);
        }
        return bindings.containsKey(name);
    }

    void bind(Binding binding) {
        bindings.computeIfAbsent(binding.name(), k -> new ArrayList<>()).add(binding);
    }

    void declareGlobal(String name) {
        globals.add(name);
    }

    void declareNonlocal(String name) {
        nonlocals.add(name);
    }

    public boolean isGlobal(String name) {
        return globals.contains(name);
    }

    public boolean isNonlocal(String name) {
        return nonlocals.contains(name);
    }

    /**
     * The scope whose binding a use of {@code name} here refers to (Python's LEGB rule: class
     * scopes are skipped from nested scopes), or null for a builtin or an unbound name.
     */
    public Scope resolve(String name) {
        Scope module = this;
        while (module.parent != null) {
            module = module.parent;
        }
        if (globals.contains(name)) {
            return module.moduleBinds(name) ? module : null;
        }
        if (!nonlocals.contains(name) && (this == module ? moduleBinds(name) : bindings.containsKey(name))) {
            return this;
        }
        for (Scope scope = parent; scope != null; scope = scope.parent) {
            if (scope.kind == Scopes.Kind.CLASS) {
                continue;
            }
            if (scope.globals.contains(name)) {
                return module.moduleBinds(name) ? module : null;
            }
            if ((scope == module ? scope.moduleBinds(name) : scope.bindings.containsKey(name))
                    && !scope.nonlocals.contains(name)) {
                return scope;
            }
        }
        return null;
    }

    /** The nearest enclosing function scope (async or not), this one included, or null. */
    public Scope function() {
        for (Scope scope = this; scope != null; scope = scope.parent) {
            if (scope.kind == Scopes.Kind.FUNCTION || scope.kind == Scopes.Kind.ASYNC_FUNCTION) {
                return scope;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return kind + "@" + node.getClass().getSimpleName();
    }
}
