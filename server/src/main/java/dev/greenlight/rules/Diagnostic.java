package dev.greenlight.rules;

import dev.greenlight.fix.Fix;
import dev.greenlight.python.ast.Span;
import java.util.List;

/**
 * One finding: which rule, what will happen at run time, where (the offending expression), how
 * loudly, how to fix it (or null), and which other places explain it.
 */
public record Diagnostic(String code, String message, Span range, Severity severity, Fix fix,
        List<RelatedInformation> related) {

    public Diagnostic {
        related = List.copyOf(related);
    }

    public boolean hasFix() {
        return fix != null;
    }

    /** The 1-based line where the diagnostic starts: where {@code # noqa} must stand. */
    public int line() {
        return range.lineno();
    }
}
