package dev.greenlight.python.parse;

import dev.greenlight.python.ast.Span;
import java.util.Arrays;

/**
 * Turns UTF-16 offsets into {@link Span}s with CPython's positions: 1-based lines and columns
 * counted in UTF-8 bytes. {@code \r\n}, {@code \r} and {@code \n} all end a line, as in CPython's
 * tokenizer.
 */
final class SourceMap {

    private final String text;
    /** Offset where each line starts. */
    private final int[] lineStarts;
    private final int lineCount;
    /** Whether each line (0-based) is pure ASCII, so that its byte columns are char columns. */
    private final boolean[] asciiLines;

    SourceMap(String text) {
        this.text = text;
        LineScan scan = new LineScan(16);
        scan.add(0);
        scan.scan(text, 0, text.length());
        this.lineStarts = scan.starts;
        this.asciiLines = scan.ascii;
        this.lineCount = scan.count;
    }

    private SourceMap(String text, LineScan scan) {
        this.text = text;
        this.lineStarts = scan.starts;
        this.asciiLines = scan.ascii;
        this.lineCount = scan.count;
    }

    /**
     * The map of {@code newText}, which is this text with {@code [start, end)} replaced by
     * {@code inserted}: lines before the edit are kept, lines after it are moved, and only the
     * edited lines are scanned again.
     */
    SourceMap edited(int start, int end, String inserted, String newText) {
        int delta = inserted.length() - (end - start);
        // From the line holding the character before the edit (a '\r' there may join a '\n').
        int firstLine = lineIndex(Math.max(0, start - 1));
        // To the first old line that starts after the edit, whose text is untouched.
        int resume = firstLine + 1;
        while (resume < lineCount && lineStarts[resume] <= end) {
            resume++;
        }
        int scanEnd = resume < lineCount ? lineStarts[resume] + delta : newText.length();
        LineScan scan = new LineScan(lineCount + 16);
        System.arraycopy(lineStarts, 0, scan.starts, 0, firstLine + 1);
        System.arraycopy(asciiLines, 0, scan.ascii, 0, firstLine + 1);
        scan.count = firstLine + 1;
        scan.ascii[firstLine] = true;
        scan.scan(newText, lineStarts[firstLine], scanEnd);
        if (resume < lineCount) {
            // The scan ended on the line break before the resumed line, so that line is open.
            scan.count--;
            scan.ensure(scan.count + lineCount - resume);
            for (int line = resume; line < lineCount; line++) {
                scan.starts[scan.count] = lineStarts[line] + delta;
                scan.ascii[scan.count] = asciiLines[line];
                scan.count++;
            }
        }
        return new SourceMap(newText, scan);
    }

    /** Line starts and ASCII flags collected while scanning text. */
    private static final class LineScan {
        int[] starts;
        boolean[] ascii;
        int count;

        LineScan(int capacity) {
            starts = new int[capacity];
            ascii = new boolean[capacity];
        }

        void ensure(int capacity) {
            if (capacity > starts.length) {
                int size = Math.max(capacity, starts.length * 2);
                starts = Arrays.copyOf(starts, size);
                ascii = Arrays.copyOf(ascii, size);
            }
        }

        void add(int start) {
            ensure(count + 1);
            starts[count] = start;
            ascii[count] = true;
            count++;
        }

        /** Scans {@code text[from, to)}, which starts inside the last line added. */
        void scan(String text, int from, int to) {
            int length = text.length();
            for (int i = from; i < to; i++) {
                char c = text.charAt(i);
                if (c >= 0x80) {
                    ascii[count - 1] = false;
                } else if (c == '\n') {
                    add(i + 1);
                } else if (c == '\r' && (i + 1 >= length || text.charAt(i + 1) != '\n')) {
                    add(i + 1);
                }
            }
        }
    }

    int lineCount() {
        return lineCount;
    }

    String text() {
        return text;
    }

    /** The 0-based line that holds the char at {@code offset}. */
    int lineIndex(int offset) {
        int found = Arrays.binarySearch(lineStarts, 0, lineCount, offset);
        return found >= 0 ? found : -found - 2;
    }

    int utf8Column(int line, int offset) {
        int start = lineStarts[line];
        if (asciiLines[line]) {
            return offset - start;
        }
        int bytes = 0;
        for (int i = start; i < offset; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < offset && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /** The span from offset {@code start} to {@code end} (exclusive). */
    Span span(int start, int end) {
        int startLine = lineIndex(start);
        int endLine = end == start ? startLine : lineIndex(end);
        return new Span(start, end, startLine + 1, utf8Column(startLine, start), endLine + 1,
                utf8Column(endLine, end));
    }
}
