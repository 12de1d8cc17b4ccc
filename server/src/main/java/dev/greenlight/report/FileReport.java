package dev.greenlight.report;

import dev.greenlight.rules.Diagnostic;
import dev.greenlight.source.SourceFile;
import java.util.List;

/** What reporters print about one file: the (possibly fixed) source and its remaining diagnostics. */
public record FileReport(SourceFile source, List<Diagnostic> diagnostics) {

    public FileReport {
        diagnostics = List.copyOf(diagnostics);
    }
}
