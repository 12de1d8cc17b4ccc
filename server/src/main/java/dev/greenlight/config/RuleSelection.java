package dev.greenlight.config;

import dev.greenlight.rules.RuleMeta;
import dev.greenlight.rules.Rules;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Which rules are on, from {@code select} and {@code ignore} selectors as Ruff reads them: a
 * selector is {@code ALL}, a full code ({@code GL006}) or a prefix of codes ({@code GL0},
 * {@code GL}); for each rule the most specific matching selector decides, and at equal
 * specificity {@code ignore} wins. Syntax errors (GL000) are always reported.
 */
public final class RuleSelection implements Predicate<String> {

    /** Everything: what greenlight checks when nothing is configured. */
    public static final List<String> DEFAULT_SELECT = List.of("ALL");

    private final List<String> select;
    private final List<String> ignore;

    private RuleSelection(List<String> select, List<String> ignore) {
        this.select = List.copyOf(select);
        this.ignore = List.copyOf(ignore);
    }

    /** A selection from already validated selectors (see {@link #validate}). */
    public static RuleSelection of(List<String> select, List<String> ignore) {
        return new RuleSelection(normalize(select), normalize(ignore));
    }

    public static RuleSelection all() {
        return of(DEFAULT_SELECT, List.of());
    }

    /** This selection with more selectors ignored (per-file ignores, {@code --ignore}). */
    public RuleSelection ignoring(List<String> more) {
        List<String> combined = new ArrayList<>(ignore);
        combined.addAll(normalize(more));
        return new RuleSelection(select, combined);
    }

    @Override
    public boolean test(String code) {
        if (Rules.SYNTAX_ERROR.equals(code)) {
            return true;
        }
        int selected = specificity(select, code);
        int ignored = specificity(ignore, code);
        return selected >= 0 && selected > ignored;
    }

    public List<String> select() {
        return select;
    }

    public List<String> ignore() {
        return ignore;
    }

    /** The selectors that match no rule, for an error message; empty when all are known. */
    public static List<String> unknown(List<String> selectors) {
        List<String> unknown = new ArrayList<>();
        for (String selector : normalize(selectors)) {
            if (selector.equals("ALL")) {
                continue;
            }
            boolean matches = Rules.metas().stream().map(RuleMeta::code).anyMatch(code -> code.startsWith(selector));
            if (!matches) {
                unknown.add(selector);
            }
        }
        return unknown;
    }

    /** Length of the longest selector matching {@code code} ({@code ALL} counts 0), or -1. */
    private static int specificity(List<String> selectors, String code) {
        int best = -1;
        for (String selector : selectors) {
            if (selector.equals("ALL")) {
                best = Math.max(best, 0);
            } else if (code.startsWith(selector)) {
                best = Math.max(best, selector.length());
            }
        }
        return best;
    }

    private static List<String> normalize(List<String> selectors) {
        List<String> out = new ArrayList<>();
        for (String selector : selectors) {
            String trimmed = selector.strip().toUpperCase(Locale.ROOT);
            if (!trimmed.isEmpty()) {
                out.add(trimmed);
            }
        }
        return out;
    }
}
