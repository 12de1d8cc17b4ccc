package dev.greenlight.rules;

/**
 * One rule: a class carrying {@link RuleInfo}, with its documentation in {@code rules/<code>.md},
 * registered in {@link Rules}. A rule says which node kinds it wants to see; the engine walks the
 * tree once and calls every rule that asked for the node at hand.
 *
 * <pre>{@code
 * public void register(Checks checks) {
 *     checks.on(Await.class, this::checkAwait);
 * }
 * }</pre>
 *
 * Rules keep no state between modules: they may be called for several modules at once.
 */
public interface Rule {

    void register(Checks checks);

    default RuleMeta meta() {
        return RuleMeta.of(getClass());
    }
}
