package dev.greenlight.python.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.greenlight.python.ast.Span;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SourceMapTest {

    @Test
    void columnsCountUtf8BytesAndLinesEndWithAnyBreak() {
        SourceMap map = new SourceMap("a = 'é'\r\nb = '😀'\rc\n");
        assertEquals(new Span(0, 1, 1, 0, 1, 1), map.span(0, 1));
        // 'é' is two bytes: the closing quote of line 1 is at byte 7.
        assertEquals(new Span(6, 7, 1, 7, 1, 8), map.span(6, 7));
        // The emoji is two UTF-16 units and four bytes.
        assertEquals(new Span(14, 16, 2, 5, 2, 9), map.span(14, 16));
        assertEquals(new Span(18, 19, 3, 0, 3, 1), map.span(18, 19));
    }

    @Test
    void anEditedMapEqualsAFreshOne() {
        Random random = new Random(7);
        String[] pieces = {"\n", "\r", "\r\n", "é", "😀", "x", "  ", "def f():\n"};
        String text = "x = 1\ny = 'é'\r\nz = 2\rw\n";
        SourceMap map = new SourceMap(text);
        for (int step = 0; step < 5000; step++) {
            int start = random.nextInt(text.length() + 1);
            int end = Math.min(text.length(), start + random.nextInt(4));
            String inserted = random.nextBoolean() ? "" : pieces[random.nextInt(pieces.length)];
            String newText = text.substring(0, start) + inserted + text.substring(end);
            SourceMap edited = map.edited(start, end, inserted, newText);
            SourceMap fresh = new SourceMap(newText);
            assertEquals(fresh.lineCount(), edited.lineCount(), newText);
            for (int offset = 0; offset <= newText.length(); offset++) {
                if (offset > 0 && offset < newText.length() && Character.isLowSurrogate(newText.charAt(offset))) {
                    continue;
                }
                assertEquals(fresh.span(offset, offset), edited.span(offset, offset), "offset " + offset + " of " + newText);
            }
            text = newText.length() > 200 ? "x = 1\n" : newText;
            map = text == newText ? edited : new SourceMap(text);
        }
    }
}
