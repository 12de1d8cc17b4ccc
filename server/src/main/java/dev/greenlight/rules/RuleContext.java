package dev.greenlight.rules;

import dev.greenlight.analysis.NodePath;
import dev.greenlight.fix.Fix;
import dev.greenlight.python.ast.Module;
import dev.greenlight.python.ast.Span;
import dev.greenlight.python.parse.ParseResult;
import dev.greenlight.source.LineIndex;
import dev.greenlight.source.SourceFile;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What a rule sees of the module it checks, and where it reports. One context per rule and
 * module; {@link #path()} holds the ancestors of the node the rule is called for.
 */
public final class RuleContext {

    private final RuleMeta rule;
    private final SourceFile source;
    private final ParseResult parse;
    private final NodePath path;
    private final Map<Class<?>, Object> shared;
    private final List<Diagnostic> sink;
    private final Runnable moduleWide;

    RuleContext(RuleMeta rule, SourceFile source, ParseResult parse, NodePath path, Map<Class<?>, Object> shared,
            List<Diagnostic> sink) {
        this(rule, source, parse, path, shared, sink, () -> { });
    }

    /** {@code moduleWide} is told when a rule reads the whole module (see {@link RuleEngine#runStatements}). */
    RuleContext(RuleMeta rule, SourceFile source, ParseResult parse, NodePath path, Map<Class<?>, Object> shared,
            List<Diagnostic> sink, Runnable moduleWide) {
        this.moduleWide = moduleWide;
        this.rule = rule;
        this.source = source;
        this.parse = parse;
        this.path = path;
        this.shared = shared;
        this.sink = sink;
    }

    public RuleMeta rule() {
        return rule;
    }

    public SourceFile source() {
        return source;
    }

    public String text() {
        return source.text();
    }

    public LineIndex lines() {
        return source.lines();
    }

    public ParseResult parse() {
        moduleWide.run();
        return parse;
    }

    public Module module() {
        moduleWide.run();
        return parse.module();
    }

    /** The ancestors of the node being visited (empty in a module check). */
    public NodePath path() {
        return path;
    }

    /**
     * A fact about the module computed once and shared by every rule that asks for it, keyed by
     * its class (for example the set of functions FastAPI calls).
     */
    public <T> T shared(Class<T> key, Supplier<T> compute) {
        Object value = shared.get(key);
        if (value == null) {
            value = compute.get();
            shared.put(key, value);
        }
        return key.cast(value);
    }

    /** The workspace index the check runs with, or null when it has none (a lone file). */
    public dev.greenlight.workspace.WorkspaceIndex workspaceIndex() {
        return (dev.greenlight.workspace.WorkspaceIndex) shared.get(dev.greenlight.workspace.WorkspaceIndex.class);
    }

    public void report(Span range, String message) {
        report(range, message, null, List.of());
    }

    public void report(Span range, String message, Fix fix) {
        report(range, message, fix, List.of());
    }

    public void report(Span range, String message, Fix fix, List<RelatedInformation> related) {
        report(range, message, fix, related, List.of());
    }

    /** As {@link #report(Span, String, Fix, List)}, with other fixes an editor offers beside {@code fix}. */
    public void report(Span range, String message, Fix fix, List<RelatedInformation> related, List<Fix> alternatives) {
        sink.add(new Diagnostic(rule.code(), message, range, rule.severity(), fix, related, alternatives));
    }
}
