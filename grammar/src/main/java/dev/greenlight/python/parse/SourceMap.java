package dev.greenlight.python.parse;

import dev.greenlight.python.ast.Span;
import java.util.Arrays;

/**
 * Turns the lexer's code point offsets into {@link Span}s: UTF-16 offsets for Java and LSP, and
 * CPython's 1-based lines with columns in UTF-8 bytes. {@code \r\n}, {@code \r} and {@code \n}
 * all end a line, as in CPython's tokenizer.
 */
final class SourceMap {

    private final String text;
    /** UTF-16 offset of each code point offset; null when the text has no surrogate pairs. */
    private final int[] utf16Offsets;
    /** Code point offset where each line starts. */
    private final int[] lineStarts;
    private final int lineCount;
    /** Whether each line (0-based) is pure ASCII, so that its byte columns are code point columns. */
    private final boolean[] asciiLines;

    SourceMap(String text) {
        this.text = text;
        int length = text.length();
        int codePoints = text.codePointCount(0, length);
        int[] utf16 = null;
        if (codePoints != length) {
            utf16 = new int[codePoints + 1];
        }
        int[] starts = new int[16];
        boolean[] ascii = new boolean[16];
        starts[0] = 0;
        ascii[0] = true;
        int lines = 1;
        int cp = 0;
        for (int i = 0; i < length; cp++) {
            if (utf16 != null) {
                utf16[cp] = i;
            }
            char c = text.charAt(i);
            int width = Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1)) ? 2 : 1;
            i += width;
            boolean lineEnd = c == '\n' || (c == '\r' && (i >= length || text.charAt(i) != '\n'));
            if (c >= 0x80) {
                ascii[lines - 1] = false;
            }
            if (lineEnd) {
                if (lines == starts.length) {
                    starts = Arrays.copyOf(starts, lines * 2);
                    ascii = Arrays.copyOf(ascii, lines * 2);
                }
                starts[lines] = cp + 1;
                ascii[lines] = true;
                lines++;
            }
        }
        if (utf16 != null) {
            utf16[codePoints] = length;
        }
        this.utf16Offsets = utf16;
        this.lineStarts = starts;
        this.asciiLines = ascii;
        this.lineCount = lines;
    }

    String text() {
        return text;
    }

    int utf16Offset(int codePointOffset) {
        return utf16Offsets == null ? codePointOffset : utf16Offsets[codePointOffset];
    }

    /** The 0-based line that holds the code point at {@code offset}. */
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
        int end = utf16Offset(offset);
        for (int i = utf16Offset(start); i < end; ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
        }
        return bytes;
    }

    /** The span from code point offset {@code start} to {@code end} (exclusive). */
    Span span(int start, int end) {
        int startLine = lineIndex(start);
        int endLine = end == start ? startLine : lineIndex(end);
        return new Span(utf16Offset(start), utf16Offset(end), startLine + 1, utf8Column(startLine, start),
                endLine + 1, utf8Column(endLine, end));
    }
}
