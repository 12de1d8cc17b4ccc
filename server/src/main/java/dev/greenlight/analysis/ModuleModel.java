package dev.greenlight.analysis;

import dev.greenlight.python.ast.Alias;
import dev.greenlight.python.ast.AnnAssign;
import dev.greenlight.python.ast.Arg;
import dev.greenlight.python.ast.Arguments;
import dev.greenlight.python.ast.Assign;
import dev.greenlight.python.ast.AsyncFor;
import dev.greenlight.python.ast.AsyncFunctionDef;
import dev.greenlight.python.ast.AsyncWith;
import dev.greenlight.python.ast.Attribute;
import dev.greenlight.python.ast.AugAssign;
import dev.greenlight.python.ast.ClassDef;
import dev.greenlight.python.ast.Comprehension;
import dev.greenlight.python.ast.ExceptHandler;
import dev.greenlight.python.ast.Expression;
import dev.greenlight.python.ast.For;
import dev.greenlight.python.ast.FunctionDef;
import dev.greenlight.python.ast.Global;
import dev.greenlight.python.ast.Import;
import dev.greenlight.python.ast.ImportFrom;
import dev.greenlight.python.ast.Lambda;
import dev.greenlight.python.ast.List;
import dev.greenlight.python.ast.Module;
import dev.greenlight.python.ast.Name;
import dev.greenlight.python.ast.NamedExpr;
import dev.greenlight.python.ast.Node;
import dev.greenlight.python.ast.Nonlocal;
import dev.greenlight.python.ast.Return;
import dev.greenlight.python.ast.Starred;
import dev.greenlight.python.ast.Statement;
import dev.greenlight.python.ast.Tuple;
import dev.greenlight.python.ast.TypeAlias;
import dev.greenlight.python.ast.With;
import dev.greenlight.python.ast.WithItem;
import dev.greenlight.python.ast.Yield;
import dev.greenlight.python.ast.YieldFrom;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What greenlight knows of one module: the parent of every node, its scopes and the names each
 * binds (imports in every form, assignments, parameters, {@code with ... as}, loop targets,
 * walrus, {@code global}/{@code nonlocal}), the attributes that methods assign on {@code self},
 * and what each function returns and yields. {@link #valueOf} answers what an expression holds.
 *
 * <p>Built once per module and shared by the rules ({@code context.shared(ModuleModel.class,
 * ...)}); modules of the same workspace are loaded through {@link Workspace} when an import
 * names them.
 */
public final class ModuleModel {

    /** An assignment {@code self.name = value} in a method of a class. */
    public record SelfAssignment(String name, Expression value, Scope scope, Attribute target) {
    }

    /** Python source has about one node per 10 to 15 characters; this errs on the large side. */
    private static final int CHARACTERS_PER_NODE = 10;
    private static final int LAZY_NODES = 4096;

    private final Path path;
    private final String text;
    private final Module module;
    private final Map<Node, Node> parents;
    private final Map<Node, Scope> scopeOf;
    private final Map<Node, Scope> opened = new IdentityHashMap<>();
    private final Map<ClassDef, java.util.List<SelfAssignment>> selfAssignments = new IdentityHashMap<>();
    private final Map<Node, java.util.List<Expression>> returns = new IdentityHashMap<>();
    private final Map<Node, java.util.List<Expression>> yields = new IdentityHashMap<>();
    /** The names of each top-level statement, in the order the binder meets them. */
    private final java.util.List<Map<String, java.util.List<Name>>> names;
    /** The names each top-level statement binds in the module scope. */
    private final java.util.List<java.util.Set<String>> moduleNames;
    /**
     * The top-level statements whose nodes are not bound yet (only the names they bind in the
     * module scope are): they are bound when something asks about one of their nodes (see
     * {@link #lazy}).
     */
    private final boolean[] deferred;
    private int deferredCount;
    private final Scope moduleScope;
    private final Inference inference;
    /** Where reads of module-wide facts are recorded, or null (see {@link Dependencies}). */
    private Dependencies dependencies;

    private ModuleModel(Path path, String text, Module module, boolean lazy) {
        this.path = path;
        this.text = text;
        this.module = module;
        // Sized for the whole tree at once: growing maps of every node rehashes them many times.
        // A lazy model binds a few statements: room for a large class, not for the module.
        int expectedNodes = text == null ? 64 : lazy ? LAZY_NODES : text.length() / CHARACTERS_PER_NODE + 64;
        this.parents = new IdentityHashMap<>(expectedNodes);
        this.scopeOf = new IdentityHashMap<>(expectedNodes);
        this.moduleScope = new Scope(module, Scopes.Kind.MODULE, null);
        opened.put(module, moduleScope);
        int statements = module.body().size();
        this.names = new ArrayList<>(statements);
        this.moduleNames = new ArrayList<>(statements);
        this.deferred = new boolean[statements];
        Binder binder = new Binder(lazy, false);
        for (int i = 0; i < statements; i++) {
            names.add(new java.util.HashMap<>());
            moduleNames.add(new java.util.HashSet<>());
            binder.topLevel = i;
            binder.node(module.body().get(i), module, moduleScope);
            deferred[i] = lazy;
        }
        deferredCount = lazy ? statements : 0;
        this.inference = new Inference(this);
    }

    /** The model of a module; {@code path} (may be null) is its file, used to find its imports. */
    public static ModuleModel of(Path path, String text, Module module) {
        return new ModuleModel(path, text, module, false);
    }

    /**
     * As {@link #of}, but the bodies of top-level functions and classes are bound only when a
     * question needs them: the language server, which checks a few statements of a large module
     * after an edit, asks about few of them. Every answer is the same as {@link #of}'s.
     */
    public static ModuleModel lazy(Path path, String text, Module module) {
        return new ModuleModel(path, text, module, true);
    }

    /** The names that the top-level statement {@code index} binds in the module scope. */
    public java.util.Set<String> moduleNamesOf(int index) {
        return java.util.Collections.unmodifiableSet(moduleNames.get(index));
    }

    /**
     * Records from now on which module-wide facts the questions asked of this model read, into
     * {@code into} (null stops recording), and forgets the values inferred so far, so that each
     * value asked for again is computed, and recorded, afresh.
     */
    public void recordInto(Dependencies into) {
        dependencies = into;
        moduleScope.recordInto(into);
        inference.forget();
    }

    private void moduleWide() {
        if (dependencies != null) {
            dependencies.moduleWide();
        }
    }

    /** Binds the top-level statement that holds {@code node}, if it waits to be. */
    private void bindBodyOf(Node node) {
        if (deferredCount == 0 || node == null) {
            return;
        }
        if (node == module) {
            bindAll();
            return;
        }
        int index = topLevelIndexOf(node);
        if (index >= 0) {
            bindDeferred(index);
        }
    }

    private void bindDeferred(int index) {
        if (!deferred[index]) {
            return;
        }
        deferred[index] = false;
        deferredCount--;
        Binder binder = new Binder(false, true);
        binder.topLevel = index;
        binder.node(module.body().get(index), module, moduleScope);
    }

    private void bindAll() {
        for (int i = 0; deferredCount > 0 && i < deferred.length; i++) {
            bindDeferred(i);
        }
    }

    /** The index of the top-level statement whose text holds {@code node}, or -1. */
    private int topLevelIndexOf(Node node) {
        int position = firstPosition(node);
        if (position == Integer.MAX_VALUE) {
            return -1;
        }
        java.util.List<Statement> body = module.body();
        int low = 0;
        int high = body.size() - 1;
        int found = -1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (body.get(mid).span().start() <= position) {
                found = mid;
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return found >= 0 && position <= body.get(found).span().end() ? found : -1;
    }

    /** Where a node's text starts (nodes such as {@code arguments} have no span of their own). */
    private static int firstPosition(Node node) {
        if (node instanceof dev.greenlight.python.ast.Located located) {
            return located.span().start();
        }
        int[] first = {Integer.MAX_VALUE};
        node.forEachChild(child -> first[0] = Math.min(first[0], firstPosition(child)));
        return first[0];
    }

    public Path path() {
        return path;
    }

    public String text() {
        return text;
    }

    public Module module() {
        moduleWide();
        return module;
    }

    public Scope moduleScope() {
        return moduleScope;
    }

    public Node parent(Node node) {
        Node parent = parents.get(node);
        if (parent == null && deferredCount > 0) {
            bindBodyOf(node);
            parent = parents.get(node);
        }
        return parent;
    }

    /** The scope that {@code node} runs in. */
    public Scope scopeOf(Node node) {
        Scope scope = scopeOf.get(node);
        if (scope == null && deferredCount > 0) {
            bindBodyOf(node);
            scope = scopeOf.get(node);
        }
        return scope != null ? scope : moduleScope;
    }

    /** The scope that {@code node} opens (a def, class, lambda or comprehension), or null. */
    public Scope scopeOpenedBy(Node node) {
        Scope scope = opened.get(node);
        if (scope == null && deferredCount > 0) {
            bindBodyOf(node);
            scope = opened.get(node);
        }
        return scope;
    }

    public java.util.List<SelfAssignment> selfAssignments(ClassDef cls) {
        bindBodyOf(cls);
        return selfAssignments.getOrDefault(cls, java.util.List.of());
    }

    /** The values of the {@code return} statements of a function (its own, not nested ones). */
    public java.util.List<Expression> returnsOf(Node function) {
        bindBodyOf(function);
        return returns.getOrDefault(function, java.util.List.of());
    }

    /** The values of the {@code yield} expressions of a function; non-empty for generators. */
    public java.util.List<Expression> yieldsOf(Node function) {
        bindBodyOf(function);
        return yields.getOrDefault(function, java.util.List.of());
    }

    public boolean isGenerator(Node function) {
        bindBodyOf(function);
        return yields.containsKey(function);
    }

    /**
     * The loads of {@code name} that refer to the binding in {@code scope} (the uses of a
     * variable), in source order.
     */
    public java.util.List<Name> uses(String name, Scope scope) {
        java.util.List<Name> uses = new ArrayList<>();
        // A name in one top-level statement cannot refer to a scope inside another one.
        int only = scope == moduleScope || scope.node() == module ? -1 : topLevelIndexOf(scope.node());
        if (only < 0) {
            moduleWide();
            bindAll();
        } else {
            bindDeferred(only);
        }
        for (int i = only < 0 ? 0 : only; i < names.size() && (only < 0 || i == only); i++) {
            for (Name node : names.get(i).getOrDefault(name, java.util.List.of())) {
                if (node.ctx() == dev.greenlight.python.ast.ExprContext.Load && scopeOf(node).resolve(name) == scope) {
                    uses.add(node);
                }
            }
        }
        return uses;
    }

    /** The source text of a node. */
    public String source(dev.greenlight.python.ast.Located node) {
        return text.substring(node.span().start(), node.span().end());
    }

    /** What {@code expression} can hold. */
    public Value valueOf(Expression expression) {
        return inference.valueOf(expression);
    }

    public Inference inference() {
        return inference;
    }

    /** The value of a module-level name, for another module that imports it. */
    public Value exported(String name) {
        return inference.nameValue(name, moduleScope);
    }

    /** The class definition of a method's scope owner, or null when the function is not a method. */
    public ClassDef classOf(Node function) {
        Scope scope = scopeOpenedBy(function);
        if (scope == null || scope.parent() == null) {
            return null;
        }
        return scope.parent().node() instanceof ClassDef cls ? cls : null;
    }

    /** The nearest ancestor of the given class, or null. */
    public <T extends Node> T ancestor(Node node, Class<T> kind) {
        for (Node at = parent(node); at != null; at = parent(at)) {
            if (kind.isInstance(at)) {
                return kind.cast(at);
            }
        }
        return null;
    }

    /** Walks the tree once: parents, scopes, bindings. */
    private final class Binder {

        /**
         * Only the names bound in the module scope, in the order a whole walk binds them: what
         * runs in another scope is skipped (none of it binds a name of the module), and nothing
         * is recorded of the nodes.
         */
        private final boolean moduleNamesOnly;
        /** The rest of a statement whose module names {@link #moduleNamesOnly} bound before. */
        private final boolean afterModuleNames;
        /** The index of the top-level statement being bound. */
        int topLevel;

        Binder(boolean moduleNamesOnly, boolean afterModuleNames) {
            this.moduleNamesOnly = moduleNamesOnly;
            this.afterModuleNames = afterModuleNames;
        }

        private void bind(Scope scope, Binding binding) {
            if (scope == moduleScope) {
                if (afterModuleNames) {
                    return;
                }
                moduleNames.get(topLevel).add(binding.name());
            }
            scope.bind(binding);
        }

        private void link(Node node, Node parent, Scope scope) {
            if (!moduleNamesOnly) {
                parents.put(node, parent);
                scopeOf.put(node, scope);
            }
        }

        /** Opens the scope of a def or class and binds its parameters and body. */
        private void inside(Node owner, Scope enclosing) {
            if (moduleNamesOnly) {
                return;
            }
            Scope inner = open(owner, enclosing);
            if (owner instanceof FunctionDef def) {
                parameters(def.args(), def, inner, true);
                statements(def.body(), def, inner);
            } else if (owner instanceof AsyncFunctionDef def) {
                parameters(def.args(), def, inner, true);
                statements(def.body(), def, inner);
            } else if (owner instanceof ClassDef cls) {
                statements(cls.body(), cls, inner);
            }
        }

        void statements(java.util.List<Statement> body, Node parent, Scope scope) {
            for (Statement statement : body) {
                node(statement, parent, scope);
            }
        }

        void node(Node node, Node parent, Scope scope) {
            if (node == null) {
                return;
            }
            link(node, parent, scope);
            if (node instanceof Name name && !moduleNamesOnly) {
                names.get(topLevel).computeIfAbsent(name.id(), k -> new ArrayList<>()).add(name);
            }
            if (node instanceof FunctionDef def) {
                function(def, def.name(), def.args(), def.decoratorList(), def.returns(), scope);
            } else if (node instanceof AsyncFunctionDef def) {
                function(def, def.name(), def.args(), def.decoratorList(), def.returns(), scope);
            } else if (node instanceof ClassDef cls) {
                cls.decoratorList().forEach(d -> node(d, cls, scope));
                cls.bases().forEach(b -> node(b, cls, scope));
                cls.keywords().forEach(k -> node(k, cls, scope));
                bind(scope, new Binding(cls.name(), Binding.Kind.CLASS, cls, null, null, scope, null, null));
                inside(cls, scope);
            } else if (node instanceof Lambda lambda) {
                defaults(lambda.args(), lambda, scope);
                if (moduleNamesOnly) {
                    return;
                }
                Scope inner = open(lambda, scope);
                parameters(lambda.args(), lambda, inner, false);
                node(lambda.body(), lambda, inner);
            } else if (Scopes.generators(node) != null) {
                comprehension(node, scope);
            } else {
                bindings(node, scope);
                node.forEachChild(child -> node(child, node, scope));
            }
        }

        private void function(Statement def, String name, Arguments args,
                java.util.List<Expression> decorators, Expression returnsAnnotation, Scope scope) {
            decorators.forEach(d -> node(d, def, scope));
            defaults(args, def, scope);
            if (returnsAnnotation != null) {
                node(returnsAnnotation, def, scope);
            }
            bind(scope, new Binding(name, Binding.Kind.FUNCTION, def, null, null, scope, null, null));
            inside(def, scope);
        }

        /** Defaults and annotations run in the enclosing scope. */
        private void defaults(Arguments args, Node owner, Scope scope) {
            link(args, owner, scope);
            for (Arg arg : allArgs(args)) {
                link(arg, args, scope);
                if (arg.annotation() != null) {
                    node(arg.annotation(), arg, scope);
                }
            }
            args.defaults().forEach(d -> node(d, args, scope));
            for (Expression d : args.kwDefaults()) {
                if (d != null) {
                    node(d, args, scope);
                }
            }
        }

        private void parameters(Arguments args, Node owner, Scope inner, boolean withDefaults) {
            java.util.List<Arg> positional = new ArrayList<>(args.posonlyargs());
            positional.addAll(args.args());
            int firstDefault = positional.size() - args.defaults().size();
            for (int i = 0; i < positional.size(); i++) {
                Expression value = i >= firstDefault ? args.defaults().get(i - firstDefault) : null;
                param(positional.get(i), value, inner);
            }
            for (int i = 0; i < args.kwonlyargs().size(); i++) {
                param(args.kwonlyargs().get(i), args.kwDefaults().get(i), inner);
            }
            if (args.vararg() != null) {
                bind(inner, new Binding(args.vararg().arg(), Binding.Kind.OTHER, args.vararg(), null, null, inner, null, null));
            }
            if (args.kwarg() != null) {
                bind(inner, new Binding(args.kwarg().arg(), Binding.Kind.OTHER, args.kwarg(), null, null, inner, null, null));
            }
        }

        private void param(Arg arg, Expression value, Scope inner) {
            bind(inner, new Binding(arg.arg(), Binding.Kind.PARAMETER, arg, value, arg.annotation(), inner, null, null));
        }

        private void comprehension(Node node, Scope scope) {
            java.util.List<Comprehension> generators = Scopes.generators(node);
            Scope inner = open(node, scope);
            for (int i = 0; i < generators.size(); i++) {
                Comprehension generator = generators.get(i);
                link(generator, node, inner);
                node(generator.iter(), generator, i == 0 ? scope : inner);
                node(generator.target(), generator, inner);
                targets(generator.target(), null, inner, Binding.Kind.OTHER);
                generator.ifs().forEach(condition -> node(condition, generator, inner));
            }
            node.forEachChild(child -> {
                if (!(child instanceof Comprehension)) {
                    node(child, node, inner);
                }
            });
        }

        private Scope open(Node node, Scope parent) {
            Scope inner = new Scope(node, Scopes.kindOf(node), parent);
            if (!moduleNamesOnly) {
                opened.put(node, inner);
            }
            return inner;
        }

        /** Records what {@code node} binds in {@code scope}, and what functions return and yield. */
        private void bindings(Node node, Scope scope) {
            if (node instanceof Assign assign) {
                for (Expression target : assign.targets()) {
                    targets(target, assign.value(), scope, Binding.Kind.ASSIGN);
                    selfAssignment(target, assign.value(), scope);
                }
            } else if (node instanceof AnnAssign assign) {
                if (assign.target() instanceof Name name) {
                    bind(scope, new Binding(name.id(), Binding.Kind.ANNOTATED, assign, assign.value(),
                            assign.annotation(), scope, null, null));
                } else if (assign.value() != null) {
                    selfAssignment(assign.target(), assign.value(), scope);
                }
            } else if (node instanceof AugAssign assign) {
                targets(assign.target(), null, scope, Binding.Kind.OTHER);
            } else if (node instanceof NamedExpr walrus) {
                Scope target = scope;
                while (target.kind().isComprehension() && target.parent() != null) {
                    target = target.parent();
                }
                targets(walrus.target(), walrus.value(), target, Binding.Kind.WALRUS);
            } else if (node instanceof For loop) {
                targets(loop.target(), null, scope, Binding.Kind.OTHER);
            } else if (node instanceof AsyncFor loop) {
                targets(loop.target(), null, scope, Binding.Kind.OTHER);
            } else if (node instanceof With with) {
                withItems(with.items(), scope, Binding.Kind.WITH);
            } else if (node instanceof AsyncWith with) {
                withItems(with.items(), scope, Binding.Kind.ASYNC_WITH);
            } else if (node instanceof ExceptHandler handler && handler.name() != null) {
                bind(scope, new Binding(handler.name(), Binding.Kind.OTHER, handler, null, null, scope, null, null));
            } else if (node instanceof Import imp) {
                for (Alias alias : imp.names()) {
                    if (alias.asname() != null) {
                        bind(scope, new Binding(alias.asname(), Binding.Kind.IMPORT, alias, null, null, scope, alias.name(), null));
                    } else {
                        String first = alias.name().contains(".") ? alias.name().substring(0, alias.name().indexOf('.')) : alias.name();
                        bind(scope, new Binding(first, Binding.Kind.IMPORT, alias, null, null, scope, first, null));
                    }
                }
            } else if (node instanceof ImportFrom imp) {
                String from = ".".repeat(imp.level()) + (imp.module() == null ? "" : imp.module());
                for (Alias alias : imp.names()) {
                    if (alias.name().equals("*")) {
                        continue;
                    }
                    String local = alias.asname() != null ? alias.asname() : alias.name();
                    bind(scope, new Binding(local, Binding.Kind.IMPORT, alias, null, null, scope, from, alias.name()));
                }
            } else if (node instanceof Global global) {
                global.names().forEach(scope::declareGlobal);
            } else if (node instanceof Nonlocal nonlocal) {
                nonlocal.names().forEach(scope::declareNonlocal);
            } else if (node instanceof TypeAlias alias && alias.name() instanceof Name name) {
                bind(scope, new Binding(name.id(), Binding.Kind.TYPE_ALIAS, alias, alias.value(), null, scope, null, null));
            } else if (node instanceof Return ret && ret.value() != null) {
                Scope function = scope.function();
                if (function != null && !scope.kind().isComprehension()) {
                    returns.computeIfAbsent(function.node(), k -> new ArrayList<>()).add(ret.value());
                }
            } else if (node instanceof Yield yield && !moduleNamesOnly) {
                generator(scope).add(yield.value());
            } else if (node instanceof YieldFrom && !moduleNamesOnly) {
                generator(scope).add(null);
            }
        }

        private java.util.List<Expression> generator(Scope scope) {
            Node owner = scope.kind().isComprehension() ? scope.node() : scope.function() != null ? scope.function().node() : module;
            return yields.computeIfAbsent(owner, k -> new ArrayList<>());
        }

        private void withItems(java.util.List<WithItem> items, Scope scope, Binding.Kind kind) {
            for (WithItem item : items) {
                if (item.optionalVars() != null) {
                    targets(item.optionalVars(), item.contextExpr(), scope, kind);
                }
            }
        }

        private void targets(Expression target, Expression value, Scope scope, Binding.Kind kind) {
            if (target instanceof Name name) {
                bind(scope, new Binding(name.id(), value == null ? Binding.Kind.OTHER : kind, name, value, null, scope, null, null));
            } else if (target instanceof Tuple tuple) {
                tuple.elts().forEach(elt -> targets(elt, null, scope, Binding.Kind.OTHER));
            } else if (target instanceof List list) {
                list.elts().forEach(elt -> targets(elt, null, scope, Binding.Kind.OTHER));
            } else if (target instanceof Starred starred) {
                targets(starred.value(), null, scope, Binding.Kind.OTHER);
            }
        }

        /** {@code self.name = value} in a method: remembered on the class. */
        private void selfAssignment(Expression target, Expression value, Scope scope) {
            if (!(target instanceof Attribute attribute) || !(attribute.value() instanceof Name base)) {
                return;
            }
            Scope function = scope.function();
            if (function == null || function.parent() == null || !(function.parent().node() instanceof ClassDef cls)) {
                return;
            }
            Arguments args = function.node() instanceof FunctionDef def ? def.args()
                    : function.node() instanceof AsyncFunctionDef def ? def.args() : null;
            java.util.List<Arg> positional = new ArrayList<>(args.posonlyargs());
            positional.addAll(args.args());
            if (positional.isEmpty() || !positional.get(0).arg().equals(base.id())) {
                return;
            }
            selfAssignments.computeIfAbsent(cls, k -> new ArrayList<>())
                    .add(new SelfAssignment(attribute.attr(), value, scope, attribute));
        }
    }

    static java.util.List<Arg> allArgs(Arguments args) {
        java.util.List<Arg> all = new ArrayList<>(args.posonlyargs());
        all.addAll(args.args());
        if (args.vararg() != null) {
            all.add(args.vararg());
        }
        all.addAll(args.kwonlyargs());
        if (args.kwarg() != null) {
            all.add(args.kwarg());
        }
        return all;
    }

    /** Every node of the module in source order with its scope: for rules that scan bindings. */
    public Map<Node, Scope> scopes() {
        moduleWide();
        bindAll();
        return new LinkedHashMap<>(scopeOf);
    }
}
