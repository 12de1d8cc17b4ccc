package dev.greenlight.rules;

import dev.greenlight.analysis.Api;
import dev.greenlight.analysis.Binding;
import dev.greenlight.analysis.ModuleModel;
import dev.greenlight.analysis.Scope;
import dev.greenlight.analysis.Url;
import dev.greenlight.analysis.Value;
import dev.greenlight.fix.Applicability;
import dev.greenlight.fix.Fix;
import dev.greenlight.fix.TextEdit;
import dev.greenlight.python.ast.Assign;
import dev.greenlight.python.ast.Attribute;
import dev.greenlight.python.ast.Await;
import dev.greenlight.python.ast.Call;
import dev.greenlight.python.ast.Keyword;
import dev.greenlight.python.ast.Name;
import dev.greenlight.python.ast.Node;
import java.util.ArrayList;
import java.util.List;

/**
 * GL001: {@code create_engine(url)} where the URL names an async driver. The sync engine cannot
 * drive it: the first connection raises {@code MissingGreenlet}; handed to the asyncio extension
 * it is refused earlier. Not when the engine is wrapped, {@code AsyncEngine(create_engine(...))},
 * which is valid (Alembic's async {@code env.py}).
 */
@RuleInfo(code = "GL001", name = "async-driver-in-sync-engine",
        summary = "`create_engine()` with a URL that names an async driver",
        severity = Severity.ERROR, fix = FixAvailability.SOMETIMES)
public final class AsyncDriverInSyncEngine implements Rule {

    @Override
    public void register(Checks checks) {
        checks.on(Call.class, this::check);
    }

    private void check(Call call, RuleContext context) {
        ModuleModel model = SqlSupport.model(context);
        Value callee = model.valueOf(call.func());
        if (!SqlSupport.isDotted(callee, Api.CREATE_ENGINE)
                || !(model.valueOf(call) instanceof Value.Engine engine) || engine.url() == null) {
            return;
        }
        Url url = engine.url();
        if (!url.isAsyncDriver() || wrapped(model, call)) {
            return;
        }
        List<Node> uses = uses(model, call);
        boolean handedToAsync = uses.stream().anyMatch(use -> asyncConsumer(model, use));
        String name = "`create_engine()` with the async driver `" + url.driver() + "` (`" + url.scheme() + "://`"
                + (url.source().via() != null ? ", " + url.source().via() : "") + ") makes a synchronous engine: ";
        String message = name + (handedToAsync
                ? "the asyncio extension refuses it (ArgumentError: AsyncEngine expected, got Engine), and used the sync way its first connection raises MissingGreenlet"
                : "its first connection raises MissingGreenlet: greenlet_spawn has not been called");
        boolean safe = uses.stream().allMatch(use -> asyncConsumer(model, use));
        if (uses.stream().anyMatch(use -> syncUse(model, use))) {
            // Used the sync way: the engine wants a sync driver, not an async engine. No fix.
            context.report(call.span(), message, null, UrlSupport.related(model, url, call));
            return;
        }
        List<TextEdit> edits = new ArrayList<>();
        edits.add(TextEdit.replace(call.func().span().start(), call.func().span().end(), "create_async_engine"));
        edits.add(SqlSupport.importEdit(model, "sqlalchemy.ext.asyncio", "create_async_engine"));
        Fix fix = new Fix("Use `create_async_engine`", safe ? Applicability.SAFE : Applicability.UNSAFE,
                SqlSupport.merge(edits));
        context.report(call.span(), message, fix, UrlSupport.related(model, url, call));
    }

    /** {@code AsyncEngine(create_engine(...))}, directly or through a name. */
    private static boolean wrapped(ModuleModel model, Call call) {
        for (Node use : uses(model, call)) {
            Node parent = model.parent(use);
            if (parent instanceof Keyword keyword) {
                parent = model.parent(keyword);
            }
            if (parent instanceof Call outer && outer.func() != use
                    && SqlSupport.isDotted(model.valueOf(outer.func()), Api.ASYNC_ENGINE)) {
                return true;
            }
        }
        return false;
    }

    /** The engine call itself when used in place, or the uses of the name it is assigned to. */
    static List<Node> uses(ModuleModel model, Call call) {
        Node parent = model.parent(call);
        if (parent instanceof Assign assign && assign.targets().size() == 1 && assign.targets().get(0) instanceof Name name) {
            Scope scope = model.scopeOf(name).resolve(name.id());
            if (scope != null && scope.local(name.id()).size() == 1
                    && scope.local(name.id()).get(0).kind() == Binding.Kind.ASSIGN) {
                return new ArrayList<>(model.uses(name.id(), scope));
            }
            return List.of();
        }
        return List.of(call);
    }

    /** Methods that take an engine and only work with a sync one: {@code metadata.create_all(bind=engine)}. */
    private static final java.util.Set<String> SYNC_ONLY_METHODS = java.util.Set.of("create_all", "drop_all", "reflect");

    /**
     * {@code with engine.connect()}, {@code engine.begin()} in a plain {@code with} or a plain
     * {@code def}; the engine given to a sync factory or {@code Session}, to
     * {@code metadata.create_all}/{@code drop_all}/{@code reflect} or to {@code inspect()}.
     */
    private static boolean syncUse(ModuleModel model, Node use) {
        Node argumentOf = model.parent(use) instanceof Keyword keyword ? model.parent(keyword) : model.parent(use);
        if (argumentOf instanceof Call consumer && consumer.func() != use) {
            Value made = model.valueOf(consumer);
            if (made instanceof Value.Factory factory && !factory.async()
                    || made instanceof Value.Session session && !session.async()) {
                return true;
            }
            if (consumer.func() instanceof Attribute method && SYNC_ONLY_METHODS.contains(method.attr())
                    || SqlSupport.isDotted(model.valueOf(consumer.func()), "sqlalchemy.inspect")) {
                return true;
            }
        }
        if (model.parent(use) instanceof Attribute attribute && model.parent(attribute) instanceof Call method
                && method.func() == attribute) {
            Node holder = model.parent(method);
            if (holder instanceof dev.greenlight.python.ast.WithItem item
                    && model.parent(item) instanceof dev.greenlight.python.ast.With) {
                return true;
            }
            return !(holder instanceof Await) && !(SqlSupport.function(model, use) instanceof dev.greenlight.python.ast.AsyncFunctionDef);
        }
        return false;
    }

    /** A use that only makes sense for an async engine: async factories, {@code await engine.dispose()}. */
    private static boolean asyncConsumer(ModuleModel model, Node use) {
        Node parent = model.parent(use);
        if (parent instanceof Keyword keyword) {
            parent = model.parent(keyword);
        }
        if (parent instanceof Call outer && outer.func() != use) {
            Value made = model.valueOf(outer);
            return made instanceof Value.Factory factory && factory.async()
                    || made instanceof Value.Session session && session.async();
        }
        if (parent instanceof Attribute attribute && model.parent(attribute) instanceof Call method
                && model.parent(method) instanceof Await) {
            return true;
        }
        return false;
    }
}
