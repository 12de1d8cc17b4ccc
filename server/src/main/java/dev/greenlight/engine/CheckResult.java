package dev.greenlight.engine;

import dev.greenlight.rules.Diagnostic;
import dev.greenlight.source.SourceFile;
import java.util.List;

/**
 * The outcome of checking one module: its diagnostics in source order, and what went wrong
 * inside greenlight itself (a rule or the parser that threw), which callers log.
 */
public record CheckResult(SourceFile source, List<Diagnostic> diagnostics, List<String> internalErrors) {

    public CheckResult {
        diagnostics = List.copyOf(diagnostics);
        internalErrors = List.copyOf(internalErrors);
    }
}
