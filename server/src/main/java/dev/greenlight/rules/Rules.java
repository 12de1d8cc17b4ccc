package dev.greenlight.rules;

import java.util.List;
import java.util.Optional;

/**
 * The registry: every rule greenlight has, in code order. Adding a rule adds one line here (a
 * test fails when a {@link RuleInfo} class is missing from this list or has no page).
 */
public final class Rules {

    /** The code of syntax errors, reported whatever the configuration says. */
    public static final String SYNTAX_ERROR = "GL000";

    private static final List<Rule> ALL = List.of(
            new SyntaxErrorRule(),
            new AsyncDriverInSyncEngine(),
            new SyncSessionInAsyncFunction(),
            new MissingAwait(),
            new SessionAnnotationMismatch(),
            new QueryOnAsyncSession(),
            new AwaitOutsideAsync(),
            new SyncDriverInAsyncEngine(),
            new LazyLoadInAsync(),
            new ExpiredAttributeAfterCommit(),
            new SyncSessionmakerForAsyncEngine(),
            new SyncApiOnAsyncEngine(),
            new LazyLoadInResponse(),
            new DynamicRelationshipInAsync(),
            new ConcurrentSessionUse(),
            new RefreshUnloadsRelationship(),
            new ServerDefaultAfterFlush());

    private Rules() {
    }

    public static List<Rule> all() {
        return ALL;
    }

    public static List<RuleMeta> metas() {
        return ALL.stream().map(Rule::meta).toList();
    }

    /** The rule with this code (case-insensitive) or kebab-case name. */
    public static Optional<RuleMeta> find(String codeOrName) {
        return metas().stream()
                .filter(meta -> meta.code().equalsIgnoreCase(codeOrName) || meta.name().equals(codeOrName))
                .findFirst();
    }
}
