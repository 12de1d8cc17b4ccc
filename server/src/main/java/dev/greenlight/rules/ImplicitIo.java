package dev.greenlight.rules;

import dev.greenlight.analysis.Api;
import dev.greenlight.analysis.Inference;
import dev.greenlight.analysis.ModuleModel;
import dev.greenlight.analysis.Value;
import dev.greenlight.fix.Fix;
import dev.greenlight.fix.TextEdit;
import dev.greenlight.python.ast.AnnAssign;
import dev.greenlight.python.ast.Arg;
import dev.greenlight.python.ast.Arguments;
import dev.greenlight.python.ast.Assign;
import dev.greenlight.python.ast.AsyncFor;
import dev.greenlight.python.ast.AsyncFunctionDef;
import dev.greenlight.python.ast.AsyncWith;
import dev.greenlight.python.ast.Attribute;
import dev.greenlight.python.ast.AugAssign;
import dev.greenlight.python.ast.Await;
import dev.greenlight.python.ast.Break;
import dev.greenlight.python.ast.Call;
import dev.greenlight.python.ast.ClassDef;
import dev.greenlight.python.ast.Comprehension;
import dev.greenlight.python.ast.Constant;
import dev.greenlight.python.ast.Continue;
import dev.greenlight.python.ast.Dict;
import dev.greenlight.python.ast.DictComp;
import dev.greenlight.python.ast.ExceptHandler;
import dev.greenlight.python.ast.Expr;
import dev.greenlight.python.ast.Expression;
import dev.greenlight.python.ast.For;
import dev.greenlight.python.ast.FunctionDef;
import dev.greenlight.python.ast.GeneratorExp;
import dev.greenlight.python.ast.If;
import dev.greenlight.python.ast.Keyword;
import dev.greenlight.python.ast.Lambda;
import dev.greenlight.python.ast.ListComp;
import dev.greenlight.python.ast.Located;
import dev.greenlight.python.ast.Match;
import dev.greenlight.python.ast.MatchCase;
import dev.greenlight.python.ast.Name;
import dev.greenlight.python.ast.NamedExpr;
import dev.greenlight.python.ast.Node;
import dev.greenlight.python.ast.Raise;
import dev.greenlight.python.ast.Return;
import dev.greenlight.python.ast.SetComp;
import dev.greenlight.python.ast.Slice;
import dev.greenlight.python.ast.Span;
import dev.greenlight.python.ast.Starred;
import dev.greenlight.python.ast.Statement;
import dev.greenlight.python.ast.Subscript;
import dev.greenlight.python.ast.Try;
import dev.greenlight.python.ast.TryStar;
import dev.greenlight.python.ast.Tuple;
import dev.greenlight.python.ast.While;
import dev.greenlight.python.ast.With;
import dev.greenlight.python.ast.WithItem;
import dev.greenlight.workspace.MappedClass;
import dev.greenlight.workspace.Mappings;
import dev.greenlight.workspace.ResponseModels;
import dev.greenlight.workspace.WorkspaceIndex;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The implicit-IO analysis behind GL101, GL102, GL105, GL106, GL108 and GL109: follows ORM
 * instances through each {@code async def} of a module, in statement order, from the statement
 * that produced them (with its loader options) to every attribute read, through branches, loops,
 * comprehensions, containers and helper functions of the workspace, and notes where a
 * {@code commit()}, {@code rollback()}, {@code flush()} or {@code refresh()} changes what is
 * loaded. It reports only what it can follow to the end: an object of unknown origin, a loader
 * option it cannot read or a session whose {@code expire_on_commit} is not a literal leave it
 * silent.
 *
 * <p>Computed once per module and shared by the rules, which each report their own code.
 */
final class ImplicitIo {

    /** One finding; the rule with {@code code} reports it. */
    record Finding(String code, Span range, String message, Fix fix, List<RelatedInformation> related,
            List<Fix> alternatives) {

        Finding(String code, Span range, String message, Fix fix, List<RelatedInformation> related) {
            this(code, range, message, fix, related, List.of());
        }
    }

    static final String LAZY_LOAD = "GL101";
    static final String EXPIRED = "GL102";
    static final String RESPONSE = "GL105";
    static final String DYNAMIC = "GL106";
    static final String REFRESH = "GL108";
    static final String SERVER_VALUE = "GL109";

    private static final String MISSING_GREENLET = "MissingGreenlet: greenlet_spawn has not been called";
    private static final int MAX_CALL_DEPTH = 3;
    private static final Set<String> STATEMENT_METHODS = Set.of("where", "filter", "filter_by", "order_by", "limit",
            "offset", "execution_options", "distinct", "group_by", "having", "params", "with_for_update",
            "select_from", "correlate", "fetch", "slice", "prefix_with", "suffix_with", "enable_assertions");
    private static final Set<String> JOINS = Set.of("join", "outerjoin", "join_from", "outerjoin_from");
    private static final Set<String> SINGLE_FETCHERS = Set.of("first", "one", "one_or_none", "scalar_one",
            "scalar_one_or_none", "scalar");
    /** Pydantic constructors that read every field of the object they are given. */
    private static final Set<String> VALIDATORS = Set.of("model_validate", "from_orm");
    private static final Set<String> ROUTES = Set.of("get", "post", "put", "patch", "delete", "head", "options",
            "api_route");

    // ------------------------------------------------------------------------------ abstract values

    private enum OriginKind { QUERY, GET, NEW, PARAMETER }

    /**
     * Where objects come from: one producing statement (every object it returns shares it), a
     * {@code get()}, a constructor call, or a parameter (known class, unknown loading).
     */
    private static final class Origin {
        final OriginKind kind;
        final MappedClass entity;
        final LoaderOptions options;
        final Stmt statement;
        final Call producer;
        final Value.Session session;
        final ModuleModel module;

        Origin(OriginKind kind, MappedClass entity, LoaderOptions options, Stmt statement, Call producer,
                Value.Session session, ModuleModel module) {
            this.kind = kind;
            this.entity = entity;
            this.options = options;
            this.statement = statement;
            this.producer = producer;
            this.session = session;
            this.module = module;
        }
    }

    private sealed interface Tracked {
    }

    /** A {@code select(Entity)} statement with its options and joins. */
    private record Stmt(MappedClass entity, Expression entityNode, LoaderOptions options, List<String> joins,
            Expression node, Call optionsCall, ModuleModel module) implements Tracked {

        /**
         * One statement for two branches that differ only in filters ({@code if q: stmt =
         * stmt.where(...)}); its {@code node} is null when they end in different places, since no
         * one place then holds a new {@code .options(...)} for both. Null when they load differently.
         */
        static Stmt join(Stmt a, Stmt b) {
            if (a.entity != b.entity || a.options != b.options || !a.joins.equals(b.joins) || a.optionsCall != b.optionsCall
                    || a.module != b.module) {
                return null;
            }
            return new Stmt(a.entity, a.entityNode, a.options, a.joins, a.node == b.node ? a.node : null, a.optionsCall, a.module);
        }
    }

    /** A result: rows of a statement, or scalars (the entity objects). */
    private record Rows(Origin origin, boolean scalars) implements Tracked {
    }

    /** One ORM object reached from its origin along {@code path} (relationship names). */
    private record Obj(MappedClass cls, Origin origin, List<String> path, boolean element) implements Tracked {
    }

    /** A collection of ORM objects (a result list, a collection relationship). */
    private record Objs(MappedClass cls, Origin origin, List<String> path) implements Tracked {
    }

    /** A list or tuple whose items are all {@code element}. */
    private record Seq(Tracked element) implements Tracked {
    }

    /** A dict with string keys. */
    private record Box(Map<String, Tracked> entries) implements Tracked {
    }

    /**
     * An object of a workspace class built with the caller's sessions ({@code UserRepository(db)}):
     * {@code sessions} maps each attribute that holds one ({@code self.session = session}) to it.
     */
    private record Holder(Map<String, Value.Session> sessions) implements Tracked {
    }

    /** {@code enumerate(x)}: pairs of an index and an item of {@code x}. */
    private record Enumerated(Tracked element) implements Tracked {
    }

    /** {@code obj.awaitable_attrs}, and one of its attributes before it is awaited. */
    private record AwaitableAttrs(Obj owner, String attribute) implements Tracked {
    }

    // ------------------------------------------------------------------------------ flow state

    /** What expired an origin's attributes, and what was read after. */
    private static final class Expiry {
        final Call cause;
        final String how;
        final Value.Session session;
        /** Where {@code cause} is, and {@code " in `helper`"} when a called function expired the objects. */
        final ModuleModel module;
        final String place;
        final Set<String> refreshedNames = new HashSet<>();
        final Set<String> readAfter = new LinkedHashSet<>();
        final Map<Origin, String> namesAtCause = new IdentityHashMap<>();
        boolean reported;
        Finding finding;
        Origin reportedOrigin;

        Expiry(Call cause, String how, Value.Session session, ModuleModel module, String place) {
            this.cause = cause;
            this.how = how;
            this.session = session;
            this.module = module;
            this.place = place;
        }
    }

    private enum Loaded { LAZILY, AWAITED, REFRESHED }

    private static final int ALIVE = 0;
    private static final int LEFT_LOOP = 1;
    private static final int RETURNED = 2;

    /** The state at one point of a function: variables, and what happened to each origin. */
    private static final class State {
        Map<String, Tracked> env = new HashMap<>();
        final Set<Origin> origins = new LinkedHashSet<>();
        final Map<Origin, Expiry> expired = new IdentityHashMap<>();
        final Map<Origin, Map<List<String>, Loaded>> loaded = new IdentityHashMap<>();
        final Map<Origin, Map<List<String>, Call>> forgotten = new IdentityHashMap<>();
        final Map<Origin, Set<String>> written = new IdentityHashMap<>();
        final Map<Origin, Set<String>> dirty = new IdentityHashMap<>();
        final Map<Origin, Call> flushed = new IdentityHashMap<>();
        /** New objects inserted by a flush on a backend without RETURNING: their server defaults are expired. */
        final Map<Origin, Call> insertedWithoutReturning = new IdentityHashMap<>();
        final Map<Origin, Value.Session> added = new IdentityHashMap<>();
        /** New objects whose INSERT was flushed (false) or committed (true). */
        final Map<Origin, Boolean> inserted = new IdentityHashMap<>();
        /** Sessions whose {@code async with} block has ended: their objects are detached. */
        final Set<Value.Session> closed = new HashSet<>();
        int exit = ALIVE;

        State copy() {
            State copy = new State();
            copy.env = new HashMap<>(env);
            copy.origins.addAll(origins);
            copy.expired.putAll(expired);
            loaded.forEach((origin, paths) -> copy.loaded.put(origin, new HashMap<>(paths)));
            forgotten.forEach((origin, paths) -> copy.forgotten.put(origin, new HashMap<>(paths)));
            written.forEach((origin, names) -> copy.written.put(origin, new HashSet<>(names)));
            dirty.forEach((origin, names) -> copy.dirty.put(origin, new HashSet<>(names)));
            copy.flushed.putAll(flushed);
            copy.insertedWithoutReturning.putAll(insertedWithoutReturning);
            copy.added.putAll(added);
            copy.inserted.putAll(inserted);
            copy.closed.addAll(closed);
            copy.exit = exit;
            return copy;
        }

        /**
         * Where two paths meet: expiry, forgetting and flushing happened if they happened on either
         * path (a read after them fails on that path); loads and writes count only if on both.
         */
        static State merge(State a, State b) {
            if (a.exit == RETURNED) {
                return b;
            }
            if (b.exit == RETURNED) {
                return a;
            }
            State merged = a.copy();
            merged.exit = ALIVE;
            b.env.forEach((name, value) -> {
                Tracked mine = merged.env.get(name);
                if (mine == null && !a.env.containsKey(name)) {
                    merged.env.put(name, value);
                } else if (mine != null && !mine.equals(value)) {
                    Stmt joined = mine instanceof Stmt x && value instanceof Stmt y ? Stmt.join(x, y) : null;
                    if (joined == null) {
                        merged.env.remove(name);
                    } else {
                        merged.env.put(name, joined);
                    }
                }
            });
            merged.origins.addAll(b.origins);
            b.expired.forEach(merged.expired::putIfAbsent);
            merged.loaded.keySet().retainAll(b.loaded.keySet());
            merged.loaded.forEach((origin, paths) -> paths.keySet().retainAll(b.loaded.get(origin).keySet()));
            b.forgotten.forEach((origin, paths) -> merged.forgotten.computeIfAbsent(origin, o -> new HashMap<>()).putAll(paths));
            merged.written.keySet().retainAll(b.written.keySet());
            merged.written.forEach((origin, names) -> names.retainAll(b.written.get(origin)));
            b.dirty.forEach((origin, names) -> merged.dirty.computeIfAbsent(origin, o -> new HashSet<>()).addAll(names));
            b.flushed.forEach(merged.flushed::putIfAbsent);
            b.insertedWithoutReturning.forEach(merged.insertedWithoutReturning::putIfAbsent);
            b.added.forEach(merged.added::putIfAbsent);
            b.inserted.forEach((origin, committed) -> merged.inserted.merge(origin, committed, Boolean::logicalOr));
            merged.closed.retainAll(b.closed);
            return merged;
        }
    }

    // ------------------------------------------------------------------------------ the analysis

    private final ModuleModel model;
    private final Mappings mappings;
    private final WorkspaceIndex index;
    private final List<Finding> findings = new ArrayList<>();
    private final Set<String> reported = new HashSet<>();
    private final Map<Finding, Expiry> expiries = new IdentityHashMap<>();
    private final Map<AsyncFunctionDef, List<Finding>> byFunction = new IdentityHashMap<>();
    private Boolean mayReach;
    /** The variable that held each flushed object at its flush: what GL109's fix refreshes. */
    private final Map<Call, Map<Origin, String>> namesAtFlush = new IdentityHashMap<>();

    private ImplicitIo(ModuleModel model, WorkspaceIndex index) {
        this.model = model;
        this.index = index;
        this.mappings = new Mappings(index);
    }

    /** The analysis of the module, shared by the rules of one check. */
    static ImplicitIo of(RuleContext context) {
        return context.shared(ImplicitIo.class,
                () -> new ImplicitIo(SqlSupport.model(context), context.workspaceIndex()));
    }

    /**
     * Reports the context's rule's findings in {@code def}: each {@code async def} is analyzed on
     * its own (once per check), so that an edit elsewhere in the module leaves its findings to be
     * reused by the incremental check.
     */
    static void report(AsyncFunctionDef def, RuleContext context) {
        for (Finding finding : of(context).findingsOf(def)) {
            if (finding.code().equals(context.rule().code())) {
                context.report(finding.range(), finding.message(), finding.fix(), finding.related(), finding.alternatives());
            }
        }
    }

    private List<Finding> findingsOf(AsyncFunctionDef def) {
        List<Finding> known = byFunction.get(def);
        if (known != null) {
            return known;
        }
        List<Finding> found = List.of();
        if (mayReachOrmObjects()) {
            int before = findings.size();
            new Run(def, model, null, 0, true, Map.of(), null).analyze(initialState(def));
            found = List.copyOf(findings.subList(before, findings.size()));
        }
        byFunction.put(def, found);
        return found;
    }

    /**
     * Whether any ORM object can be reached here: the module names SQLAlchemy or SQLModel itself,
     * or the workspace declares mapped classes (which it may import). Most modules of a large
     * workspace without models, and every module of a project without the ORM, are passed over.
     */
    private boolean mayReachOrmObjects() {
        if (mayReach == null) {
            // The index answers at once; the text is scanned only when it cannot, once per text.
            mayReach = index != null && index.hasMappedClasses() || namesOrm(model.text(), index == null);
        }
        return mayReach;
    }

    /** The last text scanned and what it said: the parts of one incremental check share one text. */
    private record Scanned(String text, boolean withoutIndex, boolean names) {
    }

    private static volatile Scanned lastScanned;

    private static boolean namesOrm(String text, boolean withoutIndex) {
        Scanned last = lastScanned;
        if (last != null && last.text() == text && last.withoutIndex() == withoutIndex) {
            return last.names();
        }
        boolean names = text.contains("sqlalchemy") || text.contains("sqlmodel") || withoutIndex && text.contains("import");
        lastScanned = new Scanned(text, withoutIndex, names);
        return names;
    }

    /** Parameters annotated with a mapped class: objects of known class and unknown loading. */
    private State initialState(AsyncFunctionDef def) {
        State state = new State();
        for (Arg arg : allArgs(def.args())) {
            if (arg.annotation() == null) {
                continue;
            }
            Value type = model.inference().annotation(arg.annotation()).type();
            if (type instanceof Value.ClassValue cls && cls.instance()) {
                MappedClass mapped = mappings.of(cls.module(), cls.def());
                if (mapped != null) {
                    Origin origin = new Origin(OriginKind.PARAMETER, mapped, LoaderOptions.UNKNOWN, null, null, null, model);
                    state.env.put(arg.arg(), new Obj(mapped, origin, List.of(), false));
                }
            }
        }
        return state;
    }

    private static List<Arg> allArgs(Arguments args) {
        List<Arg> all = new ArrayList<>(args.posonlyargs());
        all.addAll(args.args());
        all.addAll(args.kwonlyargs());
        return all;
    }

    /** One pass over one function body: the top-level async def, or a helper it calls. */
    private final class Run {

        private final Node function;
        private final ModuleModel module;
        private final Call calledFrom;
        private final int depth;
        private final boolean reporting;
        /** The call in the checked module that led into this run of another module's helper, or null. */
        private final Call entry;
        /** Parameters of a helper that hold a session of the caller. */
        private final Map<String, Value.Session> sessionParameters;
        private final List<Tracked> returned = new ArrayList<>();
        private final Set<Origin> inherited = Collections.newSetFromMap(new IdentityHashMap<>());
        private State state;

        Run(Node function, ModuleModel module, Call calledFrom, int depth, boolean reporting,
                Map<String, Value.Session> sessionParameters, Call entry) {
            this.function = function;
            this.module = module;
            this.calledFrom = calledFrom;
            this.depth = depth;
            this.entry = module == model ? null : entry;
            // What a helper of another module does is reported at the call in this module that runs it.
            this.reporting = reporting && (module == model || this.entry != null);
            this.sessionParameters = sessionParameters;
        }

        /** Where a finding in this run is shown: the read itself, or the call of this module that leads to it. */
        private Span range(Located at) {
            return entry != null ? entry.span() : at.span();
        }

        /** The read in the other module, as related information, when the finding is shown at the call. */
        private List<RelatedInformation> withRead(List<RelatedInformation> related, Located at) {
            if (entry == null) {
                return related;
            }
            List<RelatedInformation> all = new ArrayList<>(related);
            all.add(0, relatedAt(module, at, "the read, in `" + SqlSupport.functionName(function) + "`"));
            return all;
        }

        void analyze(State initial) {
            state = initial;
            inherited.addAll(initial.origins);
            block(body(function));
            if (depth == 0) {
                finishExpiryFixes();
            }
        }

        // -------------------------------------------------------------------- statements

        private void block(List<Statement> statements) {
            for (Statement statement : statements) {
                if (state.exit != ALIVE) {
                    return;
                }
                statement(statement);
            }
        }

        private void statement(Statement statement) {
            if (statement instanceof Expr expr) {
                eval(expr.value());
            } else if (statement instanceof Assign assign) {
                Tracked value = eval(assign.value());
                assign.targets().forEach(target -> bind(target, value));
            } else if (statement instanceof AnnAssign assign) {
                if (assign.value() != null) {
                    bind(assign.target(), eval(assign.value()));
                }
            } else if (statement instanceof AugAssign assign) {
                Tracked target = evalTarget(assign.target(), true);
                eval(assign.value());
                if (target == null && assign.target() instanceof Name name) {
                    state.env.remove(name.id());
                }
            } else if (statement instanceof Return ret) {
                Tracked value = eval(ret.value());
                returned.add(value);
                if (depth == 0 && value != null) {
                    checkResponse(ret, value);
                }
                state.exit = RETURNED;
            } else if (statement instanceof Raise raise) {
                eval(raise.exc());
                state.exit = RETURNED;
            } else if (statement instanceof Break b) {
                state.exit = LEFT_LOOP;
            } else if (statement instanceof Continue c) {
                state.exit = LEFT_LOOP;
            } else if (statement instanceof If branch) {
                eval(branch.test());
                State before = state;
                state = before.copy();
                block(branch.body());
                State taken = state;
                state = before.copy();
                block(branch.orelse());
                state = State.merge(taken, state);
            } else if (statement instanceof For loop) {
                loop(loop.target(), loop.iter(), loop.body(), loop.orelse());
            } else if (statement instanceof AsyncFor loop) {
                loop(loop.target(), loop.iter(), loop.body(), loop.orelse());
            } else if (statement instanceof While loop) {
                loop(null, loop.test(), loop.body(), loop.orelse());
            } else if (statement instanceof With with) {
                with(with.items(), with.body(), false);
            } else if (statement instanceof AsyncWith with) {
                with(with.items(), with.body(), true);
            } else if (statement instanceof Try attempt) {
                attempt(attempt.body(), attempt.handlers(), attempt.orelse(), attempt.finalbody());
            } else if (statement instanceof TryStar attempt) {
                attempt(attempt.body(), attempt.handlers(), attempt.orelse(), attempt.finalbody());
            } else if (statement instanceof Match match) {
                eval(match.subject());
                State before = state;
                State merged = null;
                for (MatchCase matchCase : match.cases()) {
                    state = before.copy();
                    eval(matchCase.guard());
                    block(matchCase.body());
                    merged = merged == null ? state : State.merge(merged, state);
                }
                state = merged == null ? before : State.merge(merged, before.copy());
            } else if (statement instanceof FunctionDef def) {
            } else if (statement instanceof AsyncFunctionDef def) {
            } else if (statement instanceof ClassDef def) {
            } else {
                statement.forEachChild(child -> {
                    if (child instanceof Expression expression) {
                        eval(expression);
                    }
                });
            }
        }

        /** Twice through the body, so that what one iteration does is seen by the next. */
        private void loop(Expression target, Expression iterable, List<Statement> body, List<Statement> orelse) {
            Tracked items = eval(iterable);
            State before = state;
            State merged = before;
            for (int pass = 0; pass < 2; pass++) {
                state = merged.copy();
                if (target != null) {
                    bind(target, element(items));
                }
                block(body);
                if (state.exit == LEFT_LOOP) {
                    state.exit = ALIVE;
                }
                merged = State.merge(merged, state);
            }
            state = merged;
            block(orelse);
        }

        private void with(List<WithItem> items, List<Statement> body, boolean async) {
            List<Value.Session> commitsAtExit = new ArrayList<>();
            List<Value.Session> closedAtExit = new ArrayList<>();
            for (WithItem item : items) {
                Tracked value = eval(item.contextExpr());
                // `async with session.begin():` commits when the block ends.
                if (async && item.contextExpr() instanceof Call call && call.func() instanceof Attribute method
                        && method.attr().equals("begin") && asyncSession(method.value()) != null) {
                    commitsAtExit.add(asyncSession(method.value()));
                }
                // `async with factory() as s:` closes the session; `async with factory.begin() as s:` commits first.
                Value entered = async ? module.valueOf(item.contextExpr()) : null;
                if (entered instanceof Value.ContextManager manager && manager.entered() instanceof Value.Session session
                        && session.async()) {
                    commitsAtExit.add(session);
                    closedAtExit.add(session);
                } else if (entered instanceof Value.Session session && session.async()) {
                    closedAtExit.add(session);
                }
                if (item.optionalVars() != null) {
                    bind(item.optionalVars(), value);
                }
            }
            block(body);
            if (state.exit == ALIVE) {
                for (Value.Session session : commitsAtExit) {
                    expire(session, null, "commit");
                }
                state.closed.addAll(closedAtExit);
            }
        }

        private void attempt(List<Statement> body, List<ExceptHandler> handlers, List<Statement> orelse,
                List<Statement> finalbody) {
            State entry = state.copy();
            block(body);
            State afterBody = state;
            State merged = null;
            for (ExceptHandler handler : handlers) {
                // An exception may be raised anywhere in the body: the handler sees either end.
                State atEntry = entry.copy();
                State atEnd = afterBody.copy();
                atEnd.exit = ALIVE;
                state = State.merge(atEntry, atEnd);
                // The failing statement may be the commit itself: only what was stored before the try surely is.
                state.inserted.clear();
                state.inserted.putAll(entry.inserted);
                if (handler.name() != null) {
                    state.env.remove(handler.name());
                }
                block(handler.body());
                merged = merged == null ? state : State.merge(merged, state);
            }
            state = afterBody;
            block(orelse);
            if (merged != null) {
                state = State.merge(state, merged);
            }
            if (!finalbody.isEmpty()) {
                int exit = state.exit;
                state.exit = ALIVE;
                block(finalbody);
                state.exit = Math.max(exit, state.exit);
            }
        }

        // -------------------------------------------------------------------- bindings

        private void bind(Expression target, Tracked value) {
            if (target instanceof Name name) {
                if (value == null) {
                    state.env.remove(name.id());
                } else {
                    state.env.put(name.id(), value);
                }
            } else if (target instanceof Tuple tuple) {
                unpack(tuple.elts(), value);
            } else if (target instanceof dev.greenlight.python.ast.List list) {
                unpack(list.elts(), value);
            } else if (target instanceof Starred starred) {
                bind(starred.value(), null);
            } else {
                evalTarget(target, false);
            }
        }

        private void unpack(List<Expression> targets, Tracked value) {
            for (int i = 0; i < targets.size(); i++) {
                Tracked item = value instanceof Enumerated enumerated && targets.size() == 2 && i == 1 ? enumerated.element() : null;
                bind(targets.get(i), item);
            }
        }

        /**
         * An assignment target: {@code obj.attr = v} writes an attribute (no load; the object is
         * dirty), {@code obj.attr += v} reads it first.
         */
        private Tracked evalTarget(Expression target, boolean reads) {
            if (target instanceof Attribute attribute) {
                Tracked base = eval(attribute.value());
                MappedClass.Relationship replaced = base instanceof Obj obj ? obj.cls().relationship(attribute.attr()) : null;
                if (reads) {
                    read(base, attribute.attr(), attribute);
                } else if (replaced != null && replaced.uselist() && !replaced.lazy().equals("dynamic")
                        && !state.expired.containsKey(((Obj) base).origin())) {
                    // Replacing a collection loads the old one first, to know which rows it removes.
                    read(base, attribute.attr(), attribute);
                }
                if (base instanceof Obj obj && obj.cls().isMappedAttribute(attribute.attr())) {
                    if (obj.path().isEmpty()) {
                        state.written.computeIfAbsent(obj.origin(), o -> new HashSet<>()).add(attribute.attr());
                    }
                    // Only a column of the object itself makes the flush UPDATE its row (a related object's, or a collection, does not).
                    if (obj.path().isEmpty() && obj.cls().columns().containsKey(attribute.attr())) {
                        state.dirty.computeIfAbsent(obj.origin(), o -> new HashSet<>()).add(attribute.attr());
                    }
                }
                return null;
            }
            if (target instanceof Subscript subscript) {
                eval(subscript.value());
                eval(subscript.slice());
                return null;
            }
            return reads ? eval(target) : null;
        }

        // -------------------------------------------------------------------- expressions

        private Tracked eval(Expression expression) {
            if (expression == null) {
                return null;
            }
            if (expression instanceof Name name) {
                return state.env.get(name.id());
            } else if (expression instanceof Attribute attribute) {
                Tracked base = eval(attribute.value());
                if (base instanceof Obj obj && attribute.attr().equals("awaitable_attrs") && obj.cls().asyncAttrs()) {
                    return new AwaitableAttrs(obj, null);
                }
                if (base instanceof AwaitableAttrs attrs && attrs.attribute() == null) {
                    return new AwaitableAttrs(attrs.owner(), attribute.attr());
                }
                return read(base, attribute.attr(), attribute);
            } else if (expression instanceof Await await) {
                if (await.value() instanceof Call call) {
                    return call(call, true);
                }
                Tracked inner = eval(await.value());
                if (inner instanceof AwaitableAttrs attrs && attrs.attribute() != null) {
                    return awaitAttribute(attrs);
                }
                return null;
            } else if (expression instanceof Call call) {
                return call(call, false);
            } else if (expression instanceof Subscript subscript) {
                Tracked base = eval(subscript.value());
                eval(subscript.slice());
                if (base instanceof Box box && subscript.slice() instanceof Constant key && key.value() instanceof String text) {
                    return box.entries().get(text);
                }
                if (subscript.slice() instanceof Slice) {
                    return base instanceof Objs || base instanceof Seq ? base : null;
                }
                return element(base);
            } else if (expression instanceof dev.greenlight.python.ast.List list) {
                return sequence(list.elts());
            } else if (expression instanceof Tuple tuple) {
                return sequence(tuple.elts());
            } else if (expression instanceof Dict dict) {
                Map<String, Tracked> entries = new LinkedHashMap<>();
                for (int i = 0; i < dict.values().size(); i++) {
                    Expression key = dict.keys().get(i);
                    Tracked value = eval(dict.values().get(i));
                    eval(key);
                    if (key instanceof Constant constant && constant.value() instanceof String text && value != null) {
                        entries.put(text, value);
                    }
                }
                return entries.isEmpty() ? null : new Box(Map.copyOf(entries));
            } else if (expression instanceof ListComp comp) {
                return comprehension(comp.generators(), List.of(comp.elt()));
            } else if (expression instanceof SetComp comp) {
                return comprehension(comp.generators(), List.of(comp.elt()));
            } else if (expression instanceof GeneratorExp comp) {
                return comprehension(comp.generators(), List.of(comp.elt()));
            } else if (expression instanceof DictComp comp) {
                return comprehension(comp.generators(), List.of(comp.key(), comp.value()));
            } else if (expression instanceof NamedExpr walrus) {
                Tracked value = eval(walrus.value());
                bind(walrus.target(), value);
                return value;
            } else if (expression instanceof Lambda lambda) {
                return null;
            } else {
                expression.forEachChild(child -> {
                    if (child instanceof Expression inner) {
                        eval(inner);
                    } else if (child instanceof Keyword keyword) {
                        eval(keyword.value());
                    }
                });
                return null;
            }
        }

        private Tracked sequence(List<Expression> items) {
            Tracked first = null;
            boolean same = true;
            for (Expression item : items) {
                Tracked value = eval(item);
                if (first == null) {
                    first = value;
                } else if (value == null || !sameOrigin(first, value)) {
                    same = false;
                }
            }
            return same && first != null ? new Seq(first) : null;
        }

        private boolean sameOrigin(Tracked a, Tracked b) {
            return a instanceof Obj x && b instanceof Obj y && x.origin() == y.origin() && x.path().equals(y.path());
        }

        /** Comprehension targets live in their own scope: the outer variables come back after. */
        private Tracked comprehension(List<Comprehension> generators, List<Expression> results) {
            Map<String, Tracked> outer = state.env;
            state.env = new HashMap<>(outer);
            Tracked element = null;
            for (Comprehension generator : generators) {
                Tracked items = eval(generator.iter());
                bind(generator.target(), element(items));
                generator.ifs().forEach(this::eval);
            }
            for (Expression result : results) {
                element = eval(result);
            }
            state.env = outer;
            return element instanceof Obj obj ? new Objs(obj.cls(), obj.origin(), obj.path()) : null;
        }

        private Tracked element(Tracked collection) {
            if (collection instanceof Objs objs) {
                return new Obj(objs.cls(), objs.origin(), objs.path(), true);
            } else if (collection instanceof Rows rows) {
                return rows.scalars() ? new Obj(rows.origin().entity, rows.origin(), List.of(), true) : null;
            } else if (collection instanceof Seq seq) {
                return seq.element();
            } else if (collection instanceof Enumerated pairs) {
                // Each pair is unpacked by the loop's target (see unpack).
                return pairs;
            } else {
                return null;
            }
        }

        // -------------------------------------------------------------------- calls

        private Tracked call(Call call, boolean awaited) {
            Expression func = call.func();
            Value callee = null;
            Tracked receiver = null;
            if (func instanceof Attribute method) {
                Value.Session session = asyncSession(method.value());
                if (session != null) {
                    List<Tracked> args = arguments(call);
                    return sessionCall(session, method, call, args, awaited);
                }
                receiver = eval(method.value());
                if (receiver instanceof Stmt stmt) {
                    return statementMethod(stmt, method.attr(), call);
                }
                if (receiver instanceof Rows rows) {
                    arguments(call);
                    return resultMethod(rows, method.attr());
                }
                if (VALIDATORS.contains(method.attr())) {
                    ResponseModels.ResponseType validated = ResponseModels.of(module, method.value());
                    if (validated != null && !validated.list()) {
                        List<Tracked> args = arguments(call);
                        if (!args.isEmpty() && (method.attr().equals("from_orm") || ResponseModels.readsAttributes(validated.model())
                                || Inference.keyword(call, "from_attributes") instanceof Constant flag && Boolean.TRUE.equals(flag.value()))) {
                            validate(call, args.get(0), validated.model(), 0);
                        }
                        return null;
                    }
                }
                callee = module.valueOf(func);
                if (!callee.known() && module.valueOf(method.value()) instanceof Value.ClassValue object && object.instance()) {
                    // A method of a workspace object: looked up on its class.
                    callee = module.inference().attribute(new Value.ClassValue(object.module(), object.def(), false), method.attr());
                }
            } else if (func instanceof Name name && model.scopeOf(call).resolve(name.id()) == null) {
                Tracked builtin = builtin(name.id(), call);
                if (builtin != null || Set.of("getattr", "hasattr", "len", "list", "sorted", "tuple", "reversed",
                        "enumerate", "iter", "next").contains(name.id())) {
                    return builtin;
                }
            }
            if (callee == null) {
                callee = module.valueOf(func);
            }
            if (callee instanceof Value.Dotted dotted && dotted.name().equals(Api.SELECT)) {
                arguments(call);
                MappedClass entity = call.args().size() == 1 ? mappings.ofClass(module.valueOf(call.args().get(0))) : null;
                return entity == null ? null
                        : new Stmt(entity, call.args().get(0), LoaderOptions.NONE, List.of(), call, null, module);
            }
            MappedClass constructed = mappings.ofClass(callee);
            if (constructed != null) {
                arguments(call);
                Origin origin = new Origin(OriginKind.NEW, constructed, LoaderOptions.NONE, null, call, null, module);
                state.origins.add(origin);
                // What the constructor sets is the object's own value, not the database's default;
                // `**values` or positional arguments may set anything.
                Set<String> given = state.written.computeIfAbsent(origin, o -> new HashSet<>());
                for (Keyword keyword : call.keywords()) {
                    given.add(keyword.arg() == null ? "*" : keyword.arg());
                }
                if (!call.args().isEmpty()) {
                    given.add("*");
                }
                return new Obj(constructed, origin, List.of(), false);
            }
            List<Tracked> args = arguments(call);
            if (callee instanceof Value.Function function) {
                return helper(function, call, args, awaited, receiver instanceof Holder holder ? holder : null);
            }
            if (callee instanceof Value.ClassValue cls && !cls.instance()) {
                return holder(cls, call);
            }
            return null;
        }

        /** {@code Repository(db)}: which attributes of the new object hold which of our sessions. */
        private Tracked holder(Value.ClassValue cls, Call call) {
            ModuleModel owner = cls.module();
            Node init = null;
            for (Statement statement : cls.def().body()) {
                if (statement instanceof FunctionDef def && def.name().equals("__init__")) {
                    init = def;
                }
            }
            if (init == null) {
                return null;
            }
            List<Arg> parameters = new ArrayList<>(((FunctionDef) init).args().posonlyargs());
            parameters.addAll(((FunctionDef) init).args().args());
            Map<String, Value.Session> byParameter = new HashMap<>();
            for (int i = 0; i < call.args().size() && i + 1 < parameters.size(); i++) {
                Value.Session session = asyncSession(call.args().get(i));
                if (session != null) {
                    byParameter.put(parameters.get(i + 1).arg(), session);
                }
            }
            for (Keyword keyword : call.keywords()) {
                Value.Session session = keyword.arg() == null ? null : asyncSession(keyword.value());
                if (session != null) {
                    byParameter.put(keyword.arg(), session);
                }
            }
            Map<String, Value.Session> byAttribute = new HashMap<>();
            for (ModuleModel.SelfAssignment assignment : owner.selfAssignments(cls.def())) {
                if (assignment.scope().node() == init && assignment.value() instanceof Name name
                        && byParameter.containsKey(name.id())) {
                    byAttribute.put(assignment.name(), byParameter.get(name.id()));
                }
            }
            return byAttribute.isEmpty() ? null : new Holder(Map.copyOf(byAttribute));
        }

        private List<Tracked> arguments(Call call) {
            List<Tracked> values = new ArrayList<>();
            for (Expression arg : call.args()) {
                values.add(eval(arg));
            }
            for (Keyword keyword : call.keywords()) {
                eval(keyword.value());
            }
            return values;
        }

        private Tracked builtin(String name, Call call) {
            switch (name) {
                case "getattr", "hasattr" -> {
                    List<Tracked> args = arguments(call);
                    if (args.size() >= 2 && call.args().get(1) instanceof Constant constant && constant.value() instanceof String attr) {
                        return read(args.get(0), attr, call);
                    }
                    return null;
                }
                case "list", "sorted", "tuple", "reversed", "iter" -> {
                    List<Tracked> args = arguments(call);
                    Tracked item = args.isEmpty() ? null : element(args.get(0));
                    return item instanceof Obj obj ? new Objs(obj.cls(), obj.origin(), obj.path()) : null;
                }
                case "len" -> {
                    arguments(call);
                    return null;
                }
                case "next" -> {
                    List<Tracked> args = arguments(call);
                    return args.isEmpty() ? null : element(args.get(0));
                }
                case "enumerate" -> {
                    List<Tracked> args = arguments(call);
                    Tracked item = args.isEmpty() ? null : element(args.get(0));
                    return item == null ? null : new Enumerated(item);
                }
                default -> {
                    return null;
                }
            }
        }

        /** The async session {@code expression} holds, or null. */
        private Value.Session asyncSession(Expression expression) {
            if (expression instanceof Name name && sessionParameters.containsKey(name.id())) {
                return sessionParameters.get(name.id());
            }
            if (expression instanceof Attribute attribute && attribute.value() instanceof Name owner
                    && sessionParameters.containsKey(owner.id() + "." + attribute.attr())) {
                return sessionParameters.get(owner.id() + "." + attribute.attr());
            }
            return module.valueOf(expression) instanceof Value.Session session && session.async() ? session : null;
        }

        private Tracked sessionCall(Value.Session session, Attribute method, Call call, List<Tracked> args, boolean awaited) {
            String name = method.attr();
            Tracked first = args.isEmpty() ? null : args.get(0);
            switch (name) {
                case "execute", "scalars", "scalar", "exec", "stream", "stream_scalars" -> {
                    if (!awaited || !(first instanceof Stmt stmt)) {
                        return null;
                    }
                    Origin origin = new Origin(OriginKind.QUERY, stmt.entity(), stmt.options(), stmt, call, session, module);
                    state.origins.add(origin);
                    return switch (name) {
                        case "execute", "stream" -> new Rows(origin, false);
                        // SQLModel's exec() of a one-entity select gives the objects, as scalars() does.
                        case "scalars", "exec", "stream_scalars" -> new Rows(origin, true);
                        default -> new Obj(stmt.entity(), origin, List.of(), false);
                    };
                }
                case "get", "get_one" -> {
                    MappedClass entity = call.args().isEmpty() ? null : mappings.ofClass(module.valueOf(call.args().get(0)));
                    if (!awaited || entity == null) {
                        return null;
                    }
                    LoaderOptions options = LoaderOptions.NONE;
                    Expression given = Inference.keyword(call, "options");
                    List<Expression> items = given == null ? null : LoaderOptions.items(module, given);
                    if (items != null) {
                        options = options.with(module, items);
                    } else if (given != null) {
                        options = LoaderOptions.UNKNOWN;
                    }
                    Origin origin = new Origin(OriginKind.GET, entity, options, null, call, session, module);
                    state.origins.add(origin);
                    return new Obj(entity, origin, List.of(), false);
                }
                case "add" -> {
                    if (first instanceof Obj obj) {
                        state.added.put(obj.origin(), session);
                    }
                    return null;
                }
                case "add_all" -> {
                    if (first instanceof Seq seq && seq.element() instanceof Obj obj) {
                        state.added.put(obj.origin(), session);
                    }
                    return null;
                }
                case "commit" -> {
                    if (awaited) {
                        flushed(session, call);
                        expire(session, call, "commit");
                    }
                    return null;
                }
                case "flush" -> {
                    if (awaited) {
                        flushed(session, call);
                    }
                    return null;
                }
                case "rollback" -> {
                    if (awaited) {
                        expire(session, call, "rollback");
                    }
                    return null;
                }
                case "expire_all" -> {
                    expire(session, call, "expire_all");
                    return null;
                }
                case "expire" -> {
                    if (first instanceof Obj obj && obj.path().isEmpty() && call.args().size() == 1 && call.keywords().isEmpty()) {
                        Expiry expiry = new Expiry(call, "expire", session, module, place());
                        state.expired.put(obj.origin(), expiry);
                    }
                    return null;
                }
                case "refresh" -> {
                    if (awaited && first instanceof Obj obj && obj.path().isEmpty()) {
                        refresh(obj.origin(), call);
                    }
                    return null;
                }
                default -> {
                    return null;
                }
            }
        }

        private Tracked statementMethod(Stmt stmt, String method, Call call) {
            arguments(call);
            if (method.equals("options")) {
                LoaderOptions options = stmt.options().with(module, call.args());
                return new Stmt(stmt.entity(), stmt.entityNode(), options, stmt.joins(), call, call, module);
            }
            if (JOINS.contains(method)) {
                List<String> joins = new ArrayList<>(stmt.joins());
                for (Expression arg : call.args()) {
                    if (arg instanceof Attribute attribute) {
                        joins.add(attribute.attr());
                    }
                }
                return new Stmt(stmt.entity(), stmt.entityNode(), stmt.options(), List.copyOf(joins), call, stmt.optionsCall(), module);
            }
            if (STATEMENT_METHODS.contains(method)) {
                return new Stmt(stmt.entity(), stmt.entityNode(), stmt.options(), stmt.joins(), call, stmt.optionsCall(), module);
            }
            return null;
        }

        private Tracked resultMethod(Rows rows, String method) {
            Origin origin = rows.origin();
            return switch (method) {
                case "scalars" -> new Rows(origin, true);
                case "unique" -> rows;
                case "all", "fetchall" -> rows.scalars() ? new Objs(origin.entity, origin, List.of()) : null;
                default -> SINGLE_FETCHERS.contains(method) && (rows.scalars() || method.startsWith("scalar"))
                        ? new Obj(origin.entity, origin, List.of(), false) : null;
            };
        }

        // -------------------------------------------------------------------- helpers of the workspace

        /**
         * A call of a function of the workspace: its body runs with the arguments' objects (its
         * reads count; it is reported where it stands when it is in this module), and what it
         * returns is followed. A helper that commits the session it is given expires that
         * session's objects here too.
         */
        private Tracked helper(Value.Function function, Call call, List<Tracked> args, boolean awaited, Holder holder) {
            Node def = function.def();
            boolean async = def instanceof AsyncFunctionDef;
            if (async && !awaited) {
                return null;
            }
            if (depth >= MAX_CALL_DEPTH || def == this.function) {
                return null;
            }
            State inner = state.copy();
            inner.env = new HashMap<>();
            Arguments parameters = def instanceof FunctionDef f ? f.args() : ((AsyncFunctionDef) def).args();
            List<Arg> positional = new ArrayList<>(parameters.posonlyargs());
            positional.addAll(parameters.args());
            int offset = function.owner() != null && call.func() instanceof Attribute ? 1 : 0;
            Map<String, Value.Session> sessions = new HashMap<>();
            if (holder != null && offset == 1 && !positional.isEmpty()) {
                // `self.session` in the method is the session the object was built with.
                holder.sessions().forEach((attribute, session) -> sessions.put(positional.get(0).arg() + "." + attribute, session));
            }
            for (int i = 0; i < call.args().size() && i + offset < positional.size(); i++) {
                String parameter = positional.get(i + offset).arg();
                if (i < args.size() && args.get(i) != null) {
                    inner.env.put(parameter, args.get(i));
                }
                Value.Session session = asyncSession(call.args().get(i));
                if (session != null) {
                    sessions.put(parameter, session);
                }
            }
            for (Keyword keyword : call.keywords()) {
                if (keyword.arg() == null) {
                    continue;
                }
                Tracked value = keyword.value() instanceof Name n ? state.env.get(n.id()) : null;
                if (value != null) {
                    inner.env.put(keyword.arg(), value);
                }
                Value.Session session = asyncSession(keyword.value());
                if (session != null) {
                    sessions.put(keyword.arg(), session);
                }
            }
            Map<String, Tracked> mine = state.env;
            int exit = state.exit;
            Run run = new Run(def, function.module(), call, depth + 1, reporting, sessions,
                    module == model ? call : entry);
            run.analyze(inner);
            state = run.state;
            state.env = mine;
            state.exit = exit;
            return joinReturned(run.returned);
        }

        private Tracked joinReturned(List<Tracked> values) {
            Tracked first = null;
            for (Tracked value : values) {
                if (value == null) {
                    return null;
                }
                if (first == null) {
                    first = value;
                } else if (!first.equals(value)) {
                    return null;
                }
            }
            return first;
        }

        // -------------------------------------------------------------------- session events

        private void expire(Value.Session session, Call cause, String how) {
            if (how.equals("commit")) {
                for (Origin origin : state.origins) {
                    if (origin.kind == OriginKind.NEW && belongsTo(origin, session)) {
                        state.inserted.put(origin, true);
                    }
                }
                Boolean expires = expiresOnCommit(session);
                if (!Boolean.TRUE.equals(expires)) {
                    return;
                }
            }
            Expiry expiry = new Expiry(cause, how, session, module, place());
            for (Origin origin : state.origins) {
                if (belongsTo(origin, session) && expirable(origin, how)) {
                    state.expired.put(origin, expiry);
                    state.written.remove(origin);
                    state.loaded.remove(origin);
                    state.flushed.remove(origin);
                    state.insertedWithoutReturning.remove(origin);
                }
            }
            state.env.forEach((name, value) -> {
                if (value instanceof Obj obj && obj.path().isEmpty() && !obj.element() && state.expired.get(obj.origin()) == expiry) {
                    expiry.namesAtCause.putIfAbsent(obj.origin(), name);
                }
            });
        }

        /**
         * A new object is expired only once it is stored: a rollback expunges the objects its
         * transaction inserted (they keep their values) and {@code expire_all()} passes over
         * pending ones.
         */
        private boolean expirable(Origin origin, String how) {
            if (origin.kind != OriginKind.NEW) {
                return true;
            }
            return switch (how) {
                case "rollback" -> Boolean.TRUE.equals(state.inserted.get(origin));
                case "expire_all" -> state.inserted.containsKey(origin);
                default -> true;
            };
        }

        private String place() {
            return depth == 0 ? "" : " in `" + SqlSupport.functionName(function) + "`";
        }

        private boolean belongsTo(Origin origin, Value.Session session) {
            if (origin.kind == OriginKind.PARAMETER) {
                return false;
            }
            Value.Session owner = origin.kind == OriginKind.NEW ? state.added.get(origin) : origin.session;
            return owner != null && owner.equals(session);
        }

        /** Whether the session's objects expire on commit: true, false, or null when unknown. */
        private Boolean expiresOnCommit(Value.Session session) {
            if (session.factory() != null) {
                // `SessionLocal(expire_on_commit=False)` overrides the factory's setting.
                Expression override = session.origin() instanceof Call made ? Inference.keyword(made, "expire_on_commit") : null;
                return WorkspaceIndex.expiresOnCommit(override != null ? override : session.factory().expireOnCommit());
            }
            if (session.origin() instanceof Call constructor
                    && module.valueOf(constructor.func()) instanceof Value.Dotted dotted && dotted.name().equals(Api.ASYNC_SESSION)) {
                return WorkspaceIndex.expiresOnCommit(Inference.keyword(constructor, "expire_on_commit"));
            }
            return null;
        }

        /** A flush sends the UPDATE of dirty objects: database-computed columns are expired. */
        private void flushed(Value.Session session, Call call) {
            for (Origin origin : state.origins) {
                // A new object's first flush is its INSERT; once stored, its changes are UPDATEs too.
                boolean update = origin.kind != OriginKind.NEW || state.inserted.containsKey(origin);
                if (origin.kind == OriginKind.NEW && belongsTo(origin, session)) {
                    if (!update && !origin.entity.eagerDefaults() && lacksReturning(session)
                            && origin.entity.columns().values().stream().anyMatch(MappedClass.Column::serverDefault)) {
                        state.insertedWithoutReturning.put(origin, call);
                    }
                    state.inserted.putIfAbsent(origin, false);
                }
                Set<String> dirty = state.dirty.get(origin);
                if (dirty != null && !dirty.isEmpty() && belongsTo(origin, session) && update
                        && !origin.entity.eagerDefaults()
                        && origin.entity.columns().values().stream().anyMatch(MappedClass.Column::sqlOnUpdate)) {
                    state.flushed.put(origin, call);
                }
                state.dirty.remove(origin);
            }
            state.env.forEach((name, value) -> {
                if (value instanceof Obj obj && obj.path().isEmpty() && !obj.element() && state.flushed.get(obj.origin()) == call) {
                    namesAtFlush.computeIfAbsent(call, c -> new IdentityHashMap<>()).putIfAbsent(obj.origin(), name);
                }
            });
        }

        /**
         * Whether the session's database returns nothing from an INSERT: MySQL (MariaDB has
         * RETURNING from 10.5, so it is left alone, as is every engine whose URL is not known).
         */
        private boolean lacksReturning(Value.Session session) {
            Value bind = session.factory() != null ? session.factory().bind()
                    : session.origin() instanceof Call made ? module.valueOf(Inference.argument(made, 0, "bind")) : null;
            return bind instanceof Value.Engine engine && engine.url() != null && "mysql".equals(engine.url().dialect());
        }

        private void refresh(Origin origin, Call call) {
            Set<String> names = attributeNames(call);
            Expiry expiry = state.expired.get(origin);
            if (names == null) {
                state.expired.remove(origin);
                state.flushed.remove(origin);
                state.insertedWithoutReturning.remove(origin);
                Map<List<String>, Loaded> loaded = state.loaded.remove(origin);
                Map<List<String>, Call> forgotten = state.forgotten.computeIfAbsent(origin, o -> new HashMap<>());
                if (loaded != null) {
                    loaded.keySet().stream().filter(path -> path.size() == 1).forEach(path -> forgotten.put(path, call));
                }
                if (origin.options.understood()) {
                    for (LoaderOptions.Entry entry : origin.options.entries()) {
                        if (entry.strategy() == LoaderOptions.Strategy.CONTAINS_EAGER && entry.path().size() == 1) {
                            forgotten.put(entry.path(), call);
                        }
                    }
                }
                return;
            }
            if (expiry != null) {
                expiry.refreshedNames.addAll(names);
            }
            Map<List<String>, Loaded> loaded = state.loaded.computeIfAbsent(origin, o -> new HashMap<>());
            for (String name : names) {
                loaded.put(List.of(name), Loaded.REFRESHED);
                Map<List<String>, Call> forgotten = state.forgotten.get(origin);
                if (forgotten != null) {
                    forgotten.remove(List.of(name));
                }
            }
            state.flushed.remove(origin);
                state.insertedWithoutReturning.remove(origin);
        }

        /** The names of {@code refresh(obj, attribute_names=[...])}, or null when not given; empty when unreadable. */
        private Set<String> attributeNames(Call call) {
            Expression given = Inference.argument(call, 1, "attribute_names");
            if (given == null) {
                return null;
            }
            Set<String> names = new LinkedHashSet<>();
            if (given instanceof dev.greenlight.python.ast.List || given instanceof Tuple) {
                List<Expression> elts = given instanceof dev.greenlight.python.ast.List list ? list.elts() : ((Tuple) given).elts();
                for (Expression elt : elts) {
                    if (elt instanceof Constant constant && constant.value() instanceof String text) {
                        names.add(text);
                    }
                }
            }
            return names;
        }

        private Tracked awaitAttribute(AwaitableAttrs attrs) {
            Obj owner = attrs.owner();
            MappedClass.Relationship relationship = owner.cls().relationship(attrs.attribute());
            if (relationship == null) {
                return null;
            }
            List<String> path = append(owner.path(), attrs.attribute());
            state.loaded.computeIfAbsent(owner.origin(), o -> new HashMap<>()).put(path, Loaded.AWAITED);
            return related(owner, relationship, path);
        }

        // -------------------------------------------------------------------- reads

        /** {@code base.attribute} is read at {@code at}: what it gives, after reporting what it costs. */
        private Tracked read(Tracked base, String attribute, Located at) {
            if (!(base instanceof Obj obj) || !obj.cls().isMappedAttribute(attribute)) {
                return null;
            }
            Origin origin = obj.origin();
            MappedClass.Relationship relationship = obj.cls().relationship(attribute);
            List<String> path = append(obj.path(), attribute);
            if (relationship != null && relationship.lazy().equals("dynamic")) {
                reportDynamic(obj, relationship, at);
                return null;
            }
            if (origin.kind == OriginKind.PARAMETER) {
                return relationship == null ? null : related(obj, relationship, path);
            }
            Expiry expiry = state.expired.get(origin);
            boolean written = obj.path().isEmpty() && state.written.getOrDefault(origin, Set.of()).contains(attribute);
            if (expiry != null && !written && !expiry.refreshedNames.contains(attribute)
                    && !state.loaded.getOrDefault(origin, Map.of()).containsKey(path)) {
                reportExpired(obj, attribute, at, expiry);
                state.loaded.computeIfAbsent(origin, o -> new HashMap<>()).put(path, Loaded.LAZILY);
                return relationship == null ? null : related(obj, relationship, path);
            }
            if (relationship == null) {
                MappedClass.Column column = obj.cls().columns().get(attribute);
                Call flush = state.flushed.get(origin);
                if (flush != null && column != null && column.sqlOnUpdate() && obj.path().isEmpty() && !written) {
                    reportServerValue(obj, column, at, flush, false);
                    state.flushed.remove(origin);
                }
                Call insert = state.insertedWithoutReturning.get(origin);
                Set<String> given = state.written.getOrDefault(origin, Set.of());
                if (insert != null && column != null && column.serverDefault() && obj.path().isEmpty()
                        && !given.contains(attribute) && !given.contains("*")) {
                    reportServerValue(obj, column, at, insert, true);
                    state.insertedWithoutReturning.remove(origin);
                }
                return null;
            }
            if (relationship.lazy().equals("write_only") || origin.kind == OriginKind.NEW) {
                return relationship.lazy().equals("write_only") ? null : related(obj, relationship, path);
            }
            Call forgotten = state.forgotten.getOrDefault(origin, Map.of()).get(path);
            // The refresh loads an eagerly declared relationship again; raise/noload strategies fail otherwise.
            if (forgotten != null && relationship.lazy().equals("select")) {
                reportForgotten(obj, relationship, at, forgotten);
                state.forgotten.get(origin).remove(path);
                state.loaded.computeIfAbsent(origin, o -> new HashMap<>()).put(path, Loaded.LAZILY);
                return related(obj, relationship, path);
            }
            String unloaded = unloaded(origin, path, relationship);
            if (unloaded != null) {
                reportLazyLoad(obj, relationship, at, unloaded);
                state.loaded.computeIfAbsent(origin, o -> new HashMap<>()).put(path, Loaded.LAZILY);
            }
            return related(obj, relationship, path);
        }

        /**
         * How reading {@code path} goes for an object of {@code origin}: null when it is loaded (or
         * when that is not known), else the strategy that applies: {@code "select"},
         * {@code "raise"}, {@code "raise_on_sql"} or {@code "noload"}.
         */
        private String unloaded(Origin origin, List<String> path, MappedClass.Relationship relationship) {
            if (state.loaded.getOrDefault(origin, Map.of()).containsKey(path) || !origin.options.understood()
                    || leadsBack(origin, path, relationship)) {
                return null;
            }
            LoaderOptions.Entry entry = origin.options.find(path);
            LoaderOptions.Strategy strategy = entry == null ? LoaderOptions.Strategy.DEFAULT : entry.strategy();
            return switch (strategy) {
                case EAGER, CONTAINS_EAGER -> null;
                case RAISE -> "raise";
                case NOLOAD -> "noload";
                case LAZY -> "select";
                case DEFAULT -> switch (relationship.lazy()) {
                    case "select", "raise", "raise_on_sql", "noload" -> relationship.lazy();
                    default -> null;
                };
            };
        }

        /**
         * A many-to-one read on an object reached from an object of its target class
         * ({@code address.user} for each of {@code user.addresses}): the lazy load finds that object
         * in the identity map and emits no SQL. Only the inverse of the hop before is sure to, but
         * any such read is left alone.
         */
        private boolean leadsBack(Origin origin, List<String> path, MappedClass.Relationship relationship) {
            if (relationship.uselist() || path.size() < 2) {
                return false;
            }
            MappedClass cls = origin.entity;
            for (int i = 0; i < path.size() - 2 && cls != null; i++) {
                MappedClass.Relationship hop = cls.relationship(path.get(i));
                cls = hop == null ? null : mappings.target(hop);
            }
            MappedClass target = mappings.target(relationship);
            return cls != null && target != null && cls.name().equals(target.name());
        }

        private Tracked related(Obj obj, MappedClass.Relationship relationship, List<String> path) {
            MappedClass target = mappings.target(relationship);
            if (target == null) {
                return null;
            }
            return relationship.uselist() ? new Objs(target, obj.origin(), path)
                    : new Obj(target, obj.origin(), path, obj.element());
        }

        // -------------------------------------------------------------------- what a route returns

        private void checkResponse(Return ret, Tracked value) {
            Expression type = responseType((Node) function);
            if (type == null) {
                return;
            }
            ResponseModels.ResponseType response = ResponseModels.of(module, type);
            if (response == null) {
                return;
            }
            Obj obj;
            if (value instanceof Obj single) {
                obj = single;
            } else if (value instanceof Objs many) {
                obj = new Obj(many.cls(), many.origin(), many.path(), true);
            } else if (value instanceof Seq seq && seq.element() instanceof Obj single) {
                obj = single;
            } else {
                obj = null;
            }
            if (obj == null || obj.origin().kind == OriginKind.PARAMETER) {
                return;
            }
            Expiry expiry = state.expired.get(obj.origin());
            if (expiry != null && obj.path().isEmpty() && !expiry.reported) {
                for (String field : response.model().fields().keySet()) {
                    if (obj.cls().isMappedAttribute(field) && !expiry.refreshedNames.contains(field)
                            && !state.written.getOrDefault(obj.origin(), Set.of()).contains(field)) {
                        reportExpiredReturn(ret, obj, response.model(), field, expiry);
                        return;
                    }
                }
            }
            Call flush = state.flushed.get(obj.origin());
            if (flush != null && obj.path().isEmpty()) {
                for (String field : response.model().fields().keySet()) {
                    MappedClass.Column column = obj.cls().columns().get(field);
                    if (column != null && column.sqlOnUpdate()
                            && !state.written.getOrDefault(obj.origin(), Set.of()).contains(field)) {
                        reportServerValueReturn(ret, obj, response.model(), column, flush);
                        break;
                    }
                }
            }
            if (obj.origin().kind != OriginKind.NEW) {
                responseFields(ret, obj, response.model(), response.model(), "", 0);
            }
        }

        /** {@code prefix}: the fields of {@code top} that lead to {@code response} ({@code "orders."}). */
        private void responseFields(Return ret, Obj obj, ResponseModels.ResponseModel top, ResponseModels.ResponseModel response,
                String prefix, int level) {
            if (level > 6) {
                return;
            }
            for (ResponseModels.Field field : response.fields().values()) {
                MappedClass.Relationship relationship = loadable(obj, field);
                if (relationship == null) {
                    continue;
                }
                List<String> path = append(obj.path(), field.name());
                String unloaded = unloaded(obj.origin(), path, relationship);
                if (unloaded != null) {
                    reportResponse(ret, obj, top, response, field, prefix + field.name(), relationship, unloaded);
                    continue;
                }
                if (field.nested() != null) {
                    MappedClass target = mappings.target(relationship);
                    if (target != null) {
                        responseFields(ret, new Obj(target, obj.origin(), path, true), top, field.nested(),
                                prefix + field.name() + ".", level + 1);
                    }
                }
            }
        }

        /** The relationship a model field reads, when reading it may load it (not dynamic or write-only). */
        private MappedClass.Relationship loadable(Obj obj, ResponseModels.Field field) {
            MappedClass.Relationship relationship = obj.cls().relationship(field.name());
            return relationship == null || relationship.lazy().equals("dynamic") || relationship.lazy().equals("write_only")
                    ? null : relationship;
        }

        /**
         * {@code UserOut.model_validate(user)} reads each field of the model in the function itself:
         * a relationship field that is not loaded lazy-loads there (GL101, at the call).
         */
        private void validate(Call call, Tracked value, ResponseModels.ResponseModel model, int level) {
            Obj obj = value instanceof Obj single ? single : value instanceof Objs many ? new Obj(many.cls(), many.origin(), many.path(), true) : null;
            if (obj == null || level > 6 || obj.origin().kind == OriginKind.PARAMETER || obj.origin().kind == OriginKind.NEW) {
                return;
            }
            for (ResponseModels.Field field : model.fields().values()) {
                MappedClass.Relationship relationship = loadable(obj, field);
                if (relationship == null) {
                    continue;
                }
                List<String> path = append(obj.path(), field.name());
                String unloaded = unloaded(obj.origin(), path, relationship);
                if (unloaded != null) {
                    reportLazyLoad(obj, relationship, call, unloaded);
                    state.loaded.computeIfAbsent(obj.origin(), o -> new HashMap<>()).put(path, Loaded.LAZILY);
                } else if (field.nested() != null) {
                    validate(call, related(obj, relationship, path), field.nested(), level + 1);
                }
            }
        }

        /** {@code response_model=...} of the route decorator, else the return annotation. */
        private Expression responseType(Node def) {
            if (!(def instanceof AsyncFunctionDef async)) {
                return null;
            }
            boolean route = false;
            for (Expression decorator : async.decoratorList()) {
                if (decorator instanceof Call call && call.func() instanceof Attribute method && ROUTES.contains(method.attr())) {
                    route = true;
                    Expression model = Inference.keyword(call, "response_model");
                    if (model != null) {
                        return model instanceof Constant constant && constant.value() == dev.greenlight.python.ast.Singleton.NONE
                                ? null : model;
                    }
                }
            }
            return route ? async.returns() : null;
        }

        // -------------------------------------------------------------------- findings

        /**
         * Whether this is a call of an async def of this module and the object is its own: the
         * function's analysis on its own reports it already (once, and without a caller).
         */
        private boolean repeated(Obj obj) {
            return depth > 0 && function instanceof AsyncFunctionDef && module == model && !inherited.contains(obj.origin());
        }

        private boolean once(String code, Located at) {
            Span shown = range(at);
            return reporting && reported.add(code + "@" + shown.start() + ":" + shown.end());
        }

        private String describe(Located node) {
            return SqlSupport.describe(module, (Expression) node);
        }

        private String where() {
            if (depth == 0 || calledFrom == null) {
                return "";
            }
            if (entry != null) {
                return " (in `" + SqlSupport.functionName(function) + "` of " + module.path().getFileName()
                        + ", which this call runs)";
            }
            return " (in `" + SqlSupport.functionName(function) + "`, called from async code)";
        }

        private RelatedInformation relatedAt(ModuleModel owner, Located node, String message) {
            return new RelatedInformation(owner == model ? null : owner.path(), node.span(), message);
        }

        private List<RelatedInformation> producedBy(Origin origin, String message) {
            List<RelatedInformation> related = new ArrayList<>();
            Located at = origin.statement != null && origin.statement.node() != null ? origin.statement.node() : origin.producer;
            if (at != null) {
                related.add(relatedAt(at == origin.producer ? origin.module : origin.statement.module(), at, message));
            }
            return related;
        }

        private void reportLazyLoad(Obj obj, MappedClass.Relationship relationship, Located at, String strategy) {
            if (repeated(obj) || !once(LAZY_LOAD, at)) {
                return;
            }
            String read = describe(at);
            String qualified = relationship.qualified();
            String message;
            switch (strategy) {
                case "raise", "raise_on_sql" -> message = "`" + read + "` reads relationship `" + qualified + "`, declared lazy=\""
                        + strategy + "\" and not loaded by the statement that produced it: raises InvalidRequestError ('"
                        + qualified + "' is not available due to lazy='" + strategy + "')";
                case "noload" -> message = "`" + read + "` reads relationship `" + qualified + "` under lazy=\"noload\": "
                        + (relationship.uselist() ? "it is silently an empty collection" : "it is silently None")
                        + ", not what the database holds";
                default -> message = "`" + read + "` lazy-loads relationship `" + qualified + "` in async code: " + MISSING_GREENLET
                        + "; the statement that produced it has no eager loader for it";
            }
            List<String> joins = obj.origin().statement == null ? List.of() : obj.origin().statement.joins();
            if (obj.path().isEmpty() && joins.contains(relationship.name())) {
                message += " (`.join(" + obj.cls().name() + "." + relationship.name()
                        + ")` joins the table for filtering; it does not load the relationship)";
            }
            message += where();
            List<RelatedInformation> related = producedBy(obj.origin(), "`" + obj.origin().entity.name() + "` objects are loaded here");
            related.add(relatedAt(relationship.module(), (Located) relationship.declaration(), "`" + qualified
                    + "` is declared lazy=\"" + relationship.lazy() + "\""));
            Fix fix = strategy.equals("noload") ? null : eagerLoadFix(obj.origin(), append(obj.path(), relationship.name()));
            List<Fix> alternatives = List.of();
            // awaitable_attrs runs the relationship's own strategy: it loads only what lazy="select" would.
            if (strategy.equals("select") && obj.path().isEmpty() && obj.cls().asyncAttrs() && at instanceof Attribute attribute
                    && attribute.ctx() == dev.greenlight.python.ast.ExprContext.Load
                    && SqlSupport.awaitAllowed(module, attribute) && module == model) {
                if (fix == null) {
                    fix = awaitableAttrsFix(attribute);
                } else {
                    alternatives = List.of(awaitableAttrsFix(attribute));
                }
            }
            findings.add(new Finding(LAZY_LOAD, range(at), message, fix, withRead(related, at), alternatives));
        }

        private void reportDynamic(Obj obj, MappedClass.Relationship relationship, Located at) {
            if (repeated(obj) || !once(DYNAMIC, at)) {
                return;
            }
            String message = "`" + describe(at) + "` uses relationship `" + relationship.qualified()
                    + "`, declared lazy=\"dynamic\", which asyncio does not support: querying it raises " + MISSING_GREENLET
                    + "; declare it lazy=\"write_only\" (WriteOnlyMapped) and query it with select()" + where();
            List<RelatedInformation> related = List.of(relatedAt(relationship.module(), (Located) relationship.declaration(),
                    "`" + relationship.qualified() + "` is declared lazy=\"dynamic\""));
            findings.add(new Finding(DYNAMIC, range(at), message, null, withRead(related, at)));
        }

        private void reportExpired(Obj obj, String attribute, Located at, Expiry expiry) {
            if (obj.path().isEmpty()) {
                expiry.readAfter.add(attribute);
            }
            if (expiry.reported || repeated(obj) || !once(EXPIRED, at)) {
                return;
            }
            expiry.reported = true;
            String failure = state.closed.contains(expiry.session)
                    ? "the session was closed since, so the reload raises DetachedInstanceError (not bound to a Session)"
                    : "the read reloads it in async code: " + MISSING_GREENLET;
            String message = "`" + describe(at) + "` reads " + (obj.path().isEmpty() ? "" : "an object loaded with ")
                    + "`" + obj.origin().entity.name() + "` after " + cause(expiry) + ": " + failure + where();
            expiry.finding = new Finding(EXPIRED, range(at), message, null, withRead(expiryRelated(expiry), at),
                    keepOnCommit(expiry));
            expiry.reportedOrigin = obj.origin();
            expiries.put(expiry.finding, expiry);
            findings.add(expiry.finding);
        }

        private void reportExpiredReturn(Return ret, Obj obj, ResponseModels.ResponseModel response, String field, Expiry expiry) {
            if (!once(EXPIRED, ret)) {
                return;
            }
            expiry.reported = true;
            expiry.readAfter.addAll(response.fields().keySet().stream().filter(obj.cls()::isMappedAttribute).toList());
            String message = "the route returns `" + obj.origin().entity.name() + "` objects into `" + response.name()
                    + "` after " + cause(expiry) + ": serializing `" + field + "` reloads them: " + MISSING_GREENLET;
            expiry.finding = new Finding(EXPIRED, ret.span(), message, null, expiryRelated(expiry), keepOnCommit(expiry));
            expiry.reportedOrigin = obj.origin();
            expiries.put(expiry.finding, expiry);
            findings.add(expiry.finding);
        }

        private String cause(Expiry expiry) {
            String session = expiry.cause != null && expiry.cause.func() instanceof Attribute method
                    ? SqlSupport.describe(expiry.module, method.value()) : "the session";
            return switch (expiry.how) {
                case "commit" -> (expiry.cause == null ? "the commit at the end of `async with " + "...begin()`"
                        : "`await " + session + ".commit()`") + expiry.place + " expired it (expire_on_commit="
                        + (defaulted(expiry.session) ? "True, the default)" : "True)");
                case "rollback" -> "`await " + session + ".rollback()`" + expiry.place + " expired it (a rollback expires every stored object of the session, whatever expire_on_commit says)";
                case "expire_all" -> "`" + session + ".expire_all()`" + expiry.place + " expired it";
                default -> "`" + session + ".expire(...)`" + expiry.place + " expired it";
            };
        }

        /** Whether neither the factory nor the call that made the session sets expire_on_commit. */
        private boolean defaulted(Value.Session session) {
            return session.factory() != null && session.factory().expireOnCommit() == null
                    && !(session.origin() instanceof Call made && Inference.keyword(made, "expire_on_commit") != null);
        }

        private List<RelatedInformation> expiryRelated(Expiry expiry) {
            List<RelatedInformation> related = new ArrayList<>();
            if (expiry.cause != null) {
                related.add(relatedAt(expiry.module, expiry.cause, "the objects expire here"));
            }
            Value.Factory factory = expiry.session.factory();
            if (expiry.how.equals("commit") && defaulted(expiry.session) && factory.origin() != null) {
                related.add(relatedAt(factory.module(), factory.origin(), "expire_on_commit defaults to True"));
            }
            return related;
        }

        private void reportForgotten(Obj obj, MappedClass.Relationship relationship, Located at, Call refresh) {
            if (repeated(obj) || !once(REFRESH, at)) {
                return;
            }
            String message = "`" + describe(at) + "` reads relationship `" + relationship.qualified() + "` after `await "
                    + SqlSupport.describe(module, refresh) + "` without attribute_names naming it: the refresh expired it and "
                    + "the read loads it again: " + MISSING_GREENLET + where();
            List<RelatedInformation> related = List.of(relatedAt(module, refresh, "the refresh that expires `"
                    + relationship.name() + "`"));
            Fix fix = module == model ? attributeNamesFix(refresh, relationship.name()) : null;
            findings.add(new Finding(REFRESH, range(at), message, fix, withRead(related, at)));
        }

        private void reportServerValue(Obj obj, MappedClass.Column column, Located at, Call flush, boolean insert) {
            if (repeated(obj) || !once(SERVER_VALUE, at)) {
                return;
            }
            String method = flush.func() instanceof Attribute m ? m.attr() : "flush";
            String message = insert
                    ? "`" + describe(at) + "` reads column `" + obj.cls().name() + "." + column.name()
                            + "`, which the database fills on INSERT (server_default), after `" + method + "()` sent the INSERT: "
                            + "MySQL returns nothing from an INSERT, so the value was expired and the read fetches it: "
                            + MISSING_GREENLET + where()
                    : "`" + describe(at) + "` reads column `" + obj.cls().name() + "." + column.name()
                            + "`, whose value the database computes on UPDATE, after `" + method + "()` sent the UPDATE: the value was "
                            + "expired and the read fetches it: " + MISSING_GREENLET + where();
            if (insert) {
                namesAtFlush.computeIfAbsent(flush, c -> new IdentityHashMap<>());
                state.env.forEach((name, value) -> {
                    if (value instanceof Obj held && held.origin() == obj.origin() && held.path().isEmpty() && !held.element()) {
                        namesAtFlush.get(flush).putIfAbsent(obj.origin(), name);
                    }
                });
            }
            List<RelatedInformation> related = List.of(relatedAt(module, flush, insert ? "the INSERT is flushed here" : "the UPDATE is flushed here"),
                    relatedAt(obj.cls().module(), (Located) column.declaration(), "`" + column.name() + "` is computed by the database"));
            Fix fix = null;
            String variable = namesAtFlush.getOrDefault(flush, Map.of()).get(obj.origin());
            if (module == model && variable != null && flush.func() instanceof Attribute m) {
                fix = refreshAfter(flush, SqlSupport.describe(module, m.value()), variable, List.of(column.name()));
            }
            findings.add(new Finding(SERVER_VALUE, range(at), message, fix, withRead(related, at), eagerDefaults(obj.cls())));
        }

        /** Serializing the response reads the database-computed column that the flushed UPDATE expired. */
        private void reportServerValueReturn(Return ret, Obj obj, ResponseModels.ResponseModel response,
                MappedClass.Column column, Call flush) {
            if (!once(SERVER_VALUE, ret)) {
                return;
            }
            String method = flush.func() instanceof Attribute m ? m.attr() : "flush";
            String message = "the route returns `" + obj.cls().name() + "` into `" + response.name() + "` after `" + method
                    + "()` sent the UPDATE: serializing `" + column.name() + "`, whose value the database computes on UPDATE, "
                    + "fetches the expired value: " + MISSING_GREENLET;
            List<RelatedInformation> related = List.of(relatedAt(module, flush, "the UPDATE is flushed here"),
                    relatedAt(obj.cls().module(), (Located) column.declaration(), "`" + column.name() + "` is computed by the database"));
            Fix fix = null;
            String variable = namesAtFlush.getOrDefault(flush, Map.of()).get(obj.origin());
            if (module == model && variable != null && flush.func() instanceof Attribute m) {
                fix = refreshAfter(flush, SqlSupport.describe(module, m.value()), variable, List.of(column.name()));
            }
            findings.add(new Finding(SERVER_VALUE, ret.span(), message, fix, related, eagerDefaults(obj.cls())));
        }

        private void reportResponse(Return ret, Obj obj, ResponseModels.ResponseModel top, ResponseModels.ResponseModel response,
                ResponseModels.Field field, String fieldPath,
                MappedClass.Relationship relationship, String strategy) {
            if (!once(RESPONSE + relationship.qualified(), ret)) {
                return;
            }
            String failure = switch (strategy) {
                case "raise", "raise_on_sql" -> "InvalidRequestError ('" + relationship.qualified() + "' is not available due to lazy='" + strategy + "')";
                case "noload" -> "an empty value, silently (lazy=\"noload\")";
                default -> MISSING_GREENLET;
            };
            String message = "the route returns `" + obj.origin().entity.name() + "` objects into `" + top.name()
                    + "`, whose field `" + fieldPath + "` reads relationship `" + relationship.qualified()
                    + "`, which the statement that produced them does not load: serializing the response gives " + failure;
            List<RelatedInformation> related = producedBy(obj.origin(), "`" + obj.origin().entity.name()
                    + "` objects are loaded here without `" + relationship.name() + "`");
            related.add(relatedAt(response.module(), field.declaration(), "`" + response.name() + "." + field.name() + "`"));
            Fix fix = strategy.equals("noload") ? null : eagerLoadFix(obj.origin(), append(obj.path(), field.name()));
            findings.add(new Finding(RESPONSE, ret.span(), message, fix, related));
        }

        // -------------------------------------------------------------------- fixes

        /** {@code .options(selectinload(A.b).selectinload(B.c))} on the producing statement. */
        private Fix eagerLoadFix(Origin origin, List<String> path) {
            if (origin.module != model || (origin.statement != null && origin.statement.module() != model)) {
                return null;
            }
            LoaderOptions.Entry parent = path.size() > 1 ? origin.options.find(path.subList(0, path.size() - 1)) : null;
            // An option already sets the parent's strategy: a separate option reaches the hop through
            // defaultload, which leaves that strategy as it is.
            String option = optionText(origin, path, parent != null);
            if (option == null) {
                return null;
            }
            List<TextEdit> edits = new ArrayList<>();
            String text = model.text();
            boolean chained = parent != null && (parent.strategy() == LoaderOptions.Strategy.EAGER
                    || parent.strategy() == LoaderOptions.Strategy.CONTAINS_EAGER
                    || parent.strategy() == LoaderOptions.Strategy.DEFAULT) && isLastLink(parent, origin);
            if (chained) {
                String hop = hopText(origin, path);
                if (hop == null) {
                    return null;
                }
                edits.add(TextEdit.insert(parent.option().span().end(), ".selectinload(" + hop + ")"));
            } else if (origin.kind == OriginKind.QUERY && origin.statement != null) {
                Call options = origin.statement.optionsCall();
                if (options != null && text.charAt(options.span().end() - 1) == ')' && !options.args().isEmpty()) {
                    edits.add(TextEdit.insert(options.span().end() - 1, ", " + option));
                } else if (origin.statement.node() == null) {
                    return null;
                } else {
                    edits.add(TextEdit.insert(origin.statement.node().span().end(), ".options(" + option + ")"));
                }
            } else if (origin.kind == OriginKind.GET && origin.producer != null) {
                Expression given = Inference.keyword(origin.producer, "options");
                if (given instanceof dev.greenlight.python.ast.List list && text.charAt(list.span().end() - 1) == ']') {
                    edits.add(TextEdit.insert(list.span().end() - 1, (list.elts().isEmpty() ? "" : ", ") + option));
                } else if (given == null && text.charAt(origin.producer.span().end() - 1) == ')') {
                    edits.add(TextEdit.insert(origin.producer.span().end() - 1, ", options=[" + option + "]"));
                } else {
                    return null;
                }
            } else {
                return null;
            }
            edits.add(!chained && option.startsWith("defaultload(") ? SqlSupport.importEdit(model, "sqlalchemy.orm", "defaultload", "selectinload")
                    : SqlSupport.importEdit(model, "sqlalchemy.orm", "selectinload"));
            String title = "Load `" + String.join(".", path) + "` eagerly with `selectinload`";
            return new Fix(title, dev.greenlight.fix.Applicability.SAFE, SqlSupport.merge(edits));
        }

        /**
         * Whether an option expression ends at this entry (so that a hop can be chained onto it):
         * nothing is chained after it, and it is written in the function that runs the statement (an
         * option kept in a module-level variable serves other statements too).
         */
        private boolean isLastLink(LoaderOptions.Entry entry, Origin origin) {
            Located producer = origin.producer;
            return entry.option() instanceof Call call && call.args().size() == 1
                    && call.args().get(0) instanceof Attribute attribute && attribute.attr().equals(entry.path().get(entry.path().size() - 1))
                    && !(model.parent(call) instanceof Attribute)
                    && producer != null && model.scopeOf(call).function() == model.scopeOf((Node) producer).function();
        }

        /**
         * {@code selectinload(User.orders).selectinload(Order.items)} for {@code path} (with
         * {@code defaultload} for the hops before the last when {@code viaDefault}), or null.
         */
        private String optionText(Origin origin, List<String> path, boolean viaDefault) {
            StringBuilder option = new StringBuilder();
            MappedClass cls = origin.entity;
            for (int i = 0; i < path.size(); i++) {
                String owner = classReference(cls);
                if (owner == null) {
                    return null;
                }
                option.append(i == 0 ? "" : ".").append(viaDefault && i < path.size() - 1 ? "defaultload(" : "selectinload(").append(owner).append('.').append(path.get(i)).append(')');
                MappedClass.Relationship relationship = cls.relationship(path.get(i));
                cls = relationship == null ? null : mappings.target(relationship);
                if (cls == null && i < path.size() - 1) {
                    return null;
                }
            }
            return option.toString();
        }

        /** {@code Order.items}: the last hop of {@code path}, named as this module can. */
        private String hopText(Origin origin, List<String> path) {
            MappedClass cls = origin.entity;
            for (int i = 0; i < path.size() - 1 && cls != null; i++) {
                MappedClass.Relationship relationship = cls.relationship(path.get(i));
                cls = relationship == null ? null : mappings.target(relationship);
            }
            String owner = cls == null ? null : classReference(cls);
            return owner == null ? null : owner + "." + path.get(path.size() - 1);
        }

        /** How this module names a mapped class: a module-level name bound to it, or null. */
        private String classReference(MappedClass cls) {
            // Its own name first: one lookup, where a scan of every name would concern the whole module.
            if (model.exported(cls.name()) instanceof Value.ClassValue own && !own.instance() && own.def() == cls.def()) {
                return cls.name();
            }
            for (Map.Entry<String, List<dev.greenlight.analysis.Binding>> entry : model.moduleScope().bindings().entrySet()) {
                if (model.exported(entry.getKey()) instanceof Value.ClassValue value && !value.instance() && value.def() == cls.def()) {
                    return entry.getKey();
                }
            }
            return null;
        }

        /**
         * GL102's other fix: {@code expire_on_commit=False} on the factory the session came from,
         * when it is a call of this module that leaves the keyword to its default. Not after a
         * rollback, which expires whatever the factory says. Unsafe: every session of the factory
         * then keeps what it loaded across commits.
         */
        private List<Fix> keepOnCommit(Expiry expiry) {
            Value.Factory factory = expiry.session.factory();
            if (!expiry.how.equals("commit") || factory == null || factory.module() != model
                    || !(factory.origin() instanceof Call call) || factory.expireOnCommit() != null
                    || Inference.keyword(call, "expire_on_commit") != null || model.text().charAt(call.span().end() - 1) != ')') {
                return List.of();
            }
            String separator = call.args().isEmpty() && call.keywords().isEmpty() ? "" : ", ";
            return List.of(Fix.unsafe("Set `expire_on_commit=False` on `" + SqlSupport.describe(model, call.func()) + "(...)`",
                    TextEdit.insert(call.span().end() - 1, separator + "expire_on_commit=False")));
        }

        /**
         * GL109's other fix: {@code __mapper_args__ = {"eager_defaults": True}} on the model, which
         * makes every flush fetch what the database computes. Only for a class of this module with a
         * {@code __tablename__} (the line goes after it) and no {@code __mapper_args__} yet.
         */
        private List<Fix> eagerDefaults(MappedClass cls) {
            if (cls.module() != model || cls.def().body().isEmpty()) {
                return List.of();
            }
            Statement anchor = null;
            for (Statement statement : cls.def().body()) {
                if (statement instanceof Assign assign && assign.targets().size() == 1 && assign.targets().get(0) instanceof Name name) {
                    if (name.id().equals("__mapper_args__")) {
                        return List.of();
                    }
                    if (name.id().equals("__tablename__")) {
                        anchor = statement;
                    }
                }
            }
            if (anchor == null) {
                return List.of();
            }
            String text = model.text();
            String indent = SqlSupport.indentation(text, anchor);
            if (indent == null) {
                return List.of();
            }
            int at = SqlSupport.lineEnd(text, anchor.span().end());
            String line = indent + "__mapper_args__ = {\"eager_defaults\": True}\n";
            return List.of(Fix.unsafe("Fetch database-computed values at flush: `eager_defaults` on `" + cls.name() + "`",
                    TextEdit.insert(at, line)));
        }

        private Fix awaitableAttrsFix(Attribute attribute) {
            String base = model.source(attribute.value());
            String replacement = "(await " + base + ".awaitable_attrs." + attribute.attr() + ")";
            return Fix.unsafe("Load `" + attribute.attr() + "` with `await " + base + ".awaitable_attrs." + attribute.attr() + "`",
                    TextEdit.replace(attribute.span().start(), attribute.span().end(), replacement));
        }

        private Fix attributeNamesFix(Call refresh, String name) {
            String text = model.text();
            Expression given = Inference.argument(refresh, 1, "attribute_names");
            if (given instanceof dev.greenlight.python.ast.List list && text.charAt(list.span().end() - 1) == ']') {
                return Fix.safe("Name `" + name + "` in `attribute_names`", TextEdit.insert(list.span().end() - 1,
                        (list.elts().isEmpty() ? "" : ", ") + "\"" + name + "\""));
            }
            if (given == null && refresh.args().size() == 1 && refresh.keywords().isEmpty()
                    && refresh.args().get(0) instanceof Name variable && refresh.func() instanceof Attribute method) {
                // Naming it in this refresh would stop it reloading the columns (left expired after a commit): a second one loads it.
                Fix after = refreshAfter(refresh, SqlSupport.describe(model, method.value()), variable.id(), List.of(name));
                return after == null ? null : new Fix("Load `" + name + "` with a second `refresh(..., attribute_names=[\"" + name + "\"])`",
                        after.applicability(), after.edits());
            }
            return null;
        }

        /** {@code await session.refresh(obj[, attribute_names=[...]])} on the line after {@code cause}'s statement. */
        private Fix refreshAfter(Call cause, String session, String variable, List<String> names) {
            Statement statement = statementOf(cause);
            if (statement == null) {
                return null;
            }
            String text = model.text();
            String indent = SqlSupport.indentation(text, statement);
            if (indent == null) {
                return null;
            }
            String arguments = names.isEmpty() ? variable
                    : variable + ", attribute_names=[" + String.join(", ", names.stream().map(n -> "\"" + n + "\"").toList()) + "]";
            int at = SqlSupport.lineEnd(text, statement.span().end());
            String line = indent + "await " + session + ".refresh(" + arguments + ")\n";
            if (at == text.length() && !text.endsWith("\n")) {
                line = "\n" + line;
            }
            return Fix.safe("Refresh `" + variable + "` after `" + ((Attribute) cause.func()).attr() + "()`", TextEdit.insert(at, line));
        }

        /** The statement that is just {@code await call} (or {@code call}), or null. */
        private Statement statementOf(Call call) {
            Node parent = model.parent(call);
            if (parent instanceof Await await) {
                parent = model.parent(await);
            }
            return parent instanceof Expr expr ? expr : null;
        }

        /** GL102's fix needs every attribute read after the commit: built when the function is done. */
        private void finishExpiryFixes() {
            for (int i = 0; i < findings.size(); i++) {
                Finding finding = findings.get(i);
                if (!finding.code().equals(EXPIRED) || finding.fix() != null) {
                    continue;
                }
                Expiry expiry = expiries.get(finding);
                if (expiry == null || expiry.cause == null || !expiry.how.equals("commit") || expiry.module != model) {
                    continue;
                }
                String variable = expiry.namesAtCause.get(expiry.reportedOrigin);
                if (variable == null || !(expiry.cause.func() instanceof Attribute method)) {
                    continue;
                }
                MappedClass entity = expiry.reportedOrigin.entity;
                boolean relationships = expiry.readAfter.stream().anyMatch(name -> entity.relationship(name) != null);
                Fix fix = refreshAfter(expiry.cause, SqlSupport.describe(model, method.value()), variable,
                        relationships ? List.copyOf(expiry.readAfter) : List.of());
                if (fix != null) {
                    findings.set(i, new Finding(finding.code(), finding.range(), finding.message(), fix, finding.related(),
                            finding.alternatives()));
                }
            }
        }
    }

    private static List<Statement> body(Node function) {
        return function instanceof FunctionDef def ? def.body() : ((AsyncFunctionDef) function).body();
    }

    private static List<String> append(List<String> path, String name) {
        List<String> longer = new ArrayList<>(path);
        longer.add(name);
        return List.copyOf(longer);
    }
}
