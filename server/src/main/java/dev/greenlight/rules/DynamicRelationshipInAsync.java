package dev.greenlight.rules;

import dev.greenlight.python.ast.AsyncFunctionDef;

/**
 * GL106: a {@code lazy="dynamic"} relationship used from async code. Found by {@link ImplicitIo}, which this rule shares with the other implicit-IO rules.
 */
@RuleInfo(code = "GL106", name = "dynamic-relationship-in-async",
        summary = "A `lazy=\"dynamic\"` relationship is used in async code, which asyncio does not support",
        severity = Severity.ERROR, fix = FixAvailability.NONE)
public final class DynamicRelationshipInAsync implements Rule {

    @Override
    public void register(Checks checks) {
        checks.on(AsyncFunctionDef.class, ImplicitIo::report);
    }
}
