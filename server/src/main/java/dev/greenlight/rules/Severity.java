package dev.greenlight.rules;

import java.util.Locale;

/** How loudly a diagnostic is shown; the values and their order are LSP's. */
public enum Severity {
    ERROR, WARNING, INFORMATION, HINT;

    public String lowerName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
