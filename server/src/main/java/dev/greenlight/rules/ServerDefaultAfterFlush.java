package dev.greenlight.rules;

import dev.greenlight.python.ast.AsyncFunctionDef;

/**
 * GL109: a database-computed column read after the UPDATE that changed it was flushed. Found by {@link ImplicitIo}, which this rule shares with the other implicit-IO rules.
 */
@RuleInfo(code = "GL109", name = "server-default-after-flush",
        summary = "A column the database computes on UPDATE is read after the UPDATE was flushed",
        severity = Severity.ERROR, fix = FixAvailability.SOMETIMES)
public final class ServerDefaultAfterFlush implements Rule {

    @Override
    public void register(Checks checks) {
        checks.on(AsyncFunctionDef.class, ImplicitIo::report);
    }
}
