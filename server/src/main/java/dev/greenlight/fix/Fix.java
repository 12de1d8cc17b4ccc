package dev.greenlight.fix;

import java.util.Comparator;
import java.util.List;

/**
 * What a rule proposes to do about a diagnostic: a title in the imperative ("Make `read_user` an
 * `async def`"), whether it is safe to apply unattended, and the text edits. The same value is
 * applied by {@code check --fix} and by the editor's code action.
 */
public record Fix(String title, Applicability applicability, List<TextEdit> edits) {

    public Fix {
        if (edits.isEmpty()) {
            throw new IllegalArgumentException("a fix needs at least one edit");
        }
        edits = edits.stream().sorted(Comparator.comparingInt(TextEdit::start).thenComparingInt(TextEdit::end)).toList();
    }

    public static Fix safe(String title, TextEdit... edits) {
        return new Fix(title, Applicability.SAFE, List.of(edits));
    }

    public static Fix unsafe(String title, TextEdit... edits) {
        return new Fix(title, Applicability.UNSAFE, List.of(edits));
    }

    public boolean isSafe() {
        return applicability == Applicability.SAFE;
    }

    /** Whether this fix may be applied when unsafe fixes are (or are not) allowed. */
    public boolean applies(boolean unsafeAllowed) {
        return isSafe() || unsafeAllowed;
    }

    /** The offset of the first edit. */
    public int start() {
        return edits.get(0).start();
    }
}
