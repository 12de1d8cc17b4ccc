package dev.greenlight.python.text;

import dev.greenlight.python.ast.Span;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The text of one open file at one LSP version: an immutable value with a line index. Offsets are
 * UTF-16 indexes into {@link #text()}; positions are LSP's (0-based line, character in a
 * {@link PositionEncoding}). {@code \r\n}, {@code \r} and {@code \n} each end a line, so a text
 * with {@code k} line breaks has {@code k + 1} lines, the last one empty when the text ends with a
 * break.
 *
 * <p>Nothing here throws on a bad position: positions out of the document are clamped the way
 * VS Code's {@code TextModel.validatePosition} does and reported to the document's
 * {@link ClampListener}; {@link #resolve(Position, PositionEncoding)} returns the clamp as a flag
 * instead of reporting it.
 *
 * <p>The text is held in chunks of a few thousand characters: an edit copies the chunks it
 * touches and two small arrays, and updates the line index by scanning only the inserted text and
 * shifting the other line starts (O(lines) int copies, no text scan). {@link #text()} builds the
 * flat string on first call and caches it (O(n) once per version; a document opened from a string
 * has it already); {@link #charAt(int)} and {@link #substring(int, int)} never need it.
 */
public final class Document {

    private final TextChunks text;
    private final int version;
    /** UTF-16 offset where each line starts; exactly {@link #lineCount()} long, {@code lineStarts[0] == 0}. */
    private final int[] lineStarts;
    private final ClampListener clampListener;

    private Document(TextChunks text, int version, int[] lineStarts, ClampListener clampListener) {
        this.text = text;
        this.version = version;
        this.lineStarts = lineStarts;
        this.clampListener = clampListener;
    }

    /** A document at version 0 that logs clamping ({@link ClampListener#LOG}). */
    public static Document of(String text) {
        return of(text, 0);
    }

    public static Document of(String text, int version) {
        return of(text, version, ClampListener.LOG);
    }

    public static Document of(String text, int version, ClampListener clampListener) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(clampListener, "clampListener");
        return new Document(TextChunks.of(text), version, scanLineStarts(text), clampListener);
    }

    /** As {@link #of(String, int, ClampListener)} with chunks of about {@code chunkSize} units (tests). */
    static Document of(String text, int version, ClampListener clampListener, int chunkSize) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(clampListener, "clampListener");
        return new Document(TextChunks.of(text, chunkSize), version, scanLineStarts(text), clampListener);
    }

    /** The same document, reporting clamps to {@code listener} (kept by the documents edits derive from it). */
    public Document withClampListener(ClampListener listener) {
        return new Document(text, version, lineStarts, Objects.requireNonNull(listener, "listener"));
    }

    public Document withVersion(int newVersion) {
        return new Document(text, newVersion, lineStarts, clampListener);
    }

    /** The whole text (built on the first call for an edited document, then cached). */
    public String text() {
        return text.toString();
    }

    /** The whole text as a character sequence that needs no flat copy: O(log n) {@code charAt}. */
    public CharSequence chars() {
        return text;
    }

    public char charAt(int offset) {
        return text.charAt(offset);
    }

    /** The text of UTF-16 offsets {@code [from, to)}: O(log n + to - from), no flat copy of the whole text. */
    public String substring(int from, int to) {
        return text.substring(from, to);
    }

    public int version() {
        return version;
    }

    /** Length in UTF-16 units. */
    public int length() {
        return text.length();
    }

    public ClampListener clampListener() {
        return clampListener;
    }

    // ------------------------------------------------------------------ lines

    public int lineCount() {
        return lineStarts.length;
    }

    /** UTF-16 offset of the first character of {@code line} (0-based, {@code 0 <= line < lineCount()}). */
    public int lineStart(int line) {
        return lineStarts[line];
    }

    /** UTF-16 offset where the content of {@code line} ends: before its line break, if any. */
    public int lineEnd(int line) {
        if (line + 1 >= lineStarts.length) {
            return text.length();
        }
        int next = lineStarts[line + 1];
        return next >= 2 && text.charAt(next - 1) == '\n' && text.charAt(next - 2) == '\r' ? next - 2 : next - 1;
    }

    /** UTF-16 offset where {@code line} ends after its line break: the next line's start, or the length. */
    public int lineEndWithBreak(int line) {
        return line + 1 >= lineStarts.length ? text.length() : lineStarts[line + 1];
    }

    /** The content of {@code line}, without its line break. */
    public String lineText(int line) {
        return text.substring(lineStarts[line], lineEnd(line));
    }

    /**
     * The 0-based line holding {@code offset} (an offset at a line's start belongs to that line;
     * the length belongs to the last line). Offsets out of {@code [0, length]} are clamped silently.
     */
    public int lineOf(int offset) {
        if (offset <= 0) {
            return 0;
        }
        int found = Arrays.binarySearch(lineStarts, offset);
        return found >= 0 ? found : -found - 2;
    }

    /** A copy of the line start offsets. */
    public int[] lineStarts() {
        return lineStarts.clone();
    }

    // ------------------------------------------------------------------ positions

    /**
     * The UTF-16 offset of {@code position}, clamped as VS Code does (see {@link ClampReason}); a
     * clamp is reported to the clamp listener.
     */
    public int offset(Position position, PositionEncoding encoding) {
        ResolvedOffset resolved = resolve(position, encoding);
        if (resolved.clamp() != null) {
            clampListener.clamped(resolved.clamp(), describe(position, encoding), resolved.offset());
        }
        return resolved.offset();
    }

    /**
     * The UTF-16 offset of {@code position}, clamped as VS Code does, with the reason of the clamp
     * (null if none); nothing is reported. Rules: a negative line gives 0; a line at or past the
     * line count gives the end of the document; a negative character gives the line's start; a
     * character past the line's content gives the end of the content (before the line break); a
     * character inside a surrogate pair (UTF-16) or a multi-byte sequence (UTF-8) gives the start
     * of that character.
     */
    public ResolvedOffset resolve(Position position, PositionEncoding encoding) {
        int line = position.line();
        if (line < 0) {
            return new ResolvedOffset(0, ClampReason.NEGATIVE);
        }
        if (line >= lineStarts.length) {
            return new ResolvedOffset(text.length(), ClampReason.LINE_PAST_END);
        }
        int start = lineStarts[line];
        int character = position.character();
        if (character < 0) {
            return new ResolvedOffset(start, ClampReason.NEGATIVE);
        }
        int end = lineEnd(line);
        if (encoding == PositionEncoding.UTF16) {
            if (character > end - start) {
                return new ResolvedOffset(end, ClampReason.CHARACTER_PAST_LINE_END);
            }
            int offset = start + character;
            if (offset > start && offset < end && Character.isLowSurrogate(text.charAt(offset)) && Character.isHighSurrogate(text.charAt(offset - 1))) {
                return new ResolvedOffset(offset - 1, ClampReason.INSIDE_CHARACTER);
            }
            return new ResolvedOffset(offset, null);
        }
        String content = text.substring(start, end);
        int units = 0;
        int i = 0;
        while (i < content.length()) {
            if (units == character) {
                return new ResolvedOffset(start + i, null);
            }
            int codePoint = content.codePointAt(i);
            int width = encoding.units(codePoint);
            if (units + width > character) {
                return new ResolvedOffset(start + i, ClampReason.INSIDE_CHARACTER);
            }
            units += width;
            i += Character.charCount(codePoint);
        }
        return new ResolvedOffset(end, units == character ? null : ClampReason.CHARACTER_PAST_LINE_END);
    }

    /**
     * The position of UTF-16 {@code offset}. An offset out of {@code [0, length]} is clamped to it;
     * an offset inside a surrogate pair moves to the pair's start; one between the {@code \r} and
     * {@code \n} of a CRLF moves before the {@code \r}. Clamps are reported to the clamp listener.
     */
    public Position position(int offset, PositionEncoding encoding) {
        ClampReason clamp = null;
        int requested = offset;
        if (offset < 0) {
            offset = 0;
            clamp = ClampReason.OFFSET_OUT_OF_RANGE;
        } else if (offset > text.length()) {
            offset = text.length();
            clamp = ClampReason.OFFSET_OUT_OF_RANGE;
        }
        int line = lineOf(offset);
        int start = lineStarts[line];
        if (clamp == null && offset > start && offset < text.length()) {
            char c = text.charAt(offset);
            char before = text.charAt(offset - 1);
            if (c == '\n' && before == '\r') {
                offset--;
                clamp = ClampReason.INSIDE_LINE_BREAK;
            } else if (Character.isLowSurrogate(c) && Character.isHighSurrogate(before)) {
                offset--;
                clamp = ClampReason.INSIDE_CHARACTER;
            }
        }
        if (clamp != null) {
            clampListener.clamped(clamp, "offset " + requested, offset);
        }
        return new Position(line, measure(start, offset, encoding));
    }

    /** The range of UTF-16 offsets {@code [start, end)}, each converted by {@link #position(int, PositionEncoding)}. */
    public Range range(int start, int end, PositionEncoding encoding) {
        Position from = position(start, encoding);
        Position to = end == start ? from : position(end, encoding);
        return new Range(from, to);
    }

    /** The LSP range of a node's span ({@link Span#start()}/{@link Span#end()} are UTF-16 offsets). */
    public Range range(Span span, PositionEncoding encoding) {
        return range(span.start(), span.end(), encoding);
    }

    /** The position at the end of the document. */
    public Position end(PositionEncoding encoding) {
        int last = lineStarts.length - 1;
        return new Position(last, measure(lineStarts[last], text.length(), encoding));
    }

    /** The range covering the whole document. */
    public Range fullRange(PositionEncoding encoding) {
        return new Range(Position.ZERO, end(encoding));
    }

    // ------------------------------------------------------------------ edits

    /**
     * The change resolved to UTF-16 offsets in this document: each end of its range clamped by
     * {@link #offset(Position, PositionEncoding)} (reported to the clamp listener), a reversed
     * range swapped; a full change becomes an edit over the whole text.
     */
    public Edit resolve(Change change, PositionEncoding encoding) {
        Range range = change.range();
        if (range == null) {
            return new Edit(0, text.length(), change.text());
        }
        int start = offset(range.start(), encoding);
        int end = range.end().equals(range.start()) ? start : offset(range.end(), encoding);
        if (end < start) {
            clampListener.clamped(ClampReason.REVERSED_RANGE, range + " (" + encoding.lspName() + ")", end);
            int swap = start;
            start = end;
            end = swap;
        }
        return new Edit(start, end, change.text());
    }

    /**
     * Applies LSP's changes in order, each range referring to the document left by the previous
     * change, and gives the result {@code newVersion}.
     */
    public Document apply(List<Change> changes, int newVersion, PositionEncoding encoding) {
        return apply(changes, newVersion, encoding, null);
    }

    /** As {@link #apply(List, int, PositionEncoding)}, telling {@code listener} (if not null) each step. */
    public Document apply(List<Change> changes, int newVersion, PositionEncoding encoding, EditListener listener) {
        Document current = this;
        for (Change change : changes) {
            Edit edit = current.resolve(change, encoding);
            Document next = current.apply(edit, newVersion);
            if (listener != null) {
                listener.edited(current, edit, next);
            }
            current = next;
        }
        return current == this ? withVersion(newVersion) : current;
    }

    /** Replaces the UTF-16 offsets {@code [start, end)} by {@code replacement}. */
    public Document replace(int start, int end, String replacement, int newVersion) {
        return apply(new Edit(start, end, replacement), newVersion);
    }

    /**
     * Applies an edit given in UTF-16 offsets, which must lie in {@code [0, length]} (these are
     * ours, not a client's: a bad one throws {@link IndexOutOfBoundsException}). It may split a
     * surrogate pair or a CRLF; the line index follows whatever text results.
     */
    public Document apply(Edit edit, int newVersion) {
        int start = edit.start();
        int end = edit.end();
        int oldLength = text.length();
        Objects.checkFromToIndex(start, end, oldLength);
        String inserted = edit.text();
        if (start == 0 && end == oldLength) {
            return new Document(text.replace(0, oldLength, inserted), newVersion, scanLineStarts(inserted), clampListener);
        }
        int delta = inserted.length() - (end - start);
        int[] old = lineStarts;
        int lineCount = old.length;
        // In the new text N, a line start p < start depends on N[p - 1] and N[p], both before the edit:
        // kept. Those p > start + inserted.length() depend on text after the edit: shifted. The
        // positions in between are scanned again.
        int keepBefore = lowerBound(old, start);
        int keepAfter = upperBound(old, end);
        int scanTo = start + inserted.length();
        int[] found = null;
        int foundCount = 0;
        for (int p = start; p <= scanTo; p++) {
            if (isLineStartAfterEdit(p, start, end, inserted)) {
                if (found == null) {
                    found = new int[Math.min(16, scanTo - p + 1)];
                } else if (foundCount == found.length) {
                    found = Arrays.copyOf(found, Math.min(found.length * 2, scanTo - start + 1));
                }
                found[foundCount++] = p;
            }
        }
        int tail = lineCount - keepAfter;
        int[] starts = new int[keepBefore + foundCount + tail];
        System.arraycopy(old, 0, starts, 0, keepBefore);
        if (foundCount > 0) {
            System.arraycopy(found, 0, starts, keepBefore, foundCount);
        }
        int at = keepBefore + foundCount;
        if (delta == 0) {
            System.arraycopy(old, keepAfter, starts, at, tail);
        } else {
            for (int i = 0; i < tail; i++) {
                starts[at + i] = old[keepAfter + i] + delta;
            }
        }
        return new Document(text.replace(start, end, inserted), newVersion, starts, clampListener);
    }

    @Override
    public String toString() {
        return "Document[version=" + version + ", length=" + text.length() + ", lines=" + lineStarts.length + "]";
    }

    // ------------------------------------------------------------------ internals

    private static String describe(Position position, PositionEncoding encoding) {
        return "position " + position + " (" + encoding.lspName() + ")";
    }

    /** Units of {@code encoding} in {@code [from, to)}, which lie on one line. */
    private int measure(int from, int to, PositionEncoding encoding) {
        return encoding == PositionEncoding.UTF16 ? to - from : encoding.length(text.substring(from, to));
    }

    /**
     * Whether a line starts at {@code p} of the new text (the start of the text, or right after a
     * line break), for {@code start <= p <= start + inserted.length()}, read from this (old) text
     * and the inserted text without building the new text.
     */
    private boolean isLineStartAfterEdit(int p, int start, int end, String inserted) {
        if (p == 0) {
            return true;
        }
        int insertedEnd = start + inserted.length();
        char before = p - 1 < start ? text.charAt(p - 1) : inserted.charAt(p - 1 - start);
        if (before == '\n') {
            return true;
        }
        if (before != '\r') {
            return false;
        }
        if (p < insertedEnd) {
            return inserted.charAt(p - start) != '\n';
        }
        return end == text.length() || text.charAt(end) != '\n';
    }

    private static int[] scanLineStarts(String text) {
        int[] starts = new int[Math.max(16, text.length() / 32)];
        int count = 1;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c > '\r') {
                continue;
            }
            if (c == '\n' || (c == '\r' && (i + 1 == length || text.charAt(i + 1) != '\n'))) {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        return Arrays.copyOf(starts, count);
    }

    /** First index whose value is {@code >= key}. */
    private static int lowerBound(int[] values, int key) {
        int low = 0;
        int high = values.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (values[mid] < key) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** First index whose value is {@code > key}. */
    private static int upperBound(int[] values, int key) {
        int low = 0;
        int high = values.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (values[mid] <= key) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
