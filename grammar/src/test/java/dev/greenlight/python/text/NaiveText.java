package dev.greenlight.python.text;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deliberately simple reference for the text model, written apart from {@link Document}: lines
 * found by a regular expression, characters counted by encoding each code point with the JDK.
 */
final class NaiveText {

    private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n");

    private NaiveText() {
    }

    static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        Matcher m = LINE_BREAK.matcher(text);
        while (m.find()) {
            starts.add(m.end());
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** [start, contentEnd) of each line. */
    static List<int[]> lines(String text) {
        List<int[]> lines = new ArrayList<>();
        Matcher m = LINE_BREAK.matcher(text);
        int start = 0;
        while (m.find()) {
            lines.add(new int[] {start, m.start()});
            start = m.end();
        }
        lines.add(new int[] {start, text.length()});
        return lines;
    }

    /** Units of one code point; a lone surrogate stands for U+FFFD. */
    static int units(int codePoint, PositionEncoding encoding) {
        if (Character.isSurrogate((char) codePoint) && codePoint < 0x10000) {
            codePoint = 0xFFFD;
        }
        String s = new String(Character.toChars(codePoint));
        switch (encoding) {
            case UTF8:
                return s.getBytes(StandardCharsets.UTF_8).length;
            case UTF16:
                return s.length();
            default:
                return 1;
        }
    }

    /** VS Code's clamping, spelled out. */
    static int offset(String text, Position position, PositionEncoding encoding) {
        List<int[]> lines = lines(text);
        if (position.line() < 0) {
            return 0;
        }
        if (position.line() >= lines.size()) {
            return text.length();
        }
        int[] line = lines.get(position.line());
        if (position.character() < 0) {
            return line[0];
        }
        int units = 0;
        int i = line[0];
        while (i < line[1]) {
            int cp = text.codePointAt(i);
            int width = units(cp, encoding);
            if (position.character() < units + width) {
                return i; // at the start of this character, or inside it
            }
            units += width;
            i += Character.charCount(cp);
        }
        return line[1];
    }

    /** Position of an offset that is in range and not inside a pair or a CRLF. */
    static Position position(String text, int offset, PositionEncoding encoding) {
        List<int[]> lines = lines(text);
        for (int l = lines.size() - 1; l >= 0; l--) {
            int[] line = lines.get(l);
            if (line[0] <= offset) {
                int units = 0;
                for (int i = line[0]; i < offset; ) {
                    int cp = text.codePointAt(i);
                    units += units(cp, encoding);
                    i += Character.charCount(cp);
                }
                return new Position(l, units);
            }
        }
        throw new AssertionError();
    }
}
