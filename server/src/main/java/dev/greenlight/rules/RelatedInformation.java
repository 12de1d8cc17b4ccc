package dev.greenlight.rules;

import dev.greenlight.python.ast.Span;
import java.nio.file.Path;

/**
 * Another place that explains a diagnostic (the {@code def} that is not async, the sessionmaker
 * with the default {@code expire_on_commit}). {@code file} is null for the diagnostic's own file.
 */
public record RelatedInformation(Path file, Span span, String message) {

    public static RelatedInformation here(Span span, String message) {
        return new RelatedInformation(null, span, message);
    }
}
