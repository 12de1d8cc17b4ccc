package dev.greenlight.rules;

import dev.greenlight.python.ast.AsyncFunctionDef;

/**
 * GL102: reading an attribute of an ORM object after the session expired it. Found by {@link ImplicitIo}, which this rule shares with the other implicit-IO rules.
 */
@RuleInfo(code = "GL102", name = "expired-attribute-after-commit",
        summary = "An attribute is read after `commit()`, `rollback()` or `expire()` expired it: the reload raises `MissingGreenlet`",
        severity = Severity.ERROR, fix = FixAvailability.SOMETIMES)
public final class ExpiredAttributeAfterCommit implements Rule {

    @Override
    public void register(Checks checks) {
        checks.on(AsyncFunctionDef.class, ImplicitIo::report);
    }
}
