package dev.greenlight.python.text;

import java.util.Objects;

/**
 * One {@code TextDocumentContentChangeEvent} as LSP sends it: replace {@code range} by {@code text},
 * or, when {@code range} is null, replace the whole document by {@code text}. The range is in the
 * position encoding negotiated for the session and refers to the document as left by the previous
 * change of the same notification.
 */
public record Change(Range range, String text) {

    public Change {
        Objects.requireNonNull(text, "text");
    }

    /** The whole document becomes {@code text}. */
    public static Change full(String text) {
        return new Change(null, text);
    }

    public static Change replace(Range range, String text) {
        return new Change(Objects.requireNonNull(range, "range"), text);
    }

    public static Change insert(Position at, String text) {
        return new Change(Range.at(at), text);
    }

    public static Change delete(Range range) {
        return new Change(Objects.requireNonNull(range, "range"), "");
    }

    public boolean isFull() {
        return range == null;
    }
}
