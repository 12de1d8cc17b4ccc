package dev.greenlight.engine;

import dev.greenlight.fix.Fix;
import dev.greenlight.fix.FixApplier;
import dev.greenlight.rules.Diagnostic;
import dev.greenlight.rules.Rules;
import dev.greenlight.source.SourceFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * {@code check --fix}: check, apply every applicable fix that does not collide with another,
 * check the new text again, until nothing is left to fix (at most {@link #MAX_ROUNDS} rounds).
 * A round whose fixes would add a syntax error is thrown away.
 */
public final class FixLoop {

    public static final int MAX_ROUNDS = 10;

    /** The fixed text, the diagnostics it still has, and how many were fixed per code. */
    public record Outcome(SourceFile fixed, CheckResult remaining, Map<String, Integer> fixedByCode) {

        public int fixedCount() {
            return fixedByCode.values().stream().mapToInt(Integer::intValue).sum();
        }

        public boolean changed(SourceFile original) {
            return !fixed.text().equals(original.text());
        }
    }

    private final Checker checker;

    public FixLoop(Checker checker) {
        this.checker = checker;
    }

    public Outcome run(SourceFile source, Predicate<String> enabled, boolean unsafeAllowed) {
        SourceFile current = source;
        CheckResult result = checker.check(current, enabled);
        Map<String, Integer> fixed = new LinkedHashMap<>();
        for (int round = 0; round < MAX_ROUNDS; round++) {
            List<Fix> fixes = new ArrayList<>();
            for (Diagnostic diagnostic : result.diagnostics()) {
                if (diagnostic.hasFix() && diagnostic.fix().applies(unsafeAllowed)) {
                    fixes.add(diagnostic.fix());
                }
            }
            if (fixes.isEmpty()) {
                break;
            }
            FixApplier.Result applied = FixApplier.apply(current.text(), fixes);
            if (!applied.changed() || applied.text().equals(current.text())) {
                break;
            }
            SourceFile next = current.withText(applied.text());
            CheckResult nextResult = checker.check(next, enabled);
            if (syntaxErrors(nextResult) > syntaxErrors(result)) {
                break;
            }
            for (Diagnostic diagnostic : result.diagnostics()) {
                if (diagnostic.hasFix() && applied.applied().contains(diagnostic.fix())) {
                    fixed.merge(diagnostic.code(), 1, Integer::sum);
                }
            }
            current = next;
            result = nextResult;
        }
        return new Outcome(current, result, fixed);
    }

    private static long syntaxErrors(CheckResult result) {
        return result.diagnostics().stream().filter(d -> Rules.SYNTAX_ERROR.equals(d.code())).count();
    }
}
