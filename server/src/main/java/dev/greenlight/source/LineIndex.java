package dev.greenlight.source;

import dev.greenlight.python.ast.Span;
import java.util.Arrays;

/**
 * Line starts of a text, for turning UTF-16 offsets into lines and columns of every kind that
 * greenlight reports: 1-based character (code point) columns for the CLI, as Ruff prints them;
 * UTF-16 columns for LSP; UTF-8 byte columns as CPython's {@code ast} has them. {@code \r\n},
 * {@code \r} and {@code \n} all end a line, as in CPython's tokenizer.
 */
public final class LineIndex {

    private final String text;
    private final int[] lineStarts;
    private final int lineCount;

    public LineIndex(String text) {
        this.text = text;
        int[] starts = new int[Math.max(16, text.length() / 32)];
        int lines = 1;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= length || text.charAt(i + 1) != '\n'))) {
                if (lines == starts.length) {
                    starts = Arrays.copyOf(starts, lines * 2);
                }
                starts[lines++] = i + 1;
            }
        }
        this.lineStarts = starts;
        this.lineCount = lines;
    }

    public String text() {
        return text;
    }

    /** Number of lines; a text that ends with a newline has an empty last line. */
    public int lineCount() {
        return lineCount;
    }

    /** The 0-based line holding {@code offset} (clamped to the text). */
    public int line(int offset) {
        int clamped = Math.max(0, Math.min(offset, text.length()));
        int found = Arrays.binarySearch(lineStarts, 0, lineCount, clamped);
        return found >= 0 ? found : -found - 2;
    }

    public int lineStart(int line) {
        return lineStarts[line];
    }

    /** Offset of the end of the line's content, before its terminator. */
    public int lineContentEnd(int line) {
        int end = line + 1 < lineCount ? lineStarts[line + 1] : text.length();
        while (end > lineStarts[line] && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return end;
    }

    /** Offset where the next line starts (or the end of the text for the last line). */
    public int lineEnd(int line) {
        return line + 1 < lineCount ? lineStarts[line + 1] : text.length();
    }

    /** The line's content without its terminator. */
    public String lineText(int line) {
        return text.substring(lineStarts[line], lineContentEnd(line));
    }

    /** The terminator of the first line that has one, else {@code \n}. */
    public String newline() {
        if (lineCount > 1) {
            int end = lineStarts[1];
            if (end >= 2 && text.charAt(end - 2) == '\r' && text.charAt(end - 1) == '\n') {
                return "\r\n";
            }
            return text.substring(end - 1, end);
        }
        return "\n";
    }

    /** 0-based UTF-16 column of {@code offset} in its line. */
    public int utf16Column(int offset) {
        return clamp(offset) - lineStarts[line(offset)];
    }

    /** 1-based column of {@code offset} counted in characters (code points), as Ruff prints it. */
    public int characterColumn(int offset) {
        int clamped = clamp(offset);
        int start = lineStarts[line(clamped)];
        return text.codePointCount(start, clamped) + 1;
    }

    /** 0-based column of {@code offset} counted in UTF-8 bytes, as CPython's {@code col_offset}. */
    public int utf8Column(int offset) {
        int clamped = clamp(offset);
        int bytes = 0;
        for (int i = lineStarts[line(clamped)]; i < clamped; ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
        }
        return bytes;
    }

    /** The offset of a 0-based line and UTF-16 column, clamped to the text and to the line. */
    public int offset(int line, int utf16Column) {
        if (line < 0) {
            return 0;
        }
        if (line >= lineCount) {
            return text.length();
        }
        int start = lineStarts[line];
        return Math.min(start + Math.max(0, utf16Column), lineContentEnd(line));
    }

    /** A span from {@code start} to {@code end} (UTF-16 offsets), with CPython's lines and columns. */
    public Span span(int start, int end) {
        int s = clamp(start);
        int e = Math.max(s, clamp(end));
        return new Span(s, e, line(s) + 1, utf8Column(s), line(e) + 1, utf8Column(e));
    }

    private int clamp(int offset) {
        return Math.max(0, Math.min(offset, text.length()));
    }
}
