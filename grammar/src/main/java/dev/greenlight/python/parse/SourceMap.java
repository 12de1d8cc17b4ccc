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
        int length = text.length();
        int[] starts = new int[16];
        boolean[] ascii = new boolean[16];
        ascii[0] = true;
        int lines = 1;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                ascii[lines - 1] = false;
            } else if (c == '\n' || (c == '\r' && (i + 1 >= length || text.charAt(i + 1) != '\n'))) {
                if (lines == starts.length) {
                    starts = Arrays.copyOf(starts, lines * 2);
                    ascii = Arrays.copyOf(ascii, lines * 2);
                }
                starts[lines] = i + 1;
                ascii[lines] = true;
                lines++;
            }
        }
        this.lineStarts = starts;
        this.asciiLines = ascii;
        this.lineCount = lines;
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
