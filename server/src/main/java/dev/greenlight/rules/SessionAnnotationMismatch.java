package dev.greenlight.rules;

import dev.greenlight.analysis.Binding;
import dev.greenlight.analysis.Inference;
import dev.greenlight.analysis.ModuleModel;
import dev.greenlight.analysis.Scope;
import dev.greenlight.analysis.Value;
import dev.greenlight.fix.Applicability;
import dev.greenlight.fix.Fix;
import dev.greenlight.fix.TextEdit;
import dev.greenlight.python.ast.Arg;
import dev.greenlight.python.ast.AsyncFunctionDef;
import dev.greenlight.python.ast.FunctionDef;
import dev.greenlight.python.ast.Node;
import java.util.ArrayList;
import java.util.List;

/**
 * GL004: a parameter whose annotation says {@code Session} while {@code Depends(dep)} injects an
 * {@code AsyncSession}, or the mirror: annotated {@code AsyncSession}, injected a sync
 * {@code Session}. FastAPI does not check the annotation of a dependency; the code written
 * against it fails.
 */
@RuleInfo(code = "GL004", name = "session-annotation-mismatch",
        summary = "A `Session` annotation on an injected `AsyncSession`, or the reverse",
        severity = Severity.ERROR, fix = FixAvailability.SOMETIMES)
public final class SessionAnnotationMismatch implements Rule {

    @Override
    public void register(Checks checks) {
        checks.on(FunctionDef.class, (def, context) -> check(def, context));
        checks.on(AsyncFunctionDef.class, (def, context) -> check(def, context));
    }

    private void check(Node def, RuleContext context) {
        ModuleModel model = SqlSupport.model(context);
        Scope scope = model.scopeOpenedBy(def);
        if (scope == null) {
            return;
        }
        for (List<Binding> bindings : scope.bindings().values()) {
            for (Binding binding : bindings) {
                if (binding.kind() == Binding.Kind.PARAMETER) {
                    checkParameter(model, binding, context);
                }
            }
        }
    }

    private void checkParameter(ModuleModel model, Binding binding, RuleContext context) {
        Inference.ParameterInfo info = model.inference().parameter(binding);
        if (info.depends() == null || !(info.annotation().type() instanceof Value.Session declared)
                || !(info.provided() instanceof Value.Session injected) || declared.async() == injected.async()) {
            return;
        }
        Arg arg = (Arg) binding.node();
        String dependency = "`Depends(" + info.dependsModule().source(info.depends()) + ")`";
        if (injected.async()) {
            String message = "`" + arg.arg() + "` is annotated `Session`, but " + dependency
                    + " injects an `AsyncSession`: its sync-only methods fail (`" + arg.arg()
                    + ".query(...)`: AttributeError: 'AsyncSession' object has no attribute 'query') and its "
                    + "coroutine methods do nothing unless awaited";
            Fix fix = null;
            if (info.annotation().typeModule() == model && info.annotation().typeNode() != null) {
                Node type = info.annotation().typeNode();
                List<TextEdit> edits = new ArrayList<>();
                var span = ((dev.greenlight.python.ast.Located) type).span();
                edits.add(TextEdit.replace(span.start(), span.end(), "AsyncSession"));
                edits.add(SqlSupport.importEdit(model, "sqlalchemy.ext.asyncio", "AsyncSession"));
                fix = new Fix("Annotate `" + arg.arg() + "` as `AsyncSession`", Applicability.SAFE, SqlSupport.merge(edits));
            }
            context.report(arg.span(), message, fix);
        } else if (!SyncSessionmakerForAsyncEngine.onAsyncEngine(model, injected)) {
            // On an async engine the sync session fails before any await: GL103 reports the cause.
            String message = "`" + arg.arg() + "` is annotated `AsyncSession`, but " + dependency
                    + " injects a synchronous `Session`: `await " + arg.arg()
                    + ".execute(...)` raises TypeError: object Result can't be used in 'await' expression";
            context.report(arg.span(), message, AsyncRewrite.forDependency(model, info));
        }
    }
}
