package dev.greenlight.rules;

import dev.greenlight.python.ast.AsyncFunctionDef;

/**
 * GL101: reading a relationship that the statement which produced the object did not load, in async code (or a sync helper it calls). Found by {@link ImplicitIo}, which this rule shares with the other implicit-IO rules.
 */
@RuleInfo(code = "GL101", name = "lazy-load-in-async",
        summary = "A relationship that is not loaded is read in async code: the lazy load raises `MissingGreenlet`",
        severity = Severity.ERROR, fix = FixAvailability.SOMETIMES)
public final class LazyLoadInAsync implements Rule {

    @Override
    public void register(Checks checks) {
        checks.on(AsyncFunctionDef.class, ImplicitIo::report);
    }
}
