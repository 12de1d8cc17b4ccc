package dev.greenlight.analysis;

import dev.greenlight.python.ast.AsyncFunctionDef;
import dev.greenlight.python.ast.ClassDef;
import dev.greenlight.python.ast.Comprehension;
import dev.greenlight.python.ast.DictComp;
import dev.greenlight.python.ast.FunctionDef;
import dev.greenlight.python.ast.GeneratorExp;
import dev.greenlight.python.ast.Lambda;
import dev.greenlight.python.ast.ListComp;
import dev.greenlight.python.ast.Module;
import dev.greenlight.python.ast.Node;
import dev.greenlight.python.ast.SetComp;
import dev.greenlight.python.ast.Statement;
import java.util.List;

/**
 * Python's scopes as the compiler sees them: which node's body a given node runs in. A function's
 * decorators, defaults and annotations run in the enclosing scope, its body in its own; a
 * comprehension's first iterable runs outside it, everything else inside.
 */
public final class Scopes {

    /** The kinds of scope, with the comprehension kinds apart because async works differently there. */
    public enum Kind {
        MODULE, CLASS, FUNCTION, ASYNC_FUNCTION, LAMBDA, GENERATOR_EXPRESSION, COMPREHENSION;

        /** List, set and dict comprehensions and generator expressions. */
        public boolean isComprehension() {
            return this == GENERATOR_EXPRESSION || this == COMPREHENSION;
        }
    }

    /** A scope: the node that opens it (a {@link Module} for the module scope) and its kind. */
    public record Scope(Node node, Kind kind) {
    }

    private Scopes() {
    }

    public static Kind kindOf(Node scopeNode) {
        if (scopeNode instanceof FunctionDef) {
            return Kind.FUNCTION;
        }
        if (scopeNode instanceof AsyncFunctionDef) {
            return Kind.ASYNC_FUNCTION;
        }
        if (scopeNode instanceof Lambda) {
            return Kind.LAMBDA;
        }
        if (scopeNode instanceof ClassDef) {
            return Kind.CLASS;
        }
        if (scopeNode instanceof GeneratorExp) {
            return Kind.GENERATOR_EXPRESSION;
        }
        if (scopeNode instanceof ListComp || scopeNode instanceof SetComp || scopeNode instanceof DictComp) {
            return Kind.COMPREHENSION;
        }
        return Kind.MODULE;
    }

    /**
     * The scope that {@code node} runs in, given its ancestors. A node that opens a scope itself
     * (a {@code def}, a comprehension) runs in the scope around it.
     */
    public static Scope enclosing(Node node, NodePath ancestors) {
        Node child = node;
        Node grandchild = null;
        for (int i = 0; i < ancestors.size(); i++) {
            Node parent = ancestors.ancestor(i);
            if (opensScopeFor(parent, child, grandchild)) {
                return new Scope(parent, kindOf(parent));
            }
            grandchild = child;
            child = parent;
        }
        Node root = ancestors.size() > 0 ? ancestors.ancestor(ancestors.size() - 1) : node;
        return new Scope(root, Kind.MODULE);
    }

    /**
     * Whether {@code child} (reached through {@code grandchild}, which may be null) runs in the
     * scope that {@code parent} opens.
     */
    static boolean opensScopeFor(Node parent, Node child, Node grandchild) {
        if (parent instanceof FunctionDef def) {
            return containsIdentity(def.body(), child);
        }
        if (parent instanceof AsyncFunctionDef def) {
            return containsIdentity(def.body(), child);
        }
        if (parent instanceof Lambda lambda) {
            return lambda.body() == child;
        }
        if (parent instanceof ClassDef cls) {
            return containsIdentity(cls.body(), child);
        }
        List<Comprehension> generators = generators(parent);
        if (generators != null) {
            boolean firstIterable = !generators.isEmpty() && generators.get(0) == child
                    && grandchild != null && grandchild == generators.get(0).iter();
            return !firstIterable;
        }
        return false;
    }

    /** The generators of a comprehension node, or null for any other node. */
    public static List<Comprehension> generators(Node node) {
        if (node instanceof ListComp comp) {
            return comp.generators();
        }
        if (node instanceof SetComp comp) {
            return comp.generators();
        }
        if (node instanceof DictComp comp) {
            return comp.generators();
        }
        if (node instanceof GeneratorExp comp) {
            return comp.generators();
        }
        return null;
    }

    private static boolean containsIdentity(List<Statement> statements, Node node) {
        for (Statement statement : statements) {
            if (statement == node) {
                return true;
            }
        }
        return false;
    }
}
