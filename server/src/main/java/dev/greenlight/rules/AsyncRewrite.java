package dev.greenlight.rules;

import dev.greenlight.analysis.Api;
import dev.greenlight.analysis.Inference;
import dev.greenlight.analysis.ModuleModel;
import dev.greenlight.analysis.Value;
import dev.greenlight.fix.Applicability;
import dev.greenlight.fix.Fix;
import dev.greenlight.fix.TextEdit;
import dev.greenlight.python.ast.AsyncFunctionDef;
import dev.greenlight.python.ast.Call;
import dev.greenlight.python.ast.Expression;
import dev.greenlight.python.ast.FunctionDef;
import dev.greenlight.python.ast.Name;
import dev.greenlight.python.ast.Node;
import dev.greenlight.python.ast.Statement;
import dev.greenlight.python.ast.TreeScanner;
import dev.greenlight.python.ast.With;
import dev.greenlight.python.ast.WithItem;
import java.util.ArrayList;
import java.util.List;

/**
 * The rewrite of a synchronous engine, session factory and dependency to the async pattern, as
 * one fix: {@code create_engine} becomes {@code create_async_engine}, {@code sessionmaker}
 * becomes {@code async_sessionmaker(..., expire_on_commit=False)}, {@code with Factory() as db}
 * becomes {@code async with}, and the dependency an {@code async def}. The statements that then
 * need {@code await} are found by GL003 and the {@code .query()} chains by GL005 on the next
 * pass. Offered only when everything that uses the factory and the engine in the module is async
 * code (or the dependency being converted), and never applied unattended: callers in other
 * modules may still expect the sync objects.
 */
final class AsyncRewrite {

    private AsyncRewrite() {
    }

    /** For a sync session made by {@code factory} inside an {@code async def}. */
    static Fix forFactory(ModuleModel model, Value.Factory factory) {
        return build(model, factory, null);
    }

    /** For a dependency that provides a sync session where an async one is declared (GL004's mirror). */
    static Fix forDependency(ModuleModel model, Inference.ParameterInfo info) {
        if (info.dependsModule() != model || !(model.valueOf(info.depends()) instanceof Value.Function function)
                || function.module() != model) {
            return null;
        }
        Value.Factory factory = factoryUsedIn(model, function.def());
        return factory == null ? null : build(model, factory, function.def());
    }

    private static Value.Factory factoryUsedIn(ModuleModel model, Statement def) {
        Value.Factory[] found = new Value.Factory[1];
        def.accept(new TreeScanner() {
            @Override
            public Void visitCall(Call call) {
                if (found[0] == null && model.valueOf(call) instanceof Value.Session session && !session.async()
                        && session.factory() != null && session.origin() == call) {
                    found[0] = session.factory();
                }
                return super.visitCall(call);
            }
        });
        return found[0];
    }

    private static Fix build(ModuleModel model, Value.Factory factory, Statement dependency) {
        if (factory.module() != model || !(factory.origin() instanceof Call maker)
                || !SqlSupport.isDotted(model.valueOf(maker.func()), Api.SESSIONMAKER)
                || !(factory.bind() instanceof Value.Engine engine) || engine.async()
                || !(engine.origin() instanceof Call engineCall) || engine.module() != model
                || !SqlSupport.isDotted(model.valueOf(engineCall.func()), Api.CREATE_ENGINE)) {
            return null;
        }
        List<Node> factoryUses = AsyncDriverInSyncEngine.uses(model, maker);
        List<Node> engineUses = AsyncDriverInSyncEngine.uses(model, engineCall);
        if (factoryUses.isEmpty() || factoryUses.get(0) == maker || engineUses.isEmpty() || engineUses.get(0) == engineCall) {
            return null;
        }
        List<TextEdit> edits = new ArrayList<>();
        for (Node use : factoryUses) {
            Node function = SqlSupport.function(model, use);
            if (!(function instanceof AsyncFunctionDef) && function != dependency) {
                return null;
            }
            if (model.parent(use) instanceof Call call && call.func() == use
                    && model.parent(call) instanceof WithItem item && model.parent(item) instanceof With with) {
                edits.add(TextEdit.insert(with.span().start(), "async "));
            }
        }
        for (Node use : engineUses) {
            boolean bind = maker.span().start() <= ((Name) use).span().start() && ((Name) use).span().end() <= maker.span().end();
            if (!bind && !(SqlSupport.function(model, use) instanceof AsyncFunctionDef)) {
                return null;
            }
        }
        if (dependency instanceof FunctionDef def) {
            if (syncCallers(model, def.name())) {
                return null;
            }
            int keyword = AwaitOutsideAsync.defKeyword(model.text(), def);
            if (keyword < 0) {
                return null;
            }
            edits.add(TextEdit.insert(keyword, "async "));
        }
        edits.add(TextEdit.replace(engineCall.func().span().start(), engineCall.func().span().end(), "create_async_engine"));
        edits.add(TextEdit.replace(maker.func().span().start(), maker.func().span().end(), "async_sessionmaker"));
        if (factory.expireOnCommit() == null) {
            Expression lastArgument = lastArgument(maker);
            edits.add(lastArgument == null ? TextEdit.insert(maker.span().end() - 1, "expire_on_commit=False")
                    : TextEdit.insert(lastArgument.span().end(), ", expire_on_commit=False"));
        }
        edits.add(SqlSupport.importEdit(model, "sqlalchemy.ext.asyncio", "async_sessionmaker", "create_async_engine"));
        return new Fix("Rewrite engine, session factory and dependency to the async pattern", Applicability.UNSAFE,
                SqlSupport.merge(edits));
    }

    /** Whether a plain {@code def} of the module receives {@code Depends(name)}. */
    private static boolean syncCallers(ModuleModel model, String name) {
        boolean[] found = new boolean[1];
        model.module().accept(new TreeScanner() {
            @Override
            public Void visitFunctionDef(FunctionDef def) {
                def.args().accept(new TreeScanner() {
                    @Override
                    public Void visitCall(Call call) {
                        if (SqlSupport.isDotted(model.valueOf(call.func()), Api.DEPENDS) && !call.args().isEmpty()
                                && name.equals(SqlSupport.simpleName(call.args().get(0)))) {
                            found[0] = true;
                        }
                        return super.visitCall(call);
                    }
                });
                return super.visitFunctionDef(def);
            }
        });
        return found[0];
    }

    private static Expression lastArgument(Call call) {
        Expression last = call.args().isEmpty() ? null : call.args().get(call.args().size() - 1);
        for (var keyword : call.keywords()) {
            if (last == null || keyword.value().span().end() > last.span().end()) {
                last = keyword.value();
            }
        }
        return last;
    }
}
