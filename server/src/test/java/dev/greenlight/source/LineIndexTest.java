package dev.greenlight.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.greenlight.python.ast.Span;
import org.junit.jupiter.api.Test;

class LineIndexTest {

    @Test
    void linesEndAtEveryKindOfNewline() {
        LineIndex lines = new LineIndex("a\nb\r\nc\rd");
        assertEquals(4, lines.lineCount());
        assertEquals("b", lines.lineText(1));
        assertEquals("c", lines.lineText(2));
        assertEquals(3, lines.line(7));
        assertEquals("\n", lines.newline());
        assertEquals("\r\n", new LineIndex("x\r\ny\r\n").newline());
    }

    @Test
    void columnsInEveryUnit() {
        // "é" is 1 UTF-16 unit and 2 UTF-8 bytes; "😀" is 2 UTF-16 units, 4 bytes, 1 character.
        String text = "x = 'é😀' + y\n";
        LineIndex lines = new LineIndex(text);
        int y = text.indexOf('y');
        assertEquals(12, lines.utf16Column(y));
        assertEquals(12, lines.characterColumn(y));
        assertEquals(15, lines.utf8Column(y));
        assertEquals(new Span(y, y + 1, 1, 15, 1, 16), lines.span(y, y + 1));
    }

    @Test
    void offsetsAreClamped() {
        LineIndex lines = new LineIndex("ab\ncd\n");
        assertEquals(2, lines.offset(0, 99));
        assertEquals(6, lines.offset(9, 0));
        assertEquals(0, lines.offset(-1, 3));
        assertEquals(4, lines.offset(1, 1));
    }
}
