package dev.greenlight.python.text;

import java.util.Objects;

/**
 * A change resolved against one document: replace the UTF-16 offsets {@code [start, end)} of the
 * old text by {@code text}. After it, the inserted text spans {@code [start, start + text.length())}
 * of the new text, and everything from the old {@code end} on has moved by {@link #delta()}.
 */
public record Edit(int start, int end, String text) {

    public Edit {
        Objects.requireNonNull(text, "text");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad edit range [" + start + ", " + end + ")");
        }
    }

    /** How far text after the edit moved: inserted length minus removed length. */
    public int delta() {
        return text.length() - (end - start);
    }

    /** End of the inserted text in the new text. */
    public int newEnd() {
        return start + text.length();
    }

    /** Number of UTF-16 units removed from the old text. */
    public int removedLength() {
        return end - start;
    }
}
