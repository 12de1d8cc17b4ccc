package dev.greenlight.rules;

import dev.greenlight.fix.Fix;
import dev.greenlight.python.ast.Span;
import java.util.List;

/**
 * One finding: which rule, what will happen at run time, where (the offending expression), how
 * loudly, how to fix it (or null), and which other places explain it. {@code alternatives} are
 * other ways to fix it that an editor offers beside the fix (never applied by {@code check --fix}).
 */
public record Diagnostic(String code, String message, Span range, Severity severity, Fix fix,
        List<RelatedInformation> related, List<Fix> alternatives) {

    public Diagnostic {
        related = List.copyOf(related);
        alternatives = List.copyOf(alternatives);
    }

    public Diagnostic(String code, String message, Span range, Severity severity, Fix fix, List<RelatedInformation> related) {
        this(code, message, range, severity, fix, related, List.of());
    }

    public boolean hasFix() {
        return fix != null;
    }

    /** The 1-based line where the diagnostic starts: where {@code # noqa} must stand. */
    public int line() {
        return range.lineno();
    }
}
