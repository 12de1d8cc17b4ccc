package dev.greenlight.python.text;

/**
 * A position resolved to a UTF-16 offset, with the reason it was clamped, or null when it named
 * a place in the document exactly.
 */
public record ResolvedOffset(int offset, ClampReason clamp) {

    public boolean clamped() {
        return clamp != null;
    }
}
