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
        List<Diagnostic> diagnostics = new ArrayList<>();
        List<RuleFailure> failures = new ArrayList<>();
        NodePath path = new NodePath();
        Map<Class<?>, Object> shared = new HashMap<>();
        if (index != null) {
            shared.put(dev.greenlight.workspace.WorkspaceIndex.class, index);
        }
        Map<Class<? extends Node>, List<Bound<?>>> dispatch = new LinkedHashMap<>();
        Map<RuleMeta, Boolean> failed = new IdentityHashMap<>();
        for (Registered rule : rules) {
            if (!enabled.test(rule.meta().code())) {
                continue;
            }
            RuleContext context = new RuleContext(rule.meta(), source, parse, path, shared, diagnostics);
            for (Checks.ModuleCheck check : rule.checks().moduleChecks()) {
                try {
                    check.check(context);
                } catch (RuntimeException error) {
                    failures.add(new RuleFailure(rule.meta().code(), error));
                    failed.put(rule.meta(), true);
                }
            }
            rule.checks().nodeChecks().forEach((kind, checks) -> {
                for (Checks.NodeCheck<? extends Node> check : checks) {
                    dispatch.computeIfAbsent(kind, k -> new ArrayList<>()).add(new Bound<>(rule.meta(), check, context));
                }
            });
        }
        if (!dispatch.isEmpty()) {
            new Walker(dispatch, path, failures, failed).walk(parse.module());
        }
        if (!failures.isEmpty()) {
            java.util.Set<String> failedCodes = new java.util.HashSet<>();
            failures.forEach(failure -> failedCodes.add(failure.code()));
            diagnostics.removeIf(diagnostic -> failedCodes.contains(diagnostic.code()));
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
            path.push(node);
            node.forEachChild(child -> child.accept(this));
            path.pop();
            return null;
        }
    }
}
