package dev.greenlight.engine;

import dev.greenlight.analysis.Dependencies;
import dev.greenlight.analysis.ModuleModel;
import dev.greenlight.fix.Fix;
import dev.greenlight.fix.TextEdit;
import dev.greenlight.python.ast.Span;
import dev.greenlight.python.ast.Statement;
import dev.greenlight.python.parse.ParseResult;
import dev.greenlight.python.parse.ParsedModule;
import dev.greenlight.rules.Diagnostic;
import dev.greenlight.rules.RelatedInformation;
import dev.greenlight.rules.RuleEngine;
import dev.greenlight.rules.RuleEngine.RuleFailure;
import dev.greenlight.rules.RuleMeta;
import dev.greenlight.rules.Rules;
import dev.greenlight.source.SourceFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The check of one document that an editor changes, version after version: the findings of each
 * top-level statement are kept, and after an edit only the statements whose findings may have
 * changed are checked again. Those are the statements the edit reparsed, and those whose check
 * read something the edit may have changed: a module-level name that a reparsed (or removed)
 * statement binds, the module as a whole, or a workspace file that changed on disk (see
 * {@link Dependencies}). The findings of the others are moved with the text. The result is the
 * one {@link Checker#check} gives for the same version.
 */
public final class IncrementalCheck {

    /**
     * One edit between two versions: {@code [start, oldEnd)} became {@code delta} characters
     * longer and {@code lineDelta} lines longer. Positions from {@code start} to the end of the
     * edit's last line ({@code unmappableEnd}) may have moved within their line: findings that
     * point there are not kept.
     */
    public record Shift(int start, int oldEnd, int delta, int lineDelta, int unmappableEnd) {

        /** The shift of the edit that replaced {@code [start, end)} of {@code before}'s text by {@code inserted}. */
        public static Shift of(ParsedModule before, ParsedModule after, int start, int end, String inserted) {
            String text = before.text();
            int lineEnd = Math.min(end, text.length());
            while (lineEnd < text.length() && text.charAt(lineEnd) != '\n' && text.charAt(lineEnd) != '\r') {
                lineEnd++;
            }
            if (lineEnd + 1 < text.length() && text.charAt(lineEnd) == '\r' && text.charAt(lineEnd + 1) == '\n') {
                lineEnd++;
            }
            return new Shift(start, end, inserted.length() - (end - start), after.lineCount() - before.lineCount(),
                    lineEnd);
        }

        /** Where {@code offset} is after the edit, or -1 when the edit may have moved it within its line. */
        int map(int offset) {
            if (offset < start) {
                return offset;
            }
            return offset <= unmappableEnd ? -1 : offset + delta;
        }
    }

    /** What checking one part found, and what that depended on. */
    private record Entry(List<Diagnostic> diagnostics, List<RuleFailure> failures, Dependencies reads,
            Set<String> binds) {
    }

    private final Checker checker;
    private Map<Object, Entry> entries = new HashMap<>();
    /**
     * The workspace lookups of the kept findings (and perhaps of findings since dropped): each
     * round looks them up once, and checks again the parts that read one that changed.
     */
    private final Set<Object> lookups = new HashSet<>();
    private ParsedModule lastChecked;
    private Set<String> lastEnabled = Set.of();
    private int reused;
    private int rechecked;

    public IncrementalCheck(Checker checker) {
        this.checker = checker;
    }

    /**
     * Checks {@code parsed}, which the edits {@code shifts} made from {@code previous} (null
     * shifts or a {@code previous} that is not the version checked last: everything is checked).
     */
    public CheckResult check(SourceFile source, ParsedModule parsed, ParsedModule previous, List<Shift> shifts,
            Predicate<String> enabled) {
        Set<String> enabledCodes = enabledCodes(enabled);
        if (shifts == null || previous == null || previous != lastChecked || !enabledCodes.equals(lastEnabled)) {
            entries.clear();
            lookups.clear();
        } else {
            moveEntries(shifts);
        }
        lastChecked = null; // until this check is done: a failure leaves nothing to build on
        ParseResult parse = parsed.result();
        List<ParsedModule.Part> parts = parsed.parts();
        List<Statement> body = parse.module().body();
        ModuleModel model = ModuleModel.lazy(source.path(), source.text(), parse.module());

        Set<Object> present = new HashSet<>(2 * parts.size());
        Set<String> changedNames = new HashSet<>();
        for (ParsedModule.Part part : parts) {
            present.add(part.key());
            if (!entries.containsKey(part.key())) {
                changedNames.addAll(binds(model, part));
            }
        }
        for (Map.Entry<Object, Entry> entry : entries.entrySet()) {
            if (!present.contains(entry.getKey())) {
                changedNames.addAll(entry.getValue().binds());
            }
        }

        List<String> changed = List.copyOf(changedNames);
        RuleEngine engine = checker.engine();
        model.recordInto(null);
        Map<Class<?>, Object> moduleShared = shared(model);
        RuleEngine.Outcome whole = engine.runModule(source, parse, enabled, moduleShared);
        List<Diagnostic> diagnostics = new ArrayList<>(whole.diagnostics());
        List<RuleFailure> failures = new ArrayList<>(whole.failures());
        Set<String> failed = new HashSet<>();
        failures.forEach(failure -> failed.add(failure.code()));

        Map<Object, Entry> next = new HashMap<>(2 * parts.size());
        Set<Object> changedLookups = Dependencies.changedLookups(lookups);
        int reusedNow = 0;
        int recheckedNow = 0;
        for (ParsedModule.Part part : parts) {
            Entry entry = entries.get(part.key());
            if (entry == null || entry.reads().isModuleWide() || entry.reads().readsAny(changed)
                    || entry.reads().readsAnyLookup(changedLookups)) {
                entry = checkPart(engine, source, parse, enabled, model, body.subList(part.from(), part.to()), part);
                lookups.addAll(entry.reads().lookups());
                recheckedNow++;
            } else {
                reusedNow++;
            }
            next.put(part.key(), entry);
            diagnostics.addAll(entry.diagnostics());
            for (RuleFailure failure : entry.failures()) {
                if (failed.add(failure.code())) {
                    failures.add(failure);
                }
            }
        }
        model.recordInto(null);
        if (!changedLookups.isEmpty()) {
            lookups.clear(); // forget what changed, so that it is not looked up again and again
            next.values().forEach(entry -> lookups.addAll(entry.reads().lookups()));
        }
        entries = next;
        lastChecked = parsed;
        lastEnabled = enabledCodes;
        reused = reusedNow;
        rechecked = recheckedNow;
        RuleEngine.withoutFailedRules(diagnostics, failures);
        return checker.finish(source, parse, new RuleEngine.Outcome(diagnostics, failures));
    }

    /** How many parts the last check took over from the version before, and how many it checked. */
    public int[] counts() {
        return new int[] {reused, rechecked};
    }

    private Entry checkPart(RuleEngine engine, SourceFile source, ParseResult parse, Predicate<String> enabled,
            ModuleModel model, List<Statement> statements, ParsedModule.Part part) {
        Dependencies reads = new Dependencies();
        model.recordInto(reads);
        Map<Class<?>, Object> shared = shared(model);
        RuleEngine.Outcome outcome = reads.recording(
                () -> engine.runStatements(source, parse, enabled, statements, shared, reads::moduleWide));
        model.recordInto(null);
        return new Entry(List.copyOf(outcome.diagnostics()), List.copyOf(outcome.failures()), reads,
                binds(model, part));
    }

    /** What the rules of one check share from the start: the module's model and the workspace index. */
    private Map<Class<?>, Object> shared(ModuleModel model) {
        Map<Class<?>, Object> shared = new HashMap<>();
        shared.put(ModuleModel.class, model);
        if (checker.index() != null) {
            shared.put(dev.greenlight.workspace.WorkspaceIndex.class, checker.index());
        }
        return shared;
    }

    private static Set<String> binds(ModuleModel model, ParsedModule.Part part) {
        Set<String> names = new HashSet<>();
        for (int i = part.from(); i < part.to(); i++) {
            names.addAll(model.moduleNamesOf(i));
        }
        return Set.copyOf(names);
    }

    private static Set<String> enabledCodes(Predicate<String> enabled) {
        Set<String> codes = new HashSet<>();
        for (RuleMeta meta : Rules.metas()) {
            if (enabled.test(meta.code())) {
                codes.add(meta.code());
            }
        }
        return codes;
    }

    /** Moves the kept findings through the edits; a part with a finding that cannot move is checked again. */
    private void moveEntries(List<Shift> shifts) {
        for (Iterator<Map.Entry<Object, Entry>> it = entries.entrySet().iterator(); it.hasNext();) {
            Map.Entry<Object, Entry> item = it.next();
            Entry entry = item.getValue();
            if (entry.diagnostics().isEmpty()) {
                continue;
            }
            List<Diagnostic> moved = new ArrayList<>(entry.diagnostics().size());
            for (Diagnostic diagnostic : entry.diagnostics()) {
                Diagnostic now = diagnostic;
                for (Shift shift : shifts) {
                    now = now == null ? null : move(now, shift);
                }
                if (now == null) {
                    break;
                }
                moved.add(now);
            }
            if (moved.size() < entry.diagnostics().size()) {
                it.remove();
            } else {
                item.setValue(new Entry(moved, entry.failures(), entry.reads(), entry.binds()));
            }
        }
    }

    private static Diagnostic move(Diagnostic diagnostic, Shift shift) {
        Span range = move(diagnostic.range(), shift);
        if (range == null) {
            return null;
        }
        Fix fix = diagnostic.fix() == null ? null : move(diagnostic.fix(), shift);
        if (diagnostic.fix() != null && fix == null) {
            return null;
        }
        List<Fix> alternatives = new ArrayList<>(diagnostic.alternatives().size());
        for (Fix alternative : diagnostic.alternatives()) {
            Fix moved = move(alternative, shift);
            if (moved == null) {
                return null;
            }
            alternatives.add(moved);
        }
        List<RelatedInformation> related = new ArrayList<>(diagnostic.related().size());
        for (RelatedInformation information : diagnostic.related()) {
            if (information.file() != null) {
                related.add(information); // another file's text: not this edit's business
                continue;
            }
            Span span = move(information.span(), shift);
            if (span == null) {
                return null;
            }
            related.add(new RelatedInformation(null, span, information.message()));
        }
        return new Diagnostic(diagnostic.code(), diagnostic.message(), range, diagnostic.severity(), fix, related,
                alternatives);
    }

    /** The fix with its edits moved, or null when an edit touched the edited text. */
    private static Fix move(Fix fix, Shift shift) {
        List<TextEdit> edits = new ArrayList<>(fix.edits().size());
        for (TextEdit edit : fix.edits()) {
            int start = shift.map(edit.start());
            int end = shift.map(edit.end());
            if (start < 0 || end < 0) {
                return null;
            }
            edits.add(new TextEdit(start, end, edit.replacement()));
        }
        return new Fix(fix.title(), fix.applicability(), edits);
    }

    private static Span move(Span span, Shift shift) {
        int start = shift.map(span.start());
        int end = shift.map(span.end());
        if (start < 0 || end < 0) {
            return null;
        }
        return new Span(start, end,
                span.lineno() + (span.start() < shift.start() ? 0 : shift.lineDelta()), span.colOffset(),
                span.endLineno() + (span.end() < shift.start() ? 0 : shift.lineDelta()), span.endColOffset());
    }
}
