package dev.greenlight.rules;

import dev.greenlight.analysis.Api;
import dev.greenlight.analysis.ModuleModel;
import dev.greenlight.analysis.Scope;
import dev.greenlight.analysis.Value;
import dev.greenlight.fix.Fix;
import dev.greenlight.fix.TextEdit;
import dev.greenlight.python.ast.Assign;
import dev.greenlight.python.ast.AsyncFor;
import dev.greenlight.python.ast.Attribute;
import dev.greenlight.python.ast.Await;
import dev.greenlight.python.ast.BoolOp;
import dev.greenlight.python.ast.Call;
import dev.greenlight.python.ast.Compare;
import dev.greenlight.python.ast.Comprehension;
import dev.greenlight.python.ast.Expr;
import dev.greenlight.python.ast.For;
import dev.greenlight.python.ast.If;
import dev.greenlight.python.ast.IfExp;
import dev.greenlight.python.ast.Name;
import dev.greenlight.python.ast.Node;
import dev.greenlight.python.ast.Subscript;
import dev.greenlight.python.ast.UnaryOp;
import dev.greenlight.python.ast.Unaryop;
import dev.greenlight.python.ast.While;
import java.util.List;
import java.util.Set;

/**
 * GL003: a coroutine made and never awaited. Calls of the coroutine methods of an async session,
 * connection, engine or result, and calls of the workspace's own {@code async def} functions,
 * whose coroutine is dropped (an expression statement), used as if it were the result (a method
 * chained on it, iterated, indexed, tested for truth), or assigned to a name that is never
 * awaited, passed on or returned.
 *
 * <p>Exempt, because the coroutine is handed to something that runs it: an argument
 * ({@code asyncio.gather(...)}, {@code create_task(...)}), a {@code return} or {@code yield}, an
 * element of a list or tuple, a name later awaited or passed on.
 */
@RuleInfo(code = "GL003", name = "missing-await",
        summary = "A coroutine of an async session, connection, engine or result, or of an `async def`, never awaited",
        severity = Severity.ERROR, fix = FixAvailability.SOMETIMES)
public final class MissingAwait implements Rule {

    /** Methods of a coroutine object that run or close it. */
    private static final Set<String> COROUTINE_METHODS = Set.of("send", "throw", "close", "__await__");

    @Override
    public void register(Checks checks) {
        checks.on(Call.class, this::check);
    }

    /** How the coroutine is misused, for the message. */
    private enum Misuse { DROPPED, CHAINED, ITERATED, ASYNC_ITERATED, INDEXED, TESTED, UNUSED_NAME }

    private void check(Call call, RuleContext context) {
        ModuleModel model = SqlSupport.model(context);
        if (!(model.valueOf(call) instanceof Value.Coroutine coroutine)) {
            return;
        }
        Node parent = model.parent(call);
        Misuse misuse = misuse(model, call, parent);
        String what = SqlSupport.describe(model, call);
        String qualname = coroutine.method() == null ? coroutine.owner() : coroutine.owner() + "." + coroutine.method();
        String consequence = coroutine.method() == null ? "`" + qualname + "` never runs" : Api.consequence(coroutine.method());
        String prefix = "`" + what + "` returns a coroutine that is never awaited: " + consequence;
        String message;
        Name assigned = null;
        if (misuse == null && parent instanceof Assign assign && assign.targets().size() == 1
                && assign.targets().get(0) instanceof Name name) {
            Misuse use = misuseThroughName(model, name);
            if (use == null) {
                return;
            }
            assigned = name;
            misuse = use;
        }
        if (misuse == null) {
            return;
        }
        String holder = assigned == null ? "" : " (`" + assigned.id() + "` holds the coroutine)";
        message = switch (misuse) {
            case DROPPED, UNUSED_NAME -> prefix + holder + " (RuntimeWarning: coroutine '" + qualname + "' was never awaited)";
            case CHAINED -> prefix + holder + ", and the next step fails (AttributeError: 'coroutine' object has no attribute '"
                    + chainedAttribute(model, call, assigned) + "')";
            case ITERATED -> prefix + holder + ", and iterating it fails (TypeError: 'coroutine' object is not iterable)";
            case ASYNC_ITERATED -> prefix + holder + ", and `async for` over it fails (TypeError: 'async for' requires an "
                    + "object with __aiter__ method, got coroutine)";
            case INDEXED -> prefix + holder + ", and indexing it fails (TypeError: 'coroutine' object is not subscriptable)";
            case TESTED -> prefix + holder + ", and a coroutine is always true, so the test never fails";
        };
        Fix fix = null;
        if (SqlSupport.awaitAllowed(model, call)) {
            List<TextEdit> edits = SqlSupport.awaitEdits(model, call);
            fix = new Fix("Await `" + what + "`", dev.greenlight.fix.Applicability.SAFE, edits);
        }
        context.report(call.span(), message, fix);
    }

    private static Misuse misuse(ModuleModel model, Node node, Node parent) {
        if (parent instanceof Await) {
            return null;
        }
        if (parent instanceof Expr) {
            return Misuse.DROPPED;
        }
        if (parent instanceof Attribute attribute && attribute.value() == node) {
            return COROUTINE_METHODS.contains(attribute.attr()) ? null : Misuse.CHAINED;
        }
        if (parent instanceof For loop && loop.iter() == node) {
            return Misuse.ITERATED;
        }
        if (parent instanceof AsyncFor loop) {
            return loop.iter() == node ? Misuse.ASYNC_ITERATED : null;
        }
        if (parent instanceof Comprehension generator && generator.iter() == node) {
            return generator.isAsync() == 0 ? Misuse.ITERATED : Misuse.ASYNC_ITERATED;
        }
        if (parent instanceof Subscript subscript && subscript.value() == node) {
            return Misuse.INDEXED;
        }
        if (parent instanceof If branch && branch.test() == node || parent instanceof While loop && loop.test() == node
                || parent instanceof IfExp ifExp && ifExp.test() == node
                || parent instanceof UnaryOp unary && unary.op() == Unaryop.Not
                || parent instanceof BoolOp || parent instanceof Compare) {
            return Misuse.TESTED;
        }
        return null;
    }

    /**
     * How the name that holds the coroutine is used: null when it is awaited, passed on or
     * returned somewhere (someone runs it); else the first misuse, or {@code UNUSED_NAME}.
     */
    private static Misuse misuseThroughName(ModuleModel model, Name target) {
        Scope scope = model.scopeOf(target).resolve(target.id());
        if (scope == null) {
            return null;
        }
        if (scope.local(target.id()).size() != 1 || scope.node() instanceof dev.greenlight.python.ast.Module) {
            return null;
        }
        Misuse first = null;
        for (Name use : model.uses(target.id(), scope)) {
            Misuse misuse = misuse(model, use, model.parent(use));
            if (misuse == null || misuse == Misuse.DROPPED) {
                return null;
            }
            if (first == null) {
                first = misuse;
            }
        }
        return first == null ? Misuse.UNUSED_NAME : first;
    }

    private static String chainedAttribute(ModuleModel model, Call call, Name assigned) {
        Node node = call;
        if (assigned != null) {
            Scope scope = model.scopeOf(assigned).resolve(assigned.id());
            for (Name use : model.uses(assigned.id(), scope)) {
                if (model.parent(use) instanceof Attribute attribute) {
                    return attribute.attr();
                }
            }
            return "?";
        }
        return model.parent(node) instanceof Attribute attribute ? attribute.attr() : "?";
    }
}
