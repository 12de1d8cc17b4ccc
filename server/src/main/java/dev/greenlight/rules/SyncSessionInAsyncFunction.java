package dev.greenlight.rules;

import dev.greenlight.analysis.Binding;
import dev.greenlight.analysis.Inference;
import dev.greenlight.analysis.ModuleModel;
import dev.greenlight.analysis.Scope;
import dev.greenlight.analysis.Url;
import dev.greenlight.analysis.Value;
import dev.greenlight.fix.Fix;
import dev.greenlight.python.ast.AsyncFunctionDef;
import dev.greenlight.python.ast.Attribute;
import dev.greenlight.python.ast.Call;
import dev.greenlight.python.ast.Expression;
import dev.greenlight.python.ast.Name;
import dev.greenlight.python.ast.Node;
import dev.greenlight.python.ast.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * GL002: a synchronous {@code Session} (or a sync engine's connection) used inside an
 * {@code async def}. Reported once per function: where the session is made there
 * ({@code SessionLocal()}, {@code Session(engine)}, {@code engine.connect()}), or its first use
 * when it was made elsewhere ({@code self.db} from {@code __init__}, a module-level session, a
 * sync dependency). Not in a route whose session comes from an {@code async def} dependency
 * (reported there), and not where GL004 (a lying annotation) or GL103 (a sync factory on an
 * async engine) is the cause.
 */
@RuleInfo(code = "GL002", name = "sync-session-in-async-function",
        summary = "A synchronous `Session`, `sessionmaker` product or `create_engine` engine used inside `async def`",
        severity = Severity.WARNING, fix = FixAvailability.SOMETIMES)
public final class SyncSessionInAsyncFunction implements Rule {

    @Override
    public void register(Checks checks) {
        checks.on(AsyncFunctionDef.class, this::check);
    }

    private void check(AsyncFunctionDef def, RuleContext context) {
        ModuleModel model = SqlSupport.model(context);
        List<Node> nodes = new ArrayList<>();
        for (Statement statement : def.body()) {
            statement.accept(new LocalScanner() {
                @Override
                public Void visitCall(Call call) {
                    nodes.add(call);
                    return super.visitCall(call);
                }
            });
        }
        nodes.sort(java.util.Comparator.comparingInt(n -> ((Call) n).span().start()));
        for (Node node : nodes) {
            Call call = (Call) node;
            if (madeHere(model, def, call, context) || usedHere(model, def, call, context)) {
                return;
            }
        }
    }

    /** {@code SessionLocal()}, {@code Session(engine)}, {@code engine.connect()} on a sync engine. */
    private boolean madeHere(ModuleModel model, AsyncFunctionDef def, Call call, RuleContext context) {
        Value value = model.valueOf(call);
        if (value instanceof Value.ContextManager manager && manager.entered() instanceof Value.Session entered) {
            value = entered; // SessionLocal.begin()
        }
        if (value instanceof Value.Session session && !session.async() && session.origin() == call) {
            Value.Engine engine = null;
            if (session.factory() != null) {
                if (session.factory().bind() instanceof Value.Engine bound) {
                    engine = bound;
                }
            } else if (!call.args().isEmpty() && model.valueOf(call.args().get(0)) instanceof Value.Engine bound) {
                engine = bound;
            } else if (Inference.keyword(call, "bind") != null && model.valueOf(Inference.keyword(call, "bind")) instanceof Value.Engine bound) {
                engine = bound;
            }
            if (engine != null && engine.async()) {
                return false; // GL103: a sync session on an async engine.
            }
            String what = SqlSupport.describe(model, call);
            String message = "`" + what + "` makes a synchronous `Session` inside `async def " + def.name() + "`: "
                    + consequence(engine);
            List<RelatedInformation> related = new ArrayList<>();
            if (session.factory() != null && session.factory().module() == model) {
                related.add(RelatedInformation.here(session.factory().origin().span(),
                        "the factory is a synchronous `sessionmaker`"));
            }
            Fix fix = session.factory() != null ? AsyncRewrite.forFactory(model, session.factory()) : null;
            context.report(call.span(), message, fix, related);
            return true;
        }
        if ((value instanceof Value.Connection connection && !connection.async() && connection.origin() == call)
                || (value instanceof Value.ConnectionContext ctx && !ctx.async() && ctx.origin() == call)) {
            Value.Engine engine = call.func() instanceof Attribute attribute
                    && model.valueOf(attribute.value()) instanceof Value.Engine e ? e : null;
            String message = "`" + SqlSupport.describe(model, call) + "` opens a synchronous connection inside `async def "
                    + def.name() + "`: " + consequence(engine);
            context.report(call.span(), message);
            return true;
        }
        return false;
    }

    /** A method call on a sync session or connection that was made elsewhere. */
    private boolean usedHere(ModuleModel model, AsyncFunctionDef def, Call call, RuleContext context) {
        if (!(call.func() instanceof Attribute attribute)) {
            return false;
        }
        Expression receiver = attribute.value();
        Value value = model.valueOf(receiver);
        boolean sync = value instanceof Value.Session session && !session.async()
                        && !SyncSessionmakerForAsyncEngine.onAsyncEngine(model, session)
                || value instanceof Value.Connection connection && !connection.async();
        if (!sync || !fromElsewhere(model, receiver)) {
            return false;
        }
        String kind = value instanceof Value.Session ? "synchronous `Session`" : "synchronous connection";
        String message = "`" + model.source(receiver) + "` is a " + kind + ", used inside `async def " + def.name()
                + "` (`" + SqlSupport.describe(model, call) + "`): " + consequence(null);
        context.report(call.span(), message);
        return true;
    }

    /**
     * Whether the session behind {@code receiver} was made outside this function, and not by an
     * async dependency (reported there) nor behind a lying annotation (GL004).
     */
    private static boolean fromElsewhere(ModuleModel model, Expression receiver) {
        if (receiver instanceof Attribute attribute && attribute.value() instanceof Name self) {
            Scope scope = model.scopeOf(self).resolve(self.id());
            return scope != null && scope.local(self.id()).stream().allMatch(b -> b.kind() == Binding.Kind.PARAMETER);
        }
        if (!(receiver instanceof Name name)) {
            return false;
        }
        Scope scope = model.scopeOf(name).resolve(name.id());
        if (scope == null) {
            return false;
        }
        if (scope.kind() == dev.greenlight.analysis.Scopes.Kind.MODULE) {
            return true;
        }
        for (Binding binding : scope.local(name.id())) {
            if (binding.kind() != Binding.Kind.PARAMETER) {
                return false;
            }
            Inference.ParameterInfo info = model.inference().parameter(binding);
            if (info.depends() != null) {
                if (!info.provided().known()) {
                    return false; // a dependency greenlight cannot see: only the annotation is known
                }
                if (info.annotation().type() instanceof Value.Session declared && declared.async()) {
                    return false; // GL004's mirror
                }
                if (info.dependsModule().valueOf(info.depends()) instanceof Value.Function function
                        && function.def() instanceof AsyncFunctionDef) {
                    return false; // reported in the dependency
                }
            }
        }
        return true;
    }

    private static String consequence(Value.Engine engine) {
        Url url = engine == null ? null : engine.url();
        if (url != null && url.isAsyncDriver()) {
            return "its first query raises MissingGreenlet (the async driver `" + url.driver()
                    + "` cannot be used synchronously)";
        }
        return "no exception, but every query blocks the event loop and stalls every other request until it returns";
    }
}
