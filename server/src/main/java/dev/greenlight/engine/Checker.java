package dev.greenlight.engine;

import dev.greenlight.python.ast.Module;
import dev.greenlight.python.parse.ParseResult;
import dev.greenlight.python.parse.PythonParsing;
import dev.greenlight.rules.Diagnostic;
import dev.greenlight.rules.Rule;
import dev.greenlight.rules.RuleEngine;
import dev.greenlight.rules.Rules;
import dev.greenlight.source.SourceFile;
import dev.greenlight.workspace.WorkspaceIndex;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * The analysis shared by the CLI and the language server: parse, run the enabled rules, drop
 * what {@code # noqa} silences, sort. Never throws for bad input or a failing rule.
 */
public final class Checker {

    private static final Comparator<Diagnostic> ORDER = Comparator
            .comparingInt((Diagnostic d) -> d.range().start())
            .thenComparingInt(d -> d.range().end())
            .thenComparing(Diagnostic::code)
            .thenComparing(Diagnostic::message);

    private final RuleEngine engine;
    private volatile WorkspaceIndex index;

    public Checker() {
        this(Rules.all());
    }

    public Checker(List<? extends Rule> rules) {
        this.engine = new RuleEngine(rules);
    }

    /** The workspace index that checks look up mapped classes in (null: each module on its own). */
    public Checker withIndex(WorkspaceIndex index) {
        this.index = index;
        return this;
    }

    public WorkspaceIndex index() {
        return index;
    }

    public CheckResult check(SourceFile source, Predicate<String> enabled) {
        ParseResult parse;
        try {
            parse = PythonParsing.parse(source.text());
        } catch (RuntimeException | StackOverflowError failure) {
            return new CheckResult(source, List.of(), List.of("the parser failed on " + source.displayPath() + ": " + failure));
        }
        return check(source, parse, enabled);
    }

    /** As {@link #check(SourceFile, Predicate)} with the module already parsed (the language server parses incrementally). */
    public CheckResult check(SourceFile source, ParseResult parse, Predicate<String> enabled) {
        return finish(source, parse, engine.run(source, parse, enabled, index));
    }

    RuleEngine engine() {
        return engine;
    }

    /** The result of a check from its outcome: what {@code # noqa} leaves, sorted, and the rules that failed. */
    CheckResult finish(SourceFile source, ParseResult parse, RuleEngine.Outcome outcome) {
        List<String> internalErrors = new ArrayList<>();
        for (RuleEngine.RuleFailure failure : outcome.failures()) {
            internalErrors.add(failure.code() + " failed on " + source.displayPath() + ": " + failure.error());
        }
        // Most modules have nothing to report: then there is nothing for # noqa to silence either.
        List<Diagnostic> kept = outcome.diagnostics().isEmpty() ? new ArrayList<>()
                : new ArrayList<>(noqa(source, parse.module()).filter(outcome.diagnostics()));
        kept.sort(ORDER);
        return new CheckResult(source, withoutRepeats(kept), internalErrors);
    }

    /**
     * One diagnostic per rule, range and message: a helper's read is found from each function
     * that calls it, and reported once.
     */
    private static List<Diagnostic> withoutRepeats(List<Diagnostic> sorted) {
        List<Diagnostic> kept = new ArrayList<>(sorted.size());
        Diagnostic last = null;
        for (Diagnostic diagnostic : sorted) {
            if (last == null || ORDER.compare(last, diagnostic) != 0) {
                kept.add(diagnostic);
            }
            last = diagnostic;
        }
        return kept;
    }

    private static Noqa noqa(SourceFile source, Module module) {
        return new Noqa(source.lines(), module);
    }
}
