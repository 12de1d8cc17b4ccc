package dev.greenlight.rules;

import dev.greenlight.analysis.NodePath;
import dev.greenlight.python.ast.Node;
import dev.greenlight.python.ast.Visitor;
import dev.greenlight.python.parse.ParseResult;
import dev.greenlight.source.SourceFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Runs rules over one parsed module: module checks first, then one walk of the tree that calls,
 * for each node, the checks registered for its class. A rule that throws loses only its own
 * findings for this module; the failure is returned, not thrown.
 */
public final class RuleEngine {

    /** A rule that threw while checking a module. */
    public record RuleFailure(String code, RuntimeException error) {
    }

    /** Diagnostics in the order found, and the rules that failed. */
    public record Outcome(List<Diagnostic> diagnostics, List<RuleFailure> failures) {
    }

    private record Registered(Rule rule, RuleMeta meta, Checks checks) {
    }

    private final List<Registered> rules;

    public RuleEngine(List<? extends Rule> rules) {
        List<Registered> registered = new ArrayList<>();
        for (Rule rule : rules) {
            Checks checks = new Checks();
            rule.register(checks);
            registered.add(new Registered(rule, rule.meta(), checks));
        }
        this.rules = List.copyOf(registered);
    }

    public Outcome run(SourceFile source, ParseResult parse, Predicate<String> enabled) {
        return run(source, parse, enabled, null);
    }

    /** As {@link #run(SourceFile, ParseResult, Predicate)}, with the workspace's index (may be null). */
    public Outcome run(SourceFile source, ParseResult parse, Predicate<String> enabled,
            dev.greenlight.workspace.WorkspaceIndex index) {
        Map<Class<?>, Object> shared = new HashMap<>();
        if (index != null) {
            shared.put(dev.greenlight.workspace.WorkspaceIndex.class, index);
        }
        Outcome outcome = run(source, parse, enabled, true, null, shared, () -> { });
        withoutFailedRules(outcome.diagnostics(), outcome.failures());
        return outcome;
    }

    /**
     * The part of {@link #run} that looks at the module as a whole: module checks, and the checks
     * of the module node itself. With {@link #runStatements} over every top-level statement, in
     * order, it finds what {@link #run} finds, before {@link #withoutFailedRules}.
     */
    public Outcome runModule(SourceFile source, ParseResult parse, Predicate<String> enabled,
            Map<Class<?>, Object> shared) {
        return run(source, parse, enabled, true, List.of(), shared, () -> { });
    }

    /**
     * The node checks of some top-level statements of the module (with the module's node as
     * their parent), sharing {@code shared} (see {@link RuleContext#shared}); {@code moduleWide}
     * is told when a rule reads the whole module rather than what the statements lead to.
     */
    public Outcome runStatements(SourceFile source, ParseResult parse, Predicate<String> enabled,
            List<? extends Node> statements, Map<Class<?>, Object> shared, Runnable moduleWide) {
        return run(source, parse, enabled, false, statements, shared, moduleWide);
    }

    /** Drops the findings of the rules that failed: a rule that threw may have found only some. */
    public static void withoutFailedRules(List<Diagnostic> diagnostics, List<RuleFailure> failures) {
        if (!failures.isEmpty()) {
            java.util.Set<String> failedCodes = new java.util.HashSet<>();
            failures.forEach(failure -> failedCodes.add(failure.code()));
            diagnostics.removeIf(diagnostic -> failedCodes.contains(diagnostic.code()));
        }
    }

    /** {@code statements} null: the whole tree; else the module node's own checks (if {@code moduleChecks}) and those. */
    private Outcome run(SourceFile source, ParseResult parse, Predicate<String> enabled, boolean moduleChecks,
            List<? extends Node> statements, Map<Class<?>, Object> shared, Runnable moduleWide) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        List<RuleFailure> failures = new ArrayList<>();
        NodePath path = new NodePath();
        Map<Class<? extends Node>, List<Bound<?>>> dispatch = new LinkedHashMap<>();
        Map<RuleMeta, Boolean> failed = new IdentityHashMap<>();
        for (Registered rule : rules) {
            if (!enabled.test(rule.meta().code())) {
                continue;
            }
            RuleContext context = new RuleContext(rule.meta(), source, parse, path, shared, diagnostics, moduleWide);
            if (moduleChecks) {
                for (Checks.ModuleCheck check : rule.checks().moduleChecks()) {
                    try {
                        check.check(context);
                    } catch (RuntimeException error) {
                        failures.add(new RuleFailure(rule.meta().code(), error));
                        failed.put(rule.meta(), true);
                    }
                }
            }
            rule.checks().nodeChecks().forEach((kind, checks) -> {
                for (Checks.NodeCheck<? extends Node> check : checks) {
                    dispatch.computeIfAbsent(kind, k -> new ArrayList<>()).add(new Bound<>(rule.meta(), check, context));
                }
            });
        }
        if (!dispatch.isEmpty()) {
            Walker walker = new Walker(dispatch, path, failures, failed);
            if (statements == null) {
                walker.walk(parse.module());
            } else {
                if (moduleChecks) {
                    walker.visitOnly(parse.module());
                }
                path.push(parse.module());
                for (Node statement : statements) {
                    walker.walk(statement);
                }
                path.pop();
            }
        }
        return new Outcome(diagnostics, failures);
    }

    private record Bound<T extends Node>(RuleMeta meta, Checks.NodeCheck<T> check, RuleContext context) {

        @SuppressWarnings("unchecked")
        void call(Node node) {
            check.check((T) node, context);
        }
    }

    private static final class Walker implements Visitor<Void> {

        private final Map<Class<? extends Node>, List<Bound<?>>> dispatch;
        private final NodePath path;
        private final List<RuleFailure> failures;
        private final Map<RuleMeta, Boolean> failed;

        Walker(Map<Class<? extends Node>, List<Bound<?>>> dispatch, NodePath path, List<RuleFailure> failures,
                Map<RuleMeta, Boolean> failed) {
            this.dispatch = dispatch;
            this.path = path;
            this.failures = failures;
            this.failed = failed;
        }

        void walk(Node root) {
            root.accept(this);
        }

        @Override
        public Void defaultVisit(Node node) {
            visitOnly(node);
            path.push(node);
            node.forEachChild(child -> child.accept(this));
            path.pop();
            return null;
        }

        /** Calls the checks of {@code node} itself, not of its children. */
        void visitOnly(Node node) {
            List<Bound<?>> checks = dispatch.get(node.getClass());
            if (checks != null) {
                for (Bound<?> bound : checks) {
                    if (failed.containsKey(bound.meta())) {
                        continue;
                    }
                    try {
                        bound.call(node);
                    } catch (RuntimeException error) {
                        failures.add(new RuleFailure(bound.meta().code(), error));
                        failed.put(bound.meta(), true);
                    }
                }
            }
        }
    }
}
