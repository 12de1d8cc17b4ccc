package dev.greenlight.fix;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Applies fixes to a text, all or nothing per fix: a fix whose edits would touch text that an
 * earlier fix already changed is left out (the caller re-checks the new text and tries again,
 * as {@code check --fix} does), and a fix whose edits were all already made by another fix (two
 * diagnostics in the same function asking for the same {@code async}) counts as applied.
 */
public final class FixApplier {

    private FixApplier() {
    }

    /** The new text, and which of the given fixes it contains. */
    public record Result(String text, List<Fix> applied, List<Fix> skipped) {

        public boolean changed() {
            return !applied.isEmpty();
        }
    }

    public static Result apply(String text, List<Fix> fixes) {
        List<Fix> ordered = new ArrayList<>(fixes);
        ordered.sort(Comparator.comparingInt(Fix::start));
        List<TextEdit> accepted = new ArrayList<>();
        List<Fix> applied = new ArrayList<>();
        List<Fix> skipped = new ArrayList<>();
        for (Fix fix : ordered) {
            if (fix.edits().stream().anyMatch(edit -> edit.end() > text.length())) {
                skipped.add(fix);
                continue;
            }
            boolean duplicate = accepted.containsAll(fix.edits());
            if (duplicate) {
                applied.add(fix);
                continue;
            }
            boolean conflicts = fix.edits().stream()
                    .anyMatch(edit -> accepted.stream().anyMatch(done -> done.overlaps(edit) && !done.equals(edit)));
            if (conflicts) {
                skipped.add(fix);
                continue;
            }
            for (TextEdit edit : fix.edits()) {
                if (!accepted.contains(edit)) {
                    accepted.add(edit);
                }
            }
            applied.add(fix);
        }
        return new Result(applyEdits(text, accepted), List.copyOf(applied), List.copyOf(skipped));
    }

    /** Applies edits that do not overlap one another. */
    public static String applyEdits(String text, List<TextEdit> edits) {
        List<TextEdit> ordered = new ArrayList<>(edits);
        ordered.sort(Comparator.comparingInt(TextEdit::start).thenComparingInt(TextEdit::end));
        StringBuilder out = new StringBuilder(text.length() + 64);
        int copied = 0;
        for (TextEdit edit : ordered) {
            if (edit.start() < copied) {
                throw new IllegalArgumentException("overlapping edits at offset " + edit.start());
            }
            out.append(text, copied, edit.start());
            out.append(edit.replacement());
            copied = edit.end();
        }
        out.append(text, copied, text.length());
        return out.toString();
    }
}
