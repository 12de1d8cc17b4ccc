package dev.greenlight.rules;

import dev.greenlight.analysis.Api;
import dev.greenlight.analysis.ModuleModel;
import dev.greenlight.analysis.Url;
import dev.greenlight.analysis.Value;
import dev.greenlight.fix.Fix;
import dev.greenlight.fix.TextEdit;
import dev.greenlight.python.ast.Call;
import java.util.List;

/**
 * GL007: {@code create_async_engine(url)} where the URL names a synchronous driver, or none (the
 * dialect's default driver is synchronous). SQLAlchemy refuses at engine creation.
 */
@RuleInfo(code = "GL007", name = "sync-driver-in-async-engine",
        summary = "`create_async_engine()` with a URL whose driver is synchronous or missing",
        severity = Severity.ERROR, fix = FixAvailability.SOMETIMES)
public final class SyncDriverInAsyncEngine implements Rule {

    @Override
    public void register(Checks checks) {
        checks.on(Call.class, this::check);
    }

    private void check(Call call, RuleContext context) {
        ModuleModel model = SqlSupport.model(context);
        if (!SqlSupport.isDotted(model.valueOf(call.func()), Api.CREATE_ASYNC_ENGINE)
                || !(model.valueOf(call) instanceof Value.Engine engine) || engine.url() == null) {
            return;
        }
        Url url = engine.url();
        if (!url.isSyncDriver()) {
            return;
        }
        String driver = url.effectiveDriver();
        String message = "`create_async_engine()` with the synchronous driver `" + driver + "` (`" + url.scheme() + "://`"
                + (url.source().via() != null ? ", " + url.source().via() : "") + "): engine creation raises "
                + "InvalidRequestError: The asyncio extension requires an async driver to be used. The loaded '"
                + driver + "' is not async."
                + (driver.equals("pysqlite") ? "" : " (ModuleNotFoundError first where `" + driver + "` is not installed)");
        List<RelatedInformation> related = UrlSupport.related(model, url, call);
        context.report(call.span(), message, UrlSupport.schemeFix(model, url, call), related);
    }
}
