package dev.greenlight.rules;

import dev.greenlight.python.ast.AsyncFunctionDef;

/**
 * GL105: an async route returns ORM objects into a response model with a relationship field the statement does not load. Found by {@link ImplicitIo}, which this rule shares with the other implicit-IO rules.
 */
@RuleInfo(code = "GL105", name = "lazy-load-in-response",
        summary = "An async route returns ORM objects whose response model reads a relationship that is not loaded",
        severity = Severity.ERROR, fix = FixAvailability.SOMETIMES)
public final class LazyLoadInResponse implements Rule {

    @Override
    public void register(Checks checks) {
        checks.on(AsyncFunctionDef.class, ImplicitIo::report);
    }
}
