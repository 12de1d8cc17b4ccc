package dev.greenlight.fix;

/**
 * Whether a fix may be applied without a person looking at it. {@code check --fix} and the
 * "fix all" code action apply only {@link #SAFE} fixes; {@link #UNSAFE} ones need
 * {@code --unsafe-fixes} or a person choosing the quick fix.
 */
public enum Applicability {
    /** Keeps the program's meaning apart from removing the mistake. */
    SAFE,
    /** May change what the program does elsewhere (callers, imports, run-time behaviour). */
    UNSAFE;

    /** The spelling used in JSON output, as Ruff spells it. */
    public String jsonName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
