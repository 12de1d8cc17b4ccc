package dev.greenlight.fix;

/**
 * Replaces the text between {@code start} and {@code end} (UTF-16 offsets, end exclusive) with
 * {@code replacement}. An insertion has {@code start == end}; a deletion an empty replacement.
 */
public record TextEdit(int start, int end, String replacement) {

    public TextEdit {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad edit range " + start + ".." + end);
        }
        if (replacement == null) {
            throw new IllegalArgumentException("replacement must not be null");
        }
    }

    public static TextEdit insert(int offset, String text) {
        return new TextEdit(offset, offset, text);
    }

    public static TextEdit delete(int start, int end) {
        return new TextEdit(start, end, "");
    }

    public static TextEdit replace(int start, int end, String text) {
        return new TextEdit(start, end, text);
    }

    /**
     * Whether the two edits touch the same text. Two insertions at the same offset conflict (their
     * order would be arbitrary); an insertion at the boundary of a replacement does not.
     */
    public boolean overlaps(TextEdit other) {
        if (start == end && other.start == other.end) {
            return start == other.start;
        }
        return start < other.end && other.start < end;
    }
}
