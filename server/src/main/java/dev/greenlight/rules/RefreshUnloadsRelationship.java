package dev.greenlight.rules;

import dev.greenlight.python.ast.AsyncFunctionDef;

/**
 * GL108: a relationship read after a {@code refresh()} that did not name it expired it. Found by {@link ImplicitIo}, which this rule shares with the other implicit-IO rules.
 */
@RuleInfo(code = "GL108", name = "refresh-unloads-relationship",
        summary = "A relationship is read after `refresh()` expired it without naming it in `attribute_names`",
        severity = Severity.ERROR, fix = FixAvailability.SOMETIMES)
public final class RefreshUnloadsRelationship implements Rule {

    @Override
    public void register(Checks checks) {
        checks.on(AsyncFunctionDef.class, ImplicitIo::report);
    }
}
