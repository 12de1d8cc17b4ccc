package dev.greenlight.report;

/**
 * Counts for the closing lines of the text report: diagnostics fixed by {@code --fix}, and
 * whether unsafe fixes were allowed (to say which fixes {@code --fix} would apply).
 */
public record ReportSummary(int fixed, boolean fixMode, boolean unsafeFixes) {
}
