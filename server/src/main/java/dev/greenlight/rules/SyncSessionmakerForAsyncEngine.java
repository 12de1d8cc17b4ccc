package dev.greenlight.rules;

import dev.greenlight.analysis.Api;
import dev.greenlight.analysis.Binding;
import dev.greenlight.analysis.Inference;
import dev.greenlight.analysis.ModuleModel;
import dev.greenlight.analysis.Scope;
import dev.greenlight.analysis.Value;
import dev.greenlight.fix.Applicability;
import dev.greenlight.fix.Fix;
import dev.greenlight.fix.TextEdit;
import dev.greenlight.python.ast.AsyncFunctionDef;
import dev.greenlight.python.ast.Assign;
import dev.greenlight.python.ast.Call;
import dev.greenlight.python.ast.Expression;
import dev.greenlight.python.ast.Name;
import dev.greenlight.python.ast.Node;
import dev.greenlight.python.ast.With;
import dev.greenlight.python.ast.WithItem;
import java.util.ArrayList;
import java.util.List;

/**
 * GL103: a synchronous session factory or {@code Session} bound to an async engine:
 * {@code sessionmaker(bind=async_engine)} without {@code class_=AsyncSession}, or
 * {@code Session(async_engine)}. The sync session calls the engine's {@code connect()} and gets an
 * {@code AsyncConnection} that was never started. GL002 stays silent on these sessions: this is
 * the cause.
 */
@RuleInfo(code = "GL103", name = "sync-sessionmaker-for-async-engine",
        summary = "`sessionmaker()` or `Session()` bound to an `AsyncEngine` without `class_=AsyncSession`",
        severity = Severity.ERROR, fix = FixAvailability.SOMETIMES)
public final class SyncSessionmakerForAsyncEngine implements Rule {

    private static final String CONSEQUENCE = "its first query or commit raises AsyncContextNotStarted: AsyncConnection "
            + "context has not been started and object has not been awaited";

    @Override
    public void register(Checks checks) {
        checks.on(Call.class, this::check);
    }

    /** The async engine a sync session or factory made by {@code call} is bound to, or null. */
    static Value.Engine asyncEngineOf(ModuleModel model, Call call) {
        Value callee = model.valueOf(call.func());
        Value bind = Value.UNKNOWN;
        if (SqlSupport.isDotted(callee, Api.SESSIONMAKER) && model.valueOf(call) instanceof Value.Factory factory
                && !factory.async()) {
            bind = factory.bind();
        } else if (SqlSupport.isDotted(callee, Api.SESSION)) {
            bind = model.valueOf(Inference.argument(call, 0, "bind"));
        }
        return bind instanceof Value.Engine engine && engine.async() ? engine : null;
    }

    /** Whether a sync session comes from a factory or {@code Session(...)} on an async engine: GL103's finding. */
    static boolean onAsyncEngine(ModuleModel model, Value.Session session) {
        if (session.async()) {
            return false;
        }
        if (session.factory() != null) {
            return session.factory().bind() instanceof Value.Engine engine && engine.async();
        }
        return session.origin() instanceof Call call && session.module() != null
                && asyncEngineOf(session.module(), call) != null;
    }

    private void check(Call call, RuleContext context) {
        ModuleModel model = SqlSupport.model(context);
        Value.Engine engine = asyncEngineOf(model, call);
        if (engine == null) {
            return;
        }
        Expression bind = Inference.argument(call, 0, "bind");
        String engineName = bind == null ? "engine" : SqlSupport.describe(model, bind);
        List<RelatedInformation> related = new ArrayList<>();
        if (engine.module() == model && engine.origin() instanceof dev.greenlight.python.ast.Located origin
                && engine.origin() != call) {
            related.add(RelatedInformation.here(origin.span(), "`" + engineName + "` is an AsyncEngine, made here"));
        }
        boolean factory = SqlSupport.isDotted(model.valueOf(call.func()), Api.SESSIONMAKER);
        String message;
        Fix fix;
        if (factory) {
            String asyncWith = model.parent(call) instanceof Assign assign && assign.targets().size() == 1
                    && assign.targets().get(0) instanceof Name target ? "`async with " + target.id() + "()`"
                    : "`async with` on one of them";
            message = "`" + SqlSupport.describe(model, call) + "` makes synchronous `Session`s on the AsyncEngine `"
                    + engineName + "`: " + CONSEQUENCE + ", and " + asyncWith + " raises TypeError: "
                    + "'Session' object does not support the asynchronous context manager protocol";
            fix = factoryFix(model, call);
        } else {
            message = "`" + SqlSupport.describe(model, call) + "` is a synchronous `Session` on the AsyncEngine `"
                    + engineName + "`: " + CONSEQUENCE;
            fix = sessionFix(model, call);
        }
        context.report(call.span(), message, fix, related);
    }

    /**
     * {@code async_sessionmaker(...)}, with {@code with Factory() as s} turned into
     * {@code async with} in async functions. Not when {@code class_} is given, nor when the factory
     * is used outside async code (an async session does not help there). Unsafe: every call on
     * the sessions must now be awaited (GL003 finds and fixes them in this module; other modules
     * that import the factory need the same).
     */
    private static Fix factoryFix(ModuleModel model, Call maker) {
        if (Inference.keyword(maker, "class_") != null) {
            return null;
        }
        List<TextEdit> edits = new ArrayList<>();
        if (!withinAsyncUses(model, maker, edits)) {
            return null;
        }
        edits.add(TextEdit.replace(maker.func().span().start(), maker.func().span().end(), "async_sessionmaker"));
        edits.add(SqlSupport.importEdit(model, "sqlalchemy.ext.asyncio", "async_sessionmaker"));
        return new Fix("Use `async_sessionmaker`", Applicability.UNSAFE, SqlSupport.merge(edits));
    }

    /** {@code AsyncSession(engine)}, when the session is made in async code from a SQLAlchemy import. */
    private static Fix sessionFix(ModuleModel model, Call call) {
        if (!(call.func() instanceof Name name) || !SqlSupport.inAsyncFunction(model, call)) {
            return null;
        }
        Scope scope = model.scopeOf(name).resolve(name.id());
        if (scope == null || scope.local(name.id()).size() != 1) {
            return null;
        }
        Binding binding = scope.local(name.id()).get(0);
        if (binding.kind() != Binding.Kind.IMPORT || binding.module() == null || !binding.module().startsWith("sqlalchemy")) {
            return null;
        }
        List<TextEdit> edits = new ArrayList<>();
        plainWith(model, call, edits);
        edits.add(TextEdit.replace(name.span().start(), name.span().end(), "AsyncSession"));
        edits.add(SqlSupport.importEdit(model, "sqlalchemy.ext.asyncio", "AsyncSession"));
        return new Fix("Use `AsyncSession`", Applicability.UNSAFE, SqlSupport.merge(edits));
    }

    /** Collects the {@code with} edits; false when a use of the factory is not in async code. */
    private static boolean withinAsyncUses(ModuleModel model, Call maker, List<TextEdit> edits) {
        List<Node> uses = AsyncDriverInSyncEngine.uses(model, maker);
        if (uses.isEmpty() || uses.get(0) == maker) {
            return false;
        }
        for (Node use : uses) {
            if (!(SqlSupport.function(model, use) instanceof AsyncFunctionDef)) {
                return false;
            }
            if (model.parent(use) instanceof Call call && call.func() == use) {
                plainWith(model, call, edits);
            }
        }
        return true;
    }

    private static void plainWith(ModuleModel model, Call call, List<TextEdit> edits) {
        if (model.parent(call) instanceof WithItem item && model.parent(item) instanceof With with) {
            edits.add(TextEdit.insert(with.span().start(), "async "));
        }
    }
}
