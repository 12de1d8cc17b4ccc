package dev.greenlight.analysis;

import dev.greenlight.python.ast.Arg;
import dev.greenlight.python.ast.Arguments;
import dev.greenlight.python.ast.AsyncFunctionDef;
import dev.greenlight.python.ast.Attribute;
import dev.greenlight.python.ast.Await;
import dev.greenlight.python.ast.BinOp;
import dev.greenlight.python.ast.Call;
import dev.greenlight.python.ast.ClassDef;
import dev.greenlight.python.ast.Constant;
import dev.greenlight.python.ast.Expression;
import dev.greenlight.python.ast.FunctionDef;
import dev.greenlight.python.ast.IfExp;
import dev.greenlight.python.ast.JoinedStr;
import dev.greenlight.python.ast.Keyword;
import dev.greenlight.python.ast.Name;
import dev.greenlight.python.ast.Node;
import dev.greenlight.python.ast.Operator;
import dev.greenlight.python.ast.Singleton;
import dev.greenlight.python.ast.Statement;
import dev.greenlight.python.ast.Subscript;
import dev.greenlight.python.ast.Tuple;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The value inference of one module: what an expression can hold, flow-insensitively (every
 * binding of a name in its scope counts, and they must agree), following imports into the
 * workspace. Anything it cannot tell is {@link Value#UNKNOWN}.
 */
public final class Inference {

    /** One lock for all models: inference of one module may enter another's. */
    private static final ReentrantLock LOCK = new ReentrantLock();
    private static final int MAX_DEPTH = 60;

    /** What an annotation says: the type's value, the node naming it, and a {@code Depends}. */
    public record AnnotationInfo(Value type, Expression typeNode, ModuleModel typeModule,
            Expression depends, ModuleModel dependsModule) {

        static final AnnotationInfo NONE = new AnnotationInfo(Value.UNKNOWN, null, null, null, null);
    }

    /** A parameter: its annotation, the dependency FastAPI injects into it, and its value. */
    public record ParameterInfo(AnnotationInfo annotation, Expression depends, ModuleModel dependsModule,
            Value provided, Value value) {
    }

    private final ModuleModel model;
    private final Map<Node, Value> memo = new IdentityHashMap<>();
    private final Map<Node, Boolean> active = new IdentityHashMap<>();
    private int depth;

    Inference(ModuleModel model) {
        this.model = model;
    }

    /** Forgets every value inferred so far (see {@link ModuleModel#recordInto}). */
    void forget() {
        LOCK.lock();
        try {
            memo.clear();
        } finally {
            LOCK.unlock();
        }
    }

    public Value valueOf(Expression expression) {
        if (expression == null) {
            return Value.UNKNOWN;
        }
        LOCK.lock();
        try {
            Value known = memo.get(expression);
            if (known != null) {
                return known;
            }
            if (active.containsKey(expression) || depth > MAX_DEPTH) {
                return Value.UNKNOWN;
            }
            active.put(expression, true);
            depth++;
            Value value;
            try {
                value = compute(expression);
            } finally {
                depth--;
                active.remove(expression);
            }
            memo.put(expression, value);
            return value;
        } finally {
            LOCK.unlock();
        }
    }

    private Value compute(Expression expression) {
        if (expression instanceof Name name) {
            return nameValue(name.id(), model.scopeOf(name));
        }
        if (expression instanceof Attribute attribute) {
            return attribute(valueOf(attribute.value()), attribute.attr());
        }
        if (expression instanceof Call call) {
            return call(call);
        }
        if (expression instanceof Await await) {
            return awaited(valueOf(await.value()));
        }
        if (expression instanceof Constant constant && constant.value() instanceof String text) {
            return new Value.Str(text, true, constant, model, null);
        }
        if (expression instanceof JoinedStr joined) {
            StringBuilder prefix = new StringBuilder();
            for (Expression part : joined.values()) {
                if (part instanceof Constant constant && constant.value() instanceof String text) {
                    prefix.append(text);
                } else {
                    break;
                }
            }
            Expression first = joined.values().isEmpty() ? joined : joined.values().get(0);
            boolean complete = joined.values().stream().allMatch(v -> v instanceof Constant);
            return new Value.Str(prefix.toString(), complete, first instanceof Constant ? first : joined, model, null);
        }
        if (expression instanceof BinOp bin && bin.op() == Operator.Add
                && valueOf(bin.left()) instanceof Value.Str left) {
            if (left.complete() && valueOf(bin.right()) instanceof Value.Str right) {
                return new Value.Str(left.text() + right.text(), right.complete(), left.literal(), left.module(), left.via());
            }
            return new Value.Str(left.text(), false, left.literal(), left.module(), left.via());
        }
        if (expression instanceof IfExp ifExp) {
            return join(List.of(valueOf(ifExp.body()), valueOf(ifExp.orelse())));
        }
        return Value.UNKNOWN;
    }

    // ---------------------------------------------------------------- names and bindings

    public Value nameValue(String name, Scope from) {
        LOCK.lock();
        try {
            Scope scope = from.resolve(name);
            if (scope == null) {
                return Value.UNKNOWN;
            }
            List<Value> values = new ArrayList<>();
            for (Binding binding : scope.local(name)) {
                if (binding.kind() == Binding.Kind.ASSIGN && isNone(binding.value())) {
                    continue;
                }
                values.add(bindingValue(binding));
            }
            return join(values);
        } finally {
            LOCK.unlock();
        }
    }

    private static boolean isNone(Expression expression) {
        return expression instanceof Constant constant && constant.value() == Singleton.NONE;
    }

    /** Every value must be known and alike (same record type and flavour); else unknown. */
    static Value join(List<Value> values) {
        if (values.isEmpty()) {
            return Value.UNKNOWN;
        }
        Value first = values.get(0);
        for (Value value : values) {
            if (!value.known() || value.getClass() != first.getClass() || !sameFlavour(first, value)) {
                return Value.UNKNOWN;
            }
        }
        return first;
    }

    private static boolean sameFlavour(Value a, Value b) {
        if (a instanceof Value.Session x && b instanceof Value.Session y) {
            return x.async() == y.async();
        }
        if (a instanceof Value.Engine x && b instanceof Value.Engine y) {
            return x.async() == y.async();
        }
        if (a instanceof Value.Factory x && b instanceof Value.Factory y) {
            return x.async() == y.async();
        }
        if (a instanceof Value.Connection x && b instanceof Value.Connection y) {
            return x.async() == y.async();
        }
        return a.equals(b) || a instanceof Value.Str || a instanceof Value.Result || a instanceof Value.Coroutine;
    }

    public Value bindingValue(Binding binding) {
        LOCK.lock();
        try {
            return switch (binding.kind()) {
                case ASSIGN, WALRUS -> valueOf(binding.value());
                case ANNOTATED -> {
                    Value value = binding.value() == null ? Value.UNKNOWN : valueOf(binding.value());
                    if (!value.known() && binding.value() == null) {
                        value = annotation(binding.annotation()).type();
                    }
                    yield value;
                }
                case PARAMETER -> parameter(binding).value();
                case WITH -> entered(valueOf(binding.value()), false);
                case ASYNC_WITH -> entered(valueOf(binding.value()), true);
                case IMPORT -> imported(binding);
                case FUNCTION -> new Value.Function(model, (Statement) binding.node(),
                        binding.scope().node() instanceof ClassDef cls ? cls : null);
                case CLASS -> new Value.ClassValue(model, (ClassDef) binding.node(), false);
                case TYPE_ALIAS, OTHER -> Value.UNKNOWN;
            };
        } finally {
            LOCK.unlock();
        }
    }

    private Value imported(Binding binding) {
        String module = binding.module();
        if (binding.member() == null) {
            ModuleModel workspace = Workspace.module(model.path(), module);
            return workspace != null ? new Value.WorkspaceModule(workspace) : new Value.Dotted(Api.canonical(module));
        }
        ModuleModel workspace = Workspace.module(model.path(), module);
        if (workspace != null && workspace != model) {
            if (workspace.moduleScope().local(binding.member()).isEmpty()) {
                String sub = module.endsWith(".") ? module + binding.member() : module + "." + binding.member();
                ModuleModel submodule = Workspace.module(model.path(), sub);
                return submodule != null ? new Value.WorkspaceModule(submodule) : Value.UNKNOWN;
            }
            return workspace.exported(binding.member());
        }
        if (module.startsWith(".")) {
            return Value.UNKNOWN;
        }
        return new Value.Dotted(Api.canonical(module + "." + binding.member()));
    }

    // ---------------------------------------------------------------- attributes

    public Value attribute(Value base, String attr) {
        if (base instanceof Value.Dotted dotted) {
            return new Value.Dotted(Api.canonical(dotted.name() + "." + attr));
        }
        if (base instanceof Value.WorkspaceModule module) {
            if (!module.module().moduleScope().local(attr).isEmpty()) {
                return module.module().exported(attr);
            }
            return Value.UNKNOWN;
        }
        if (base instanceof Value.ClassValue cls) {
            return classAttribute(cls, attr);
        }
        if (base instanceof Value.Session session && attr.equals("sync_session") && session.async()) {
            return new Value.Session(false, session.origin(), null, session.module());
        }
        return Value.UNKNOWN;
    }

    private Value classAttribute(Value.ClassValue cls, String attr) {
        ModuleModel owner = cls.module();
        Scope classScope = owner.scopeOpenedBy(cls.def());
        if (cls.instance()) {
            List<Value> values = new ArrayList<>();
            for (ModuleModel.SelfAssignment assignment : owner.selfAssignments(cls.def())) {
                if (assignment.name().equals(attr)) {
                    values.add(owner.valueOf(assignment.value()));
                }
            }
            if (!values.isEmpty()) {
                return join(values);
            }
            if (classScope != null) {
                for (Binding binding : classScope.local(attr)) {
                    if (binding.kind() == Binding.Kind.FUNCTION && isProperty(binding.node())) {
                        List<Value> returned = new ArrayList<>();
                        owner.returnsOf(binding.node()).forEach(r -> returned.add(owner.valueOf(r)));
                        return join(returned);
                    }
                }
                List<Binding> declared = classScope.local(attr);
                boolean settings = isSettingsClass(owner, cls.def(), 0);
                if (!declared.isEmpty() && declared.stream().allMatch(b -> b.kind() == Binding.Kind.ANNOTATED)) {
                    if (settings) {
                        List<Value> defaults = new ArrayList<>();
                        for (Binding binding : declared) {
                            Value value = binding.value() == null ? Value.UNKNOWN : owner.valueOf(binding.value());
                            if (value instanceof Value.Str str) {
                                value = new Value.Str(str.text(), str.complete(), str.literal(), str.module(),
                                        "the default of `" + cls.def().name() + "." + attr + "`");
                            }
                            defaults.add(value);
                        }
                        return join(defaults);
                    }
                    if (declared.stream().allMatch(b -> b.value() == null)) {
                        return owner.inference().annotation(declared.get(0).annotation()).type();
                    }
                }
            }
            return Value.UNKNOWN;
        }
        if (classScope != null) {
            List<Binding> bindings = classScope.local(attr);
            if (!bindings.isEmpty() && bindings.stream().allMatch(b -> b.kind() == Binding.Kind.FUNCTION)) {
                return owner.inference().bindingValue(bindings.get(0));
            }
        }
        return Value.UNKNOWN;
    }

    private boolean isProperty(Node def) {
        List<Expression> decorators = def instanceof FunctionDef f ? f.decoratorList()
                : def instanceof AsyncFunctionDef f ? f.decoratorList() : List.of();
        for (Expression decorator : decorators) {
            if (decorator instanceof Name name && (name.id().equals("property") || name.id().equals("cached_property"))) {
                return true;
            }
            if (model.valueOf(decorator) instanceof Value.Dotted dotted && dotted.name().equals("functools.cached_property")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isSettingsClass(ModuleModel owner, ClassDef cls, int depth) {
        if (depth > 5) {
            return false;
        }
        for (Expression base : cls.bases()) {
            Value value = owner.valueOf(base);
            if (value instanceof Value.Dotted dotted && dotted.name().equals(Api.BASE_SETTINGS)) {
                return true;
            }
            if (value instanceof Value.ClassValue parent && isSettingsClass(parent.module(), parent.def(), depth + 1)) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- calls

    private Value call(Call call) {
        Expression func = call.func();
        if (func instanceof Attribute attribute) {
            Value receiver = valueOf(attribute.value());
            Value method = methodCall(receiver, attribute.attr(), call);
            if (method != null) {
                return method;
            }
        }
        Value callee = valueOf(func);
        if (callee instanceof Value.Dotted dotted) {
            return library(dotted.name(), call);
        }
        if (callee instanceof Value.Factory factory) {
            return new Value.Session(factory.async(), call, factory, model);
        }
        if (callee instanceof Value.Function function) {
            return callFunction(function);
        }
        if (callee instanceof Value.ClassValue cls && !cls.instance()) {
            return new Value.ClassValue(cls.module(), cls.def(), true);
        }
        if (func instanceof Name name && name.id().equals("str") && call.args().size() == 1
                && model.scopeOf(call).resolve("str") == null) {
            Value inner = valueOf(call.args().get(0));
            return inner instanceof Value.Str ? inner : Value.UNKNOWN;
        }
        return Value.UNKNOWN;
    }

    /** Calling a workspace function: a coroutine for an {@code async def}, else what it returns. */
    public Value callFunction(Value.Function function) {
        Statement def = function.def();
        ModuleModel owner = function.module();
        List<Expression> decorators = decorators(def);
        for (Expression decorator : decorators) {
            Value value = owner.valueOf(decorator);
            if (value instanceof Value.Dotted dotted && (dotted.name().equals(Api.ASYNC_CONTEXT_MANAGER)
                    || dotted.name().equals(Api.CONTEXT_MANAGER))) {
                return new Value.ContextManager(provided(function));
            }
        }
        if (!transparentDecorators(owner, decorators)) {
            return Value.UNKNOWN;
        }
        if (def instanceof AsyncFunctionDef async) {
            if (owner.isGenerator(def)) {
                return Value.UNKNOWN;
            }
            return new Value.Coroutine(async.name(), null, returned(owner, def));
        }
        if (owner.isGenerator(def)) {
            return Value.UNKNOWN;
        }
        return returned(owner, def);
    }

    private static Value returned(ModuleModel owner, Statement def) {
        List<Value> values = new ArrayList<>();
        for (Expression value : owner.returnsOf(def)) {
            if (!isNone(value)) {
                values.add(owner.valueOf(value));
            }
        }
        return join(values);
    }

    static List<Expression> decorators(Node def) {
        return def instanceof FunctionDef f ? f.decoratorList()
                : def instanceof AsyncFunctionDef f ? f.decoratorList() : List.of();
    }

    /** Decorators known to leave the function as it is. */
    private static boolean transparentDecorators(ModuleModel owner, List<Expression> decorators) {
        for (Expression decorator : decorators) {
            Expression target = decorator instanceof Call call ? call.func() : decorator;
            if (target instanceof Name name && (name.id().equals("staticmethod") || name.id().equals("classmethod"))) {
                continue;
            }
            Value value = owner.valueOf(target);
            if (value instanceof Value.Dotted dotted && (dotted.name().equals("functools.lru_cache")
                    || dotted.name().equals("functools.cache") || dotted.name().equals("functools.wraps"))) {
                continue;
            }
            // app.get("/"), router.post(...): FastAPI returns the function itself.
            if (decorator instanceof Call call && call.func() instanceof Attribute attribute
                    && Set.ROUTES.contains(attribute.attr())) {
                continue;
            }
            return false;
        }
        return true;
    }

    private static final class Set {
        static final java.util.Set<String> ROUTES = java.util.Set.of(
                "get", "post", "put", "patch", "delete", "head", "options", "api_route", "websocket");
    }

    private Value library(String name, Call call) {
        switch (name) {
            case Api.CREATE_ENGINE, Api.ENGINE_FROM_CONFIG:
                return new Value.Engine(false, name.equals(Api.CREATE_ENGINE) ? url(argument(call, 0, "url")) : null, call, model);
            case Api.CREATE_ASYNC_ENGINE, Api.ASYNC_ENGINE_FROM_CONFIG:
                return new Value.Engine(true, name.equals(Api.CREATE_ASYNC_ENGINE) ? url(argument(call, 0, "url")) : null, call, model);
            case Api.ASYNC_ENGINE: {
                Value inner = valueOf(argument(call, 0, "sync_engine"));
                return new Value.Engine(true, inner instanceof Value.Engine engine ? engine.url() : null, call, model);
            }
            case Api.SESSIONMAKER: {
                Value cls = valueOf(keyword(call, "class_"));
                boolean async = cls instanceof Value.Dotted dotted && dotted.name().equals(Api.ASYNC_SESSION);
                if (keyword(call, "class_") != null && !async && !(cls instanceof Value.Dotted d && d.name().equals(Api.SESSION))) {
                    return Value.UNKNOWN;
                }
                return new Value.Factory(async, call, valueOf(argument(call, 0, "bind")), keyword(call, "expire_on_commit"), model);
            }
            case Api.ASYNC_SESSIONMAKER:
                return new Value.Factory(true, call, valueOf(argument(call, 0, "bind")), keyword(call, "expire_on_commit"), model);
            case Api.SCOPED_SESSION, Api.ASYNC_SCOPED_SESSION: {
                Value inner = valueOf(argument(call, 0, "session_factory"));
                if (inner instanceof Value.Factory factory) {
                    return new Value.Factory(factory.async(), factory.origin(), factory.bind(), factory.expireOnCommit(), factory.module());
                }
                return Value.UNKNOWN;
            }
            case Api.SESSION:
                return new Value.Session(false, call, null, model);
            case Api.ASYNC_SESSION:
                return new Value.Session(true, call, null, model);
            case Api.DEPENDS: {
                Expression dependency = argument(call, 0, "dependency");
                return dependency == null ? Value.UNKNOWN : new Value.DependsMarker(dependency, model);
            }
            case Api.GETENV, Api.ENVIRON_GET: {
                Expression fallback = argument(call, 1, "default");
                if (valueOf(fallback) instanceof Value.Str str) {
                    String variable = valueOf(argument(call, 0, "key")) instanceof Value.Str key && key.complete()
                            ? key.text() : "?";
                    return new Value.Str(str.text(), str.complete(), str.literal(), str.module(),
                            "the default of `" + (name.equals(Api.GETENV) ? "os.getenv" : "os.environ.get") + "(\"" + variable + "\", ...)`");
                }
                return Value.UNKNOWN;
            }
            case Api.DECLARATIVE_BASE:
                return new Value.MappedBase(call);
            case Api.REGISTRY:
                return new Value.Dotted(Api.REGISTRY_INSTANCE);
            case Api.MAKE_URL: {
                Value inner = valueOf(argument(call, 0, "name_or_url"));
                return inner instanceof Value.Str ? inner : Value.UNKNOWN;
            }
            default:
                break;
        }
        if (name.equals(Api.URL + ".create")) {
            Value driver = valueOf(argument(call, 0, "drivername"));
            if (driver instanceof Value.Str str && str.complete()) {
                return new Value.Str(str.text() + "://", false, str.literal(), str.module(), "the `drivername` of `URL.create(...)`");
            }
        }
        return Value.UNKNOWN;
    }

    private Url url(Expression expression) {
        Value value = valueOf(expression);
        return value instanceof Value.Str str ? Url.of(str) : null;
    }

    /** The positional argument {@code index} or the keyword {@code name}, or null. */
    public static Expression argument(Call call, int index, String name) {
        Expression keyword = keyword(call, name);
        if (keyword != null) {
            return keyword;
        }
        if (index >= 0 && index < call.args().size()) {
            Expression arg = call.args().get(index);
            for (int i = 0; i <= index; i++) {
                if (call.args().get(i) instanceof dev.greenlight.python.ast.Starred) {
                    return null;
                }
            }
            return arg;
        }
        return null;
    }

    public static Expression keyword(Call call, String name) {
        for (Keyword keyword : call.keywords()) {
            if (name.equals(keyword.arg())) {
                return keyword.value();
            }
        }
        return null;
    }

    /** A method called on a known value, or null to fall back to the callee's value. */
    private Value methodCall(Value receiver, String method, Call call) {
        if (receiver instanceof Value.Session session) {
            if (session.async()) {
                if (Api.ASYNC_SESSION_COROUTINES.contains(method)) {
                    return new Value.Coroutine("AsyncSession", method, resultOf(method, true));
                }
                return Value.UNKNOWN;
            }
            return switch (method) {
                case "execute" -> new Value.Result(false, false);
                case "scalars" -> new Value.Result(false, true);
                case "connection" -> new Value.Connection(false, call);
                default -> Value.UNKNOWN;
            };
        }
        if (receiver instanceof Value.Connection connection) {
            if (connection.async() && Api.ASYNC_CONNECTION_COROUTINES.contains(method)) {
                return new Value.Coroutine("AsyncConnection", method, resultOf(method, true));
            }
            if (!connection.async() && method.equals("execute")) {
                return new Value.Result(false, false);
            }
            return Value.UNKNOWN;
        }
        if (receiver instanceof Value.Engine engine) {
            if (method.equals("connect")) {
                return new Value.Connection(engine.async(), call);
            }
            if (method.equals("begin")) {
                return new Value.ConnectionContext(engine.async(), call);
            }
            if (engine.async() && Api.ASYNC_ENGINE_COROUTINES.contains(method)) {
                return new Value.Coroutine("AsyncEngine", method, Value.UNKNOWN);
            }
            return Value.UNKNOWN;
        }
        if (receiver instanceof Value.Result result) {
            if (result.async() && Api.ASYNC_RESULT_COROUTINES.contains(method)) {
                return new Value.Coroutine(result.scalars() ? "AsyncScalarResult" : "AsyncResult", method, Value.UNKNOWN);
            }
            return switch (method) {
                case "scalars" -> new Value.Result(result.async(), true);
                case "unique", "columns", "yield_per", "mappings" -> new Value.Result(result.async(), result.scalars());
                default -> Value.UNKNOWN;
            };
        }
        if (method.equals("generate_base") && receiver instanceof Value.Dotted registry
                && registry.name().equals(Api.REGISTRY_INSTANCE)) {
            return new Value.MappedBase(call);
        }
        if (receiver instanceof Value.Factory factory && method.equals("begin")) {
            return new Value.ContextManager(new Value.Session(factory.async(), call, factory, model));
        }
        if (receiver instanceof Value.Str str && method.equals("replace") && str.complete() && call.args().size() >= 2
                && valueOf(call.args().get(0)) instanceof Value.Str from && from.complete()
                && valueOf(call.args().get(1)) instanceof Value.Str to && to.complete()) {
            return new Value.Str(str.text().replace(from.text(), to.text()), true, null, model, null);
        }
        if (receiver instanceof Value.ClassValue cls && cls.instance()) {
            Value member = classAttribute(new Value.ClassValue(cls.module(), cls.def(), false), method);
            if (member instanceof Value.Function function) {
                return callFunction(function);
            }
            return Value.UNKNOWN;
        }
        return null;
    }

    private static Value resultOf(String method, boolean async) {
        return switch (method) {
            case "execute" -> new Value.Result(false, false);
            case "scalars" -> new Value.Result(false, true);
            case "stream" -> new Value.Result(true, false);
            case "stream_scalars" -> new Value.Result(true, true);
            case "connection" -> new Value.Connection(true, null);
            default -> Value.UNKNOWN;
        };
    }

    /** What {@code await value} gives. */
    public Value awaited(Value value) {
        if (value instanceof Value.Coroutine coroutine) {
            return coroutine.result();
        }
        if (value instanceof Value.Connection connection && connection.async()) {
            return connection;
        }
        return Value.UNKNOWN;
    }

    /** What {@code with value as x} (or {@code async with}) binds to {@code x}. */
    public Value entered(Value value, boolean async) {
        if (value instanceof Value.Session session) {
            return session;
        }
        if (value instanceof Value.Connection connection) {
            return connection;
        }
        if (value instanceof Value.ConnectionContext context) {
            return new Value.Connection(context.async(), context.origin());
        }
        if (value instanceof Value.ContextManager manager) {
            return manager.entered();
        }
        return Value.UNKNOWN;
    }

    // ---------------------------------------------------------------- annotations, parameters, dependencies

    /** What an annotation declares, looking through aliases, {@code Annotated} and {@code Optional}. */
    public AnnotationInfo annotation(Expression annotation) {
        LOCK.lock();
        try {
            return annotation(annotation, 0);
        } finally {
            LOCK.unlock();
        }
    }

    private AnnotationInfo annotation(Expression annotation, int depth) {
        if (annotation == null || depth > 8) {
            return AnnotationInfo.NONE;
        }
        if (annotation instanceof Constant constant && constant.value() instanceof String text
                && text.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            Value value = nameValue(text, model.scopeOf(annotation));
            return typeOf(value, annotation, depth);
        }
        if (annotation instanceof BinOp bin && bin.op() == Operator.BitOr) {
            if (isNone(bin.right())) {
                return annotation(bin.left(), depth + 1);
            }
            if (isNone(bin.left())) {
                return annotation(bin.right(), depth + 1);
            }
            return AnnotationInfo.NONE;
        }
        if (annotation instanceof Subscript subscript) {
            Value base = valueOf(subscript.value());
            if (base instanceof Value.Dotted dotted) {
                List<Expression> items = subscript.slice() instanceof Tuple tuple ? tuple.elts() : List.of(subscript.slice());
                if (dotted.name().equals(Api.ANNOTATED) && !items.isEmpty()) {
                    AnnotationInfo inner = annotation(items.get(0), depth + 1);
                    for (Expression metadata : items.subList(1, items.size())) {
                        if (valueOf(metadata) instanceof Value.DependsMarker marker) {
                            return new AnnotationInfo(inner.type(), inner.typeNode(), inner.typeModule(),
                                    marker.dependency(), marker.module());
                        }
                    }
                    return inner;
                }
                if (dotted.name().equals(Api.OPTIONAL) && items.size() == 1) {
                    return annotation(items.get(0), depth + 1);
                }
                if (dotted.name().equals(Api.UNION) && items.size() == 2) {
                    if (isNone(items.get(1))) {
                        return annotation(items.get(0), depth + 1);
                    }
                    if (isNone(items.get(0))) {
                        return annotation(items.get(1), depth + 1);
                    }
                }
            }
            return AnnotationInfo.NONE;
        }
        if (annotation instanceof Name name) {
            Scope scope = model.scopeOf(name).resolve(name.id());
            if (scope != null) {
                List<Binding> bindings = scope.local(name.id());
                if (bindings.size() == 1) {
                    Binding binding = bindings.get(0);
                    Expression aliased = switch (binding.kind()) {
                        case ASSIGN, TYPE_ALIAS -> binding.value();
                        case ANNOTATED -> binding.value();
                        default -> null;
                    };
                    if (aliased != null && (aliased instanceof Subscript || aliased instanceof Name
                            || aliased instanceof Attribute || aliased instanceof BinOp)) {
                        AnnotationInfo info = binding.scope() == model.scopeOf(aliased) ? annotation(aliased, depth + 1) : AnnotationInfo.NONE;
                        if (info.type().known() || info.depends() != null) {
                            return info;
                        }
                    }
                    if (binding.kind() == Binding.Kind.IMPORT) {
                        Value imported = bindingValue(binding);
                        if (!(imported instanceof Value.Dotted) && !(imported instanceof Value.ClassValue)) {
                            AnnotationInfo remote = remoteAlias(binding, depth);
                            if (remote != null) {
                                return remote;
                            }
                        }
                    }
                }
            }
        }
        return typeOf(valueOf(annotation), annotation, depth);
    }

    /** An alias imported from another module of the workspace ({@code from app.deps import SessionDep}). */
    private AnnotationInfo remoteAlias(Binding binding, int depth) {
        ModuleModel other = Workspace.module(model.path(), binding.module());
        if (other == null || other == model) {
            return null;
        }
        List<Binding> bindings = other.moduleScope().local(binding.member());
        if (bindings.size() != 1 || bindings.get(0).value() == null) {
            return null;
        }
        Binding remote = bindings.get(0);
        if (remote.kind() != Binding.Kind.ASSIGN && remote.kind() != Binding.Kind.TYPE_ALIAS
                && remote.kind() != Binding.Kind.ANNOTATED) {
            return null;
        }
        AnnotationInfo info = other.inference().annotation(remote.value(), depth + 1);
        return info.type().known() || info.depends() != null ? info : null;
    }

    private AnnotationInfo typeOf(Value value, Expression node, int depth) {
        Value type = Value.UNKNOWN;
        if (value instanceof Value.Dotted dotted) {
            type = switch (dotted.name()) {
                case Api.ASYNC_SESSION -> new Value.Session(true, node, null, model);
                case Api.SESSION -> new Value.Session(false, node, null, model);
                case Api.ASYNC_ENGINE -> new Value.Engine(true, null, node, model);
                case Api.ENGINE -> new Value.Engine(false, null, node, model);
                case Api.ASYNC_CONNECTION -> new Value.Connection(true, node);
                case Api.CONNECTION -> new Value.Connection(false, node);
                case Api.ASYNC_SCOPED_SESSION -> new Value.Session(true, node, null, model);
                case Api.SCOPED_SESSION -> new Value.Session(false, node, null, model);
                default -> Value.UNKNOWN;
            };
        } else if (value instanceof Value.ClassValue cls && !cls.instance()) {
            type = new Value.ClassValue(cls.module(), cls.def(), true);
        }
        return new AnnotationInfo(type, node, model, null, null);
    }

    /** A parameter's annotation, FastAPI dependency and value. */
    public ParameterInfo parameter(Binding binding) {
        LOCK.lock();
        try {
            Arg arg = (Arg) binding.node();
            Scope function = binding.scope();
            if (isSelf(arg, function)) {
                ClassDef cls = (ClassDef) function.parent().node();
                boolean classMethod = decorators(function.node()).stream()
                        .anyMatch(d -> d instanceof Name n && n.id().equals("classmethod"));
                Value self = new Value.ClassValue(model, cls, !classMethod);
                return new ParameterInfo(AnnotationInfo.NONE, null, null, Value.UNKNOWN, self);
            }
            AnnotationInfo annotation = annotation(binding.annotation());
            Expression depends = annotation.depends();
            ModuleModel dependsModule = annotation.dependsModule();
            if (binding.value() != null && valueOf(binding.value()) instanceof Value.DependsMarker marker) {
                depends = marker.dependency();
                dependsModule = marker.module();
            }
            Value provided = Value.UNKNOWN;
            if (depends != null) {
                provided = provided(dependsModule.valueOf(depends));
            }
            Value value = provided.known() ? provided : annotation.type();
            if (!value.known() && binding.value() != null && depends == null) {
                value = Value.UNKNOWN;
            }
            return new ParameterInfo(annotation, depends, dependsModule, provided, value);
        } finally {
            LOCK.unlock();
        }
    }

    private static boolean isSelf(Arg arg, Scope function) {
        if (function.parent() == null || !(function.parent().node() instanceof ClassDef)) {
            return false;
        }
        Arguments args = function.node() instanceof FunctionDef f ? f.args()
                : function.node() instanceof AsyncFunctionDef f ? f.args() : null;
        if (args == null) {
            return false;
        }
        boolean staticMethod = decorators(function.node()).stream()
                .anyMatch(d -> d instanceof Name n && n.id().equals("staticmethod"));
        List<Arg> positional = new ArrayList<>(args.posonlyargs());
        positional.addAll(args.args());
        return !staticMethod && !positional.isEmpty() && positional.get(0) == arg;
    }

    /**
     * What FastAPI injects for {@code Depends(dependency)}: what a generator yields, what a
     * function returns (awaited for an {@code async def}), an instance for a class, a session for a
     * session factory.
     */
    public Value provided(Value dependency) {
        if (dependency instanceof Value.Function function) {
            ModuleModel owner = function.module();
            Statement def = function.def();
            if (owner.isGenerator(def)) {
                List<Value> values = new ArrayList<>();
                for (Expression yielded : owner.yieldsOf(def)) {
                    values.add(yielded == null ? Value.UNKNOWN : owner.valueOf(yielded));
                }
                return join(values);
            }
            return returned(owner, def);
        }
        if (dependency instanceof Value.ClassValue cls && !cls.instance()) {
            return new Value.ClassValue(cls.module(), cls.def(), true);
        }
        if (dependency instanceof Value.Factory factory) {
            return new Value.Session(factory.async(), factory.origin(), factory, factory.module());
        }
        return Value.UNKNOWN;
    }
}
