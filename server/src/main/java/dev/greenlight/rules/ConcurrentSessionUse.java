package dev.greenlight.rules;

import dev.greenlight.analysis.Binding;
import dev.greenlight.analysis.ModuleModel;
import dev.greenlight.analysis.Scope;
import dev.greenlight.analysis.Value;
import dev.greenlight.python.ast.AsyncFor;
import dev.greenlight.python.ast.AsyncFunctionDef;
import dev.greenlight.python.ast.AsyncWith;
import dev.greenlight.python.ast.Attribute;
import dev.greenlight.python.ast.Await;
import dev.greenlight.python.ast.Call;
import dev.greenlight.python.ast.ClassDef;
import dev.greenlight.python.ast.Comprehension;
import dev.greenlight.python.ast.Expression;
import dev.greenlight.python.ast.For;
import dev.greenlight.python.ast.FunctionDef;
import dev.greenlight.python.ast.GeneratorExp;
import dev.greenlight.python.ast.Keyword;
import dev.greenlight.python.ast.Lambda;
import dev.greenlight.python.ast.ListComp;
import dev.greenlight.python.ast.Name;
import dev.greenlight.python.ast.Node;
import dev.greenlight.python.ast.Starred;
import dev.greenlight.python.ast.Statement;
import dev.greenlight.python.ast.Subscript;
import dev.greenlight.python.ast.While;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * GL107: one async session used by coroutines that run at the same time: several arguments of
 * {@code asyncio.gather(...)} (a generator or list comprehension counts as several), tasks made by
 * {@code asyncio.create_task(...)} or a {@code TaskGroup}'s {@code create_task(...)} in a loop, next
 * to another task with the same session, or while the spawning function goes on using it. A
 * coroutine shares the session when it receives it as an argument, is a method of it
 * ({@code session.execute(...)}), or is an {@code async def} of the workspace that reads it from a
 * module-level variable or from a {@code ContextVar} it does not set itself (tasks inherit a copy of
 * the context, so they all see the same session). Also a task that may still run when the
 * session is closed under it: by the end of the {@code async with} that opened it, or by the
 * {@code Depends} generator after the response.
 *
 * <p>No fix: giving each task its own session changes the task function's signature and its
 * transaction (work the caller committed with one {@code commit()} would then need a commit in every
 * task), which is a decision, not a rewrite.
 */
@RuleInfo(code = "GL107", name = "concurrent-session-use",
        summary = "One `AsyncSession` used by concurrently running coroutines (`gather`, `create_task`, `TaskGroup`)",
        severity = Severity.ERROR, fix = FixAvailability.NONE)
public final class ConcurrentSessionUse implements Rule {

    private static final Set<String> TASK_FACTORIES = Set.of("asyncio.create_task", "asyncio.ensure_future");
    private static final Set<String> LOOPS = Set.of("asyncio.get_running_loop", "asyncio.get_event_loop", "asyncio.new_event_loop");
    private static final String CONSEQUENCE = "an AsyncSession must not be used concurrently, so this fails with "
            + "IllegalStateChangeError, InvalidRequestError (\"concurrent operations are not permitted\", \"Session is "
            + "already flushing\") or ResourceClosedError, depending on timing and driver";

    /** A session a coroutine reaches: how the message names it. */
    private record Shared(Object key, String description, String closedBy) {

        Shared(Object key, String description) {
            this(key, description, null);
        }

        Shared closing(String by) {
            return new Shared(key, description, by);
        }
    }

    private enum Spawn { GATHER, TASK, TASK_GROUP }

    /** How long a task that nobody awaits may run: past the end of any function. */
    private static final int OUTLIVES = Integer.MAX_VALUE;

    @Override
    public void register(Checks checks) {
        checks.on(Call.class, this::check);
    }

    private void check(Call call, RuleContext context) {
        ModuleModel model = SqlSupport.model(context);
        Spawn spawn = spawnOf(model, call);
        if (spawn == null) {
            return;
        }
        Shared shared = spawn == Spawn.GATHER ? sharedByGather(model, call) : sharedByTask(model, call, spawn);
        if (shared == null) {
            return;
        }
        String what = "`" + SqlSupport.describe(model, call) + "`";
        if (shared.closedBy() != null) {
            context.report(call.span(), what + " starts a task that uses " + shared.description() + ", but "
                    + shared.closedBy() + " while the task may still run: the task's next operation on it fails "
                    + "(ResourceClosedError: This transaction is closed, or IllegalStateChangeError), depending on timing");
            return;
        }
        String message = switch (spawn) {
            case GATHER -> what + " runs coroutines that share " + shared.description() + " at the same time: " + CONSEQUENCE;
            case TASK -> what + " starts a task that shares " + shared.description()
                    + " with other code running at the same time: " + CONSEQUENCE;
            case TASK_GROUP -> what + " starts a task that shares " + shared.description()
                    + " with other code running at the same time: " + CONSEQUENCE
                    + ", raised out of the TaskGroup as an ExceptionGroup";
        };
        context.report(call.span(), message);
    }

    private static Spawn spawnOf(ModuleModel model, Call call) {
        Value callee = model.valueOf(call.func());
        if (SqlSupport.isDotted(callee, "asyncio.gather")) {
            return Spawn.GATHER;
        }
        if (callee instanceof Value.Dotted dotted && TASK_FACTORIES.contains(dotted.name())) {
            return Spawn.TASK;
        }
        if (call.func() instanceof Attribute method && method.attr().equals("create_task")
                && method.value() instanceof Name holder) {
            Binding binding = singleBinding(model, holder);
            if (binding == null || !(binding.value() instanceof Call made)) {
                return null;
            }
            Value maker = model.valueOf(made.func());
            if ((binding.kind() == Binding.Kind.ASYNC_WITH || binding.kind() == Binding.Kind.WITH)
                    && SqlSupport.isDotted(maker, "asyncio.TaskGroup")) {
                return Spawn.TASK_GROUP;
            }
            if (binding.kind() == Binding.Kind.ASSIGN && maker instanceof Value.Dotted dotted && LOOPS.contains(dotted.name())) {
                return Spawn.TASK;
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- gather

    /** The first session that two of the gathered coroutines reach, or null. */
    private static Shared sharedByGather(ModuleModel model, Call gather) {
        Map<Object, Integer> users = new IdentityHashMap<>();
        Map<Object, Shared> byKey = new IdentityHashMap<>();
        for (Expression argument : gather.args()) {
            int weight = 1;
            Expression coroutine = argument;
            if (argument instanceof Starred starred) {
                Expression element = element(model, starred.value());
                if (element == null) {
                    continue;
                }
                coroutine = element;
                weight = 2; // one coroutine per iteration
            } else if (argument instanceof Name name) {
                Binding binding = singleBinding(model, name);
                coroutine = binding != null && binding.kind() == Binding.Kind.ASSIGN ? binding.value() : null;
            }
            if (!(coroutine instanceof Call call) || spawnOf(model, call) != null) {
                continue; // a task made by create_task is reported there
            }
            for (Shared shared : reached(model, call)) {
                users.merge(shared.key(), weight, Integer::sum);
                byKey.putIfAbsent(shared.key(), shared);
                if (users.get(shared.key()) >= 2) {
                    return byKey.get(shared.key());
                }
            }
        }
        return null;
    }

    /** The element of {@code (f(x) for x in xs)} or {@code [f(x) for x in xs]}, directly or through a name. */
    private static Expression element(ModuleModel model, Expression iterable) {
        if (iterable instanceof Name name) {
            Binding binding = singleBinding(model, name);
            iterable = binding != null && binding.kind() == Binding.Kind.ASSIGN ? binding.value() : null;
        }
        if (iterable instanceof GeneratorExp generator) {
            return generator.elt();
        }
        if (iterable instanceof ListComp comprehension) {
            return comprehension.elt();
        }
        return null;
    }

    // ---------------------------------------------------------------- tasks

    /**
     * A session the task's coroutine reaches that also runs elsewhere meanwhile: the task is made
     * in a loop, another task or gathered coroutine of the same function reaches it, or the
     * function uses it after making the task and before awaiting it (for a TaskGroup: before the
     * end of its {@code async with}).
     */
    private static Shared sharedByTask(ModuleModel model, Call spawn, Spawn kind) {
        if (spawn.args().isEmpty() || !(spawn.args().get(0) instanceof Call coroutine)) {
            return null;
        }
        List<Shared> reached = reached(model, coroutine);
        if (reached.isEmpty()) {
            return null;
        }
        Node function = SqlSupport.function(model, spawn);
        if (function == null) {
            return null;
        }
        Node loop = loopOf(model, spawn);
        if (loop != null && !awaitedWithin(model, spawn, function, loop)) {
            return reached.get(0);
        }
        int until = liveUntil(model, spawn, kind, function);
        for (Call other : spawnsIn(model, function)) {
            Spawn otherKind = spawnOf(model, other);
            if (other == spawn || !(other.span().start() < until
                    && spawn.span().end() < liveUntil(model, other, otherKind, function))) {
                continue; // not running at the same time
            }
            List<Call> coroutines = new ArrayList<>();
            if (otherKind == Spawn.GATHER) {
                other.args().forEach(a -> {
                    if (a instanceof Call c && spawnOf(model, c) == null) {
                        coroutines.add(c);
                    }
                });
            } else if (!other.args().isEmpty() && other.args().get(0) instanceof Call c) {
                coroutines.add(c);
            }
            for (Call c : coroutines) {
                for (Shared theirs : reached(model, c)) {
                    for (Shared ours : reached) {
                        if (theirs.key() == ours.key()) {
                            return ours;
                        }
                    }
                }
            }
        }
        for (Shared ours : reached) {
            if (ours.key() instanceof Binding binding && usedBetween(model, binding, spawn.span().end(), until)) {
                return ours;
            }
        }
        for (Shared ours : reached) {
            if (ours.key() instanceof Binding binding) {
                int closed = closedAt(model, binding, function);
                if (closed >= 0 && until > closed) {
                    return ours.closing(binding.kind() == Binding.Kind.PARAMETER
                            ? "its dependency closes it after the response" : "its `async with` block closes it");
                }
            }
        }
        return null;
    }

    /** The innermost loop or comprehension around {@code node} in its function, or null. */
    private static Node loopOf(ModuleModel model, Node node) {
        for (Node at = model.parent(node); at != null; at = model.parent(at)) {
            if (at instanceof For || at instanceof AsyncFor || at instanceof While || at instanceof Comprehension
                    || at instanceof GeneratorExp || at instanceof ListComp) {
                return at;
            }
            if (at instanceof FunctionDef || at instanceof AsyncFunctionDef || at instanceof Lambda || at instanceof ClassDef) {
                return null;
            }
        }
        return null;
    }

    /** Whether each iteration awaits its task before the next one starts: {@code t = create_task(...); await t}. */
    private static boolean awaitedWithin(ModuleModel model, Call spawn, Node function, Node loop) {
        int awaited = awaitedAt(model, spawn, function);
        int loopEnd = ((dev.greenlight.python.ast.Located) loop).span().end();
        return awaited < loopEnd && awaited > spawn.span().end();
    }

    /** Every gather and task creation in the body of {@code function}, nested definitions excluded. */
    private static List<Call> spawnsIn(ModuleModel model, Node function) {
        List<Call> found = new ArrayList<>();
        for (Statement statement : body(function)) {
            statement.accept(new LocalScanner() {
                @Override
                public Void visitCall(Call call) {
                    if (spawnOf(model, call) != null) {
                        found.add(call);
                    }
                    return super.visitCall(call);
                }
            });
        }
        return found;
    }

    /**
     * Until where what {@code spawn} starts may run: the end of a gather, where a task is awaited,
     * the end of a TaskGroup's block.
     */
    private static int liveUntil(ModuleModel model, Call spawn, Spawn kind, Node function) {
        return switch (kind) {
            case GATHER -> spawn.span().end();
            case TASK -> awaitedAt(model, spawn, function);
            case TASK_GROUP -> taskGroupEnd(model, spawn);
        };
    }

    /** The end of the {@code async with TaskGroup() as tg:} block the task belongs to. */
    private static int taskGroupEnd(ModuleModel model, Call spawn) {
        for (Node at = model.parent(spawn); at != null; at = model.parent(at)) {
            if (at instanceof AsyncWith block) {
                return block.span().end();
            }
        }
        return spawn.span().end();
    }

    /**
     * Where the task is first awaited (or gathered), when it is kept in a name; else
     * {@link #OUTLIVES}: a task nobody awaits here runs on after the function returns.
     */
    private static int awaitedAt(ModuleModel model, Call spawn, Node function) {
        if (!(model.parent(spawn) instanceof dev.greenlight.python.ast.Assign assign) || assign.targets().size() != 1
                || !(assign.targets().get(0) instanceof Name task)) {
            return OUTLIVES;
        }
        Scope scope = model.scopeOf(task).resolve(task.id());
        for (Name use : model.uses(task.id(), scope)) {
            for (Node at = model.parent(use); at != null && !(at instanceof Statement); at = model.parent(at)) {
                if (at instanceof Await || at instanceof Call call && spawnOf(model, call) == Spawn.GATHER) {
                    return use.span().start();
                }
            }
        }
        return OUTLIVES;
    }

    /**
     * Where the session is closed under the task: the end of the {@code async with} of this
     * function that opened it, or the end of the route for a session that a {@code Depends}
     * generator closes after the response; -1 when it is not closed by this function's doing.
     */
    private static int closedAt(ModuleModel model, Binding binding, Node function) {
        if (binding.scope().node() != function) {
            return -1;
        }
        if (binding.kind() == Binding.Kind.ASYNC_WITH || binding.kind() == Binding.Kind.WITH) {
            for (Node at = model.parent(binding.node()); at != null; at = model.parent(at)) {
                if (at instanceof AsyncWith || at instanceof dev.greenlight.python.ast.With) {
                    return ((dev.greenlight.python.ast.Located) at).span().end();
                }
            }
            return -1;
        }
        if (binding.kind() == Binding.Kind.PARAMETER) {
            var info = model.inference().parameter(binding);
            if (info.depends() != null && info.dependsModule().valueOf(info.depends()) instanceof Value.Function dependency
                    && dependency.module().isGenerator(dependency.def())) {
                return ((dev.greenlight.python.ast.Located) function).span().end();
            }
        }
        return -1;
    }

    private static boolean usedBetween(ModuleModel model, Binding binding, int from, int until) {
        for (Name use : model.uses(binding.name(), binding.scope())) {
            if (use.span().start() >= from && use.span().start() < until) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- what a coroutine reaches

    /**
     * The async sessions a coroutine call reaches: its receiver ({@code session.execute(...)}),
     * its arguments, and for an {@code async def} of the workspace the module-level sessions and
     * session {@code ContextVar}s its body reads.
     */
    private static List<Shared> reached(ModuleModel model, Call call) {
        Map<Object, Shared> found = new LinkedHashMap<>();
        if (call.func() instanceof Attribute method) {
            session(model, method.value()).ifPresent(s -> found.putIfAbsent(s.key(), s));
        }
        List<Expression> arguments = new ArrayList<>(call.args());
        call.keywords().stream().map(Keyword::value).forEach(arguments::add);
        for (Expression argument : arguments) {
            session(model, argument).ifPresent(s -> found.putIfAbsent(s.key(), s));
        }
        if (model.valueOf(call.func()) instanceof Value.Function function
                && function.def() instanceof AsyncFunctionDef def) {
            for (Shared shared : ambient(function.module(), def)) {
                found.putIfAbsent(shared.key(), shared);
            }
        }
        return new ArrayList<>(found.values());
    }

    /** An async session held by {@code expression}, keyed by the binding that holds it. */
    private static java.util.Optional<Shared> session(ModuleModel model, Expression expression) {
        if (!(model.valueOf(expression) instanceof Value.Session session) || !session.async()) {
            return java.util.Optional.empty();
        }
        Object key = session.origin();
        if (expression instanceof Name name) {
            Binding binding = singleBinding(model, name);
            if (binding != null) {
                key = binding;
            }
        }
        return java.util.Optional.of(new Shared(key, "the AsyncSession `" + model.source(expression) + "`"));
    }

    /** Module-level sessions and session {@code ContextVar}s that an {@code async def} reads. */
    private static List<Shared> ambient(ModuleModel owner, AsyncFunctionDef def) {
        List<Shared> found = new ArrayList<>();
        Set<Object> setHere = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        List<Call> reads = new ArrayList<>();
        for (Statement statement : def.body()) {
            statement.accept(new LocalScanner() {
                @Override
                public Void visitName(Name name) {
                    Binding binding = moduleBinding(owner, name);
                    if (binding != null && owner.valueOf(name) instanceof Value.Session session && session.async()) {
                        found.add(new Shared(binding, "the module-level AsyncSession `" + name.id() + "`"));
                    }
                    return null;
                }

                @Override
                public Void visitCall(Call call) {
                    if (call.func() instanceof Attribute method && method.value() instanceof Name variable
                            && sessionContextVar(owner, variable) != null) {
                        if (method.attr().equals("set")) {
                            setHere.add(sessionContextVar(owner, variable));
                        } else if (method.attr().equals("get")) {
                            reads.add(call);
                        }
                    }
                    return super.visitCall(call);
                }
            });
        }
        for (Call read : reads) {
            Name variable = (Name) ((Attribute) read.func()).value();
            Binding binding = sessionContextVar(owner, variable);
            if (!setHere.contains(binding)) {
                found.add(new Shared(binding, "the AsyncSession in the ContextVar `" + variable.id() + "`"));
            }
        }
        return found;
    }

    private static Binding moduleBinding(ModuleModel model, Name name) {
        Scope scope = model.scopeOf(name).resolve(name.id());
        if (scope != model.moduleScope() || name.ctx() != dev.greenlight.python.ast.ExprContext.Load) {
            return null;
        }
        List<Binding> bindings = scope.local(name.id());
        return bindings.isEmpty() ? null : bindings.get(0);
    }

    /**
     * The module-level binding of a {@code ContextVar} that holds an async session: annotated
     * {@code ContextVar[AsyncSession]}, or given one with {@code .set(session)} somewhere in the
     * module.
     */
    private static Binding sessionContextVar(ModuleModel model, Name variable) {
        Binding binding = moduleBinding(model, variable);
        if (binding == null || !(binding.value() instanceof Call made)
                || !SqlSupport.isDotted(model.valueOf(made.func()), "contextvars.ContextVar")) {
            return null;
        }
        if (binding.annotation() instanceof Subscript subscript
                && model.inference().annotation(subscript.slice()).type() instanceof Value.Session session && session.async()) {
            return binding;
        }
        for (Name use : model.uses(variable.id(), model.moduleScope())) {
            if (model.parent(use) instanceof Attribute method && method.attr().equals("set")
                    && model.parent(method) instanceof Call set && set.func() == method && !set.args().isEmpty()
                    && model.valueOf(set.args().get(0)) instanceof Value.Session session && session.async()) {
                return binding;
            }
        }
        return null;
    }

    private static Binding singleBinding(ModuleModel model, Name name) {
        Scope scope = model.scopeOf(name).resolve(name.id());
        if (scope == null || scope.local(name.id()).size() != 1) {
            return null;
        }
        return scope.local(name.id()).get(0);
    }

    private static List<Statement> body(Node function) {
        return function instanceof AsyncFunctionDef def ? def.body()
                : function instanceof FunctionDef def ? def.body() : List.of();
    }

}
