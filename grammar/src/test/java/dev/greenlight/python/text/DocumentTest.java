package dev.greenlight.python.text;

import static dev.greenlight.python.text.PositionEncoding.UTF16;
import static dev.greenlight.python.text.PositionEncoding.UTF32;
import static dev.greenlight.python.text.PositionEncoding.UTF8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenlight.python.ast.Span;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentTest {

    private static final String EMOJI = "\uD83D\uDE00"; // 😀: 2 UTF-16 units, 4 UTF-8 bytes
    private static final String CJK = "\u4E2D\u6587"; // 中文: 3 UTF-8 bytes each
    private static final String COMBINING = "e\u0301"; // é as e + U+0301: 2 code points

    /** Collects clamp reports. */
    private static final class Clamps implements ClampListener {
        final List<ClampReason> reasons = new ArrayList<>();
        final List<String> requests = new ArrayList<>();

        @Override
        public void clamped(ClampReason reason, String requested, int offset) {
            reasons.add(reason);
            requests.add(requested);
        }
    }

    private static Document doc(String text, Clamps clamps) {
        return Document.of(text, 1, clamps);
    }

    private static Document doc(String text) {
        return Document.of(text, 1, (reason, requested, offset) -> {
            throw new AssertionError("unexpected clamp " + reason + " of " + requested);
        });
    }

    // ------------------------------------------------------------------ line index

    @Test
    void emptyDocument() {
        Document d = doc("");
        assertEquals(1, d.lineCount());
        assertEquals(0, d.length());
        assertEquals(0, d.lineStart(0));
        assertEquals(0, d.lineEnd(0));
        assertEquals("", d.lineText(0));
        assertEquals(0, d.lineOf(0));
        for (PositionEncoding e : PositionEncoding.values()) {
            assertEquals(Position.ZERO, d.position(0, e));
            assertEquals(0, d.offset(Position.ZERO, e));
            assertEquals(Position.ZERO, d.end(e));
            assertEquals(Range.of(0, 0, 0, 0), d.fullRange(e));
        }
    }

    @Test
    void lineBreaksLfCrlfCr() {
        assertLineStarts("a", 0);
        assertLineStarts("a\n", 0, 2);
        assertLineStarts("a\r\n", 0, 3);
        assertLineStarts("a\r", 0, 2);
        assertLineStarts("\n", 0, 1);
        assertLineStarts("\r\n", 0, 2);
        assertLineStarts("\r", 0, 1);
        assertLineStarts("\n\r", 0, 1, 2);
        assertLineStarts("\r\r\n", 0, 1, 3);
        assertLineStarts("\n\n\n", 0, 1, 2, 3);
        assertLineStarts("a\nb\r\nc\rd", 0, 2, 5, 7);
        assertLineStarts("a\nb\r\nc\rd\n", 0, 2, 5, 7, 9);
    }

    @Test
    void lineContentExcludesTheBreak() {
        Document d = doc("ab\r\ncd\ref\ngh");
        assertEquals(4, d.lineCount());
        assertEquals(List.of("ab", "cd", "ef", "gh"), lines(d));
        assertEquals(2, d.lineEnd(0));
        assertEquals(4, d.lineEndWithBreak(0));
        assertEquals(6, d.lineEnd(1));
        assertEquals(7, d.lineEndWithBreak(1));
        assertEquals(12, d.lineEnd(3));
        assertEquals(12, d.lineEndWithBreak(3));
    }

    @Test
    void finalLineWithAndWithoutNewline() {
        Document without = doc("x = 1\ny = 2");
        assertEquals(2, without.lineCount());
        assertEquals("y = 2", without.lineText(1));
        assertEquals(Position.of(1, 5), without.end(UTF16));
        Document with = doc("x = 1\ny = 2\n");
        assertEquals(3, with.lineCount());
        assertEquals("", with.lineText(2));
        assertEquals(Position.of(2, 0), with.end(UTF16));
        assertEquals(Position.of(2, 0), with.position(12, UTF16));
        assertEquals(12, with.offset(Position.of(2, 0), UTF16));
        Document crlf = doc("x\r\n");
        assertEquals(Position.of(1, 0), crlf.end(UTF8));
        Document cr = doc("x\r");
        assertEquals(Position.of(1, 0), cr.end(UTF8));
    }

    @Test
    void lineOf() {
        Document d = doc("ab\r\ncd\n\nx");
        int[] expected = {0, 0, 0, 0, 1, 1, 1, 2, 3, 3};
        for (int offset = 0; offset <= d.length(); offset++) {
            assertEquals(expected[offset], d.lineOf(offset), "offset " + offset);
        }
        assertEquals(0, d.lineOf(-5));
        assertEquals(3, d.lineOf(100));
    }

    // ------------------------------------------------------------------ positions

    @Test
    void emojiInEachEncoding() {
        // "a😀b\n😀" : offsets a=0, 😀=1..3, b=3, \n=4, second line 😀=5..7
        Document d = doc("a" + EMOJI + "b\n" + EMOJI);
        assertRoundTrip(d, 3, Position.of(0, 3), Position.of(0, 5), Position.of(0, 2));
        assertRoundTrip(d, 1, Position.of(0, 1), Position.of(0, 1), Position.of(0, 1));
        assertRoundTrip(d, 4, Position.of(0, 4), Position.of(0, 6), Position.of(0, 3));
        assertRoundTrip(d, 5, Position.of(1, 0), Position.of(1, 0), Position.of(1, 0));
        assertRoundTrip(d, 7, Position.of(1, 2), Position.of(1, 4), Position.of(1, 1));
        assertEquals(Position.of(1, 4), d.end(UTF8));
        assertEquals(Position.of(1, 1), d.end(UTF32));
    }

    @Test
    void cjkInEachEncoding() {
        Document d = doc("x=" + CJK + "\n");
        assertRoundTrip(d, 3, Position.of(0, 3), Position.of(0, 5), Position.of(0, 3));
        assertRoundTrip(d, 4, Position.of(0, 4), Position.of(0, 8), Position.of(0, 4));
        assertRoundTrip(d, 5, Position.of(1, 0), Position.of(1, 0), Position.of(1, 0));
    }

    @Test
    void combiningCharactersCountAsTheirCodePoints() {
        // "e\u0301x": LSP counts code units / code points, not graphemes
        Document d = doc(COMBINING + "x");
        assertRoundTrip(d, 1, Position.of(0, 1), Position.of(0, 1), Position.of(0, 1));
        assertRoundTrip(d, 2, Position.of(0, 2), Position.of(0, 3), Position.of(0, 2));
        assertRoundTrip(d, 3, Position.of(0, 3), Position.of(0, 4), Position.of(0, 3));
    }

    @Test
    void positionsAcrossCrlfCrAndLf() {
        Document d = doc("ab\r\n" + EMOJI + "\rc\n");
        // line 1 starts at 4, line 2 at 7, line 3 at 9
        assertRoundTrip(d, 4, Position.of(1, 0), Position.of(1, 0), Position.of(1, 0));
        assertRoundTrip(d, 6, Position.of(1, 2), Position.of(1, 4), Position.of(1, 1));
        assertRoundTrip(d, 7, Position.of(2, 0), Position.of(2, 0), Position.of(2, 0));
        assertRoundTrip(d, 8, Position.of(2, 1), Position.of(2, 1), Position.of(2, 1));
        assertRoundTrip(d, 9, Position.of(3, 0), Position.of(3, 0), Position.of(3, 0));
        assertRoundTrip(d, 2, Position.of(0, 2), Position.of(0, 2), Position.of(0, 2));
    }

    @Test
    void everyOffsetRoundTripsInEveryEncoding() {
        String text = "def f(\u00E9):\r\n    return '" + EMOJI + CJK + COMBINING + "'\r\rx" + EMOJI + "\n";
        Document d = doc(text);
        for (PositionEncoding e : PositionEncoding.values()) {
            for (int offset = 0; offset <= text.length(); offset++) {
                boolean insidePair = offset > 0 && offset < text.length()
                        && Character.isLowSurrogate(text.charAt(offset)) && Character.isHighSurrogate(text.charAt(offset - 1));
                boolean insideCrlf = offset > 0 && offset < text.length()
                        && text.charAt(offset) == '\n' && text.charAt(offset - 1) == '\r';
                if (insidePair || insideCrlf) {
                    continue;
                }
                Position p = d.position(offset, e);
                assertEquals(offset, d.offset(p, e), e + " offset " + offset + " -> " + p);
                assertFalse(d.resolve(p, e).clamped());
            }
        }
    }

    // ------------------------------------------------------------------ clamping

    @Test
    void negativeLineGoesToStartOfDocument() {
        Clamps clamps = new Clamps();
        Document d = doc("abc\ndef", clamps);
        assertEquals(0, d.offset(Position.of(-1, 2), UTF16));
        assertEquals(0, d.offset(Position.of(-1, -1), UTF8));
        assertEquals(List.of(ClampReason.NEGATIVE, ClampReason.NEGATIVE), clamps.reasons);
    }

    @Test
    void negativeCharacterGoesToStartOfLine() {
        Clamps clamps = new Clamps();
        Document d = doc("abc\ndef", clamps);
        assertEquals(4, d.offset(Position.of(1, -3), UTF32));
        assertEquals(List.of(ClampReason.NEGATIVE), clamps.reasons);
    }

    @Test
    void linePastEndGoesToEndOfDocument() {
        Clamps clamps = new Clamps();
        Document d = doc("abc\ndef", clamps);
        assertEquals(7, d.offset(Position.of(2, 0), UTF16));
        assertEquals(7, d.offset(Position.of(99, 99), UTF8));
        Document withNewline = doc("abc\n", clamps);
        assertEquals(4, withNewline.offset(Position.of(5, 0), UTF32));
        assertEquals(List.of(ClampReason.LINE_PAST_END, ClampReason.LINE_PAST_END, ClampReason.LINE_PAST_END), clamps.reasons);
        assertTrue(clamps.requests.get(1).contains("99:99"), clamps.requests.get(1));
        assertTrue(clamps.requests.get(1).contains("utf-8"), clamps.requests.get(1));
    }

    @Test
    void characterPastLineEndGoesBeforeTheLineBreak() {
        for (String lineBreak : List.of("\n", "\r\n", "\r")) {
            Clamps clamps = new Clamps();
            Document d = doc("ab" + lineBreak + "cd", clamps);
            for (PositionEncoding e : PositionEncoding.values()) {
                assertEquals(2, d.offset(Position.of(0, 3), e), e + " " + lineBreak.length());
                assertEquals(2, d.offset(Position.of(0, 100), e));
                assertEquals(d.length(), d.offset(Position.of(1, 3), e));
            }
            assertEquals(9, clamps.reasons.size());
            assertTrue(clamps.reasons.stream().allMatch(r -> r == ClampReason.CHARACTER_PAST_LINE_END));
        }
    }

    @Test
    void characterPastEndOfLineWithMultiByteCharacters() {
        Clamps clamps = new Clamps();
        Document d = doc(EMOJI + CJK + "\nz", clamps);
        assertEquals(4, d.offset(Position.of(0, 11), UTF8)); // 4 + 6 = 10 bytes
        assertEquals(4, d.offset(Position.of(0, 10), UTF8));
        assertEquals(4, d.offset(Position.of(0, 4), UTF32));
        assertEquals(4, d.offset(Position.of(0, 3), UTF32));
        assertEquals(List.of(ClampReason.CHARACTER_PAST_LINE_END, ClampReason.CHARACTER_PAST_LINE_END), clamps.reasons);
    }

    @Test
    void insideSurrogatePairSnapsToItsStart() {
        Clamps clamps = new Clamps();
        Document d = doc("a" + EMOJI + "b", clamps);
        assertEquals(1, d.offset(Position.of(0, 2), UTF16));
        assertEquals(List.of(ClampReason.INSIDE_CHARACTER), clamps.reasons);
        // at the line's end after a pair: not inside
        Document end = doc(EMOJI, clamps);
        assertEquals(2, end.offset(Position.of(0, 2), UTF16));
        assertEquals(0, end.offset(Position.of(0, 1), UTF16));
        assertEquals(List.of(ClampReason.INSIDE_CHARACTER, ClampReason.INSIDE_CHARACTER), clamps.reasons);
    }

    @Test
    void insideUtf8SequenceSnapsToItsStart() {
        Clamps clamps = new Clamps();
        Document d = doc("a" + EMOJI + CJK + "\u00E9", clamps);
        assertEquals(1, d.offset(Position.of(0, 2), UTF8));
        assertEquals(1, d.offset(Position.of(0, 3), UTF8));
        assertEquals(1, d.offset(Position.of(0, 4), UTF8));
        assertEquals(3, d.offset(Position.of(0, 5), UTF8));
        assertEquals(3, d.offset(Position.of(0, 7), UTF8));
        assertEquals(4, d.offset(Position.of(0, 8), UTF8));
        assertEquals(5, d.offset(Position.of(0, 12), UTF8)); // inside é (2 bytes at 11..13)
        assertEquals(6, d.offset(Position.of(0, 13), UTF8));
        assertEquals(List.of(ClampReason.INSIDE_CHARACTER, ClampReason.INSIDE_CHARACTER, ClampReason.INSIDE_CHARACTER,
                ClampReason.INSIDE_CHARACTER, ClampReason.INSIDE_CHARACTER), clamps.reasons);
    }

    @Test
    void resolveReturnsTheClampWithoutReporting() {
        Clamps clamps = new Clamps();
        Document d = doc("a" + EMOJI + "\nb", clamps);
        assertEquals(new ResolvedOffset(1, ClampReason.INSIDE_CHARACTER), d.resolve(Position.of(0, 2), UTF16));
        assertEquals(new ResolvedOffset(3, ClampReason.CHARACTER_PAST_LINE_END), d.resolve(Position.of(0, 4), UTF16));
        assertEquals(new ResolvedOffset(5, ClampReason.LINE_PAST_END), d.resolve(Position.of(2, 0), UTF16));
        assertEquals(new ResolvedOffset(0, ClampReason.NEGATIVE), d.resolve(Position.of(-1, 0), UTF16));
        ResolvedOffset exact = d.resolve(Position.of(1, 1), UTF8);
        assertEquals(5, exact.offset());
        assertFalse(exact.clamped());
        assertNull(exact.clamp());
        assertTrue(clamps.reasons.isEmpty());
    }

    @Test
    void offsetsOutOfRangeOrInsideACharacterAreClampedToPositions() {
        Clamps clamps = new Clamps();
        Document d = doc("a\r\n" + EMOJI, clamps);
        assertEquals(Position.ZERO, d.position(-4, UTF16));
        assertEquals(Position.of(1, 2), d.position(50, UTF16));
        assertEquals(Position.of(0, 1), d.position(2, UTF8)); // between \r and \n
        assertEquals(Position.of(1, 0), d.position(4, UTF8)); // inside the pair
        assertEquals(List.of(ClampReason.OFFSET_OUT_OF_RANGE, ClampReason.OFFSET_OUT_OF_RANGE,
                ClampReason.INSIDE_LINE_BREAK, ClampReason.INSIDE_CHARACTER), clamps.reasons);
    }

    @Test
    void clampsNeverThrowWithTheLoggingListener() {
        Document d = Document.of("x\n" + EMOJI);
        assertEquals(2, d.offset(Position.of(1, 1), UTF16)); // inside the pair
        assertEquals(Position.of(1, 2), d.position(Integer.MAX_VALUE, UTF16));
        assertEquals(Position.ZERO, d.position(Integer.MIN_VALUE, UTF32));
        assertEquals(d.length(), d.offset(Position.of(Integer.MAX_VALUE, Integer.MAX_VALUE), UTF8));
        assertEquals(0, d.offset(Position.of(Integer.MIN_VALUE, Integer.MIN_VALUE), UTF8));
    }

    // ------------------------------------------------------------------ ranges and spans

    @Test
    void spanToRange() {
        Document d = doc("x = '" + EMOJI + "'\r\ny = " + CJK + "\n");
        // the string literal '😀' spans offsets 4..8; CJK 14..16
        Span literal = new Span(4, 8, 1, 4, 1, 10);
        assertEquals(Range.of(0, 4, 0, 8), d.range(literal, UTF16));
        assertEquals(Range.of(0, 4, 0, 10), d.range(literal, UTF8));
        assertEquals(Range.of(0, 4, 0, 7), d.range(literal, UTF32));
        Span cjk = new Span(14, 16, 2, 4, 2, 10);
        assertEquals(Range.of(1, 4, 1, 6), d.range(cjk, UTF16));
        assertEquals(Range.of(1, 4, 1, 10), d.range(cjk, UTF8));
        Span whole = new Span(0, d.length(), 1, 0, 3, 0);
        assertEquals(Range.of(0, 0, 2, 0), d.range(whole, UTF8));
        assertEquals(Range.of(1, 0, 1, 0), d.range(10, 10, UTF8));
    }

    // ------------------------------------------------------------------ edits

    @Test
    void insertAtStart() {
        Document d = doc("a\nb");
        Document e = d.apply(List.of(Change.insert(Position.ZERO, "x\n")), 2, UTF16);
        assertDocument(e, "x\na\nb");
        assertEquals(2, e.version());
        assertDocument(d, "a\nb"); // unchanged
        assertEquals(1, d.version());
    }

    @Test
    void insertAtEnd() {
        Document d = doc("a\nb");
        Document e = d.apply(List.of(Change.insert(d.end(UTF16), "c\r\n")), 2, UTF16);
        assertDocument(e, "a\nbc\r\n");
        Document f = e.apply(List.of(Change.insert(e.end(UTF8), "z")), 3, UTF8);
        assertDocument(f, "a\nbc\r\nz");
        Document g = doc("").apply(List.of(Change.insert(Position.ZERO, "\n\n")), 2, UTF32);
        assertDocument(g, "\n\n");
    }

    @Test
    void replaceAcrossLines() {
        Document d = doc("def f():\n    return 1\n\ndef g():\n    pass\n");
        Document e = d.apply(List.of(Change.replace(Range.of(1, 11, 3, 5), "2\n\nclass G:\n  def h")), 2, UTF16);
        assertDocument(e, "def f():\n    return 2\n\nclass G:\n  def h():\n    pass\n");
        Document joined = e.apply(List.of(Change.delete(Range.of(1, 0, 5, 0))), 3, UTF16);
        assertDocument(joined, "def f():\n    pass\n");
    }

    @Test
    void replaceEverythingByRangeOrFullChange() {
        Document d = doc("a\r\nb\rc\n");
        assertDocument(d.apply(List.of(Change.replace(d.fullRange(UTF8), "x\ny")), 2, UTF8), "x\ny");
        assertDocument(d.apply(List.of(Change.full("p\rq")), 2, UTF8), "p\rq");
        assertDocument(d.withClampListener(ClampListener.IGNORE).apply(List.of(Change.replace(Range.of(0, 0, 99, 0), "new")), 2, UTF16), "new");
    }

    @Test
    void deleteEverything() {
        Document d = doc("line 1\r\nline " + EMOJI + "\n");
        Document byRange = d.apply(List.of(Change.delete(d.fullRange(UTF32))), 5, UTF32);
        assertDocument(byRange, "");
        assertEquals(5, byRange.version());
        assertDocument(d.apply(List.of(Change.full("")), 5, UTF16), "");
    }

    @Test
    void changesApplyInOrderEachAgainstThePreviousResult() {
        Document d = doc("abc\ndef\n");
        // like VS Code sends multi-cursor edits: the later changes come first, but each applies in turn
        Document e = d.apply(List.of(
                Change.insert(Position.of(1, 3), "!"),
                Change.insert(Position.of(0, 0), "X\n"),
                Change.replace(Range.of(2, 0, 2, 1), "D")), 7, UTF16);
        assertDocument(e, "X\nabc\nDef!\n");
        assertEquals(7, e.version());
        Document viaFull = d.apply(List.of(Change.full("zz"), Change.insert(Position.of(0, 1), "\r")), 8, UTF8);
        assertDocument(viaFull, "z\rz");
    }

    @Test
    void noChangesOnlyBumpTheVersion() {
        Document d = doc("abc");
        Document e = d.apply(List.of(), 9, UTF16);
        assertEquals(9, e.version());
        assertSame(d.text(), e.text());
    }

    @Test
    void editListenerSeesEachStep() {
        Document d = doc("ab\ncd");
        List<String> steps = new ArrayList<>();
        Document e = d.apply(List.of(
                Change.insert(Position.of(1, 2), "e"),
                Change.replace(Range.of(0, 1, 1, 1), "-"),
                Change.full("new")), 3, UTF16, (before, edit, after) ->
                        steps.add(before.text() + "|" + edit.start() + "," + edit.end() + "," + edit.text() + "|" + after.text()));
        assertDocument(e, "new");
        assertEquals(List.of("ab\ncd|5,5,e|ab\ncde", "ab\ncde|1,4,-|a-de", "a-de|0,4,new|new"), steps);
    }

    @Test
    void lineBreaksThatMergeOrSplitAcrossTheEditBoundary() {
        // "\n" typed right after a "\r": CR + LF become one CRLF
        Document d = doc("a\rb");
        assertDocument(d.apply(List.of(Change.insert(Position.of(1, 0), "\n")), 2, UTF16), "a\r\nb");
        // deleting what stood between \r and \n joins them
        Document sep = doc("a\rX\nb");
        assertDocument(sep.apply(List.of(Change.delete(Range.of(1, 0, 1, 1))), 2, UTF16), "a\r\nb");
        // raw offsets may split a CRLF
        Document crlf = doc("a\r\nb");
        assertDocument(crlf.replace(2, 2, "x", 2), "a\rx\nb");
        assertDocument(crlf.replace(1, 2, "", 2), "a\nb");
        assertDocument(crlf.replace(2, 3, "", 2), "a\rb");
        assertDocument(crlf.replace(2, 3, "\r", 2), "a\r\rb");
        // insert \r before an existing \n
        assertDocument(doc("a\nb").replace(1, 1, "\r", 2), "a\r\nb");
        assertDocument(doc("a\n").replace(2, 2, "\r", 2), "a\n\r");
        assertDocument(doc("\r").replace(1, 1, "\n", 2), "\r\n");
    }

    @Test
    void editsWithEmojiInEachEncoding() {
        Document d = doc("x" + EMOJI + "y\n" + CJK);
        assertDocument(d.apply(List.of(Change.replace(Range.of(0, 1, 0, 5), "E")), 2, UTF8), "xEy\n" + CJK);
        assertDocument(d.apply(List.of(Change.replace(Range.of(0, 1, 0, 3), "E")), 2, UTF16), "xEy\n" + CJK);
        assertDocument(d.apply(List.of(Change.replace(Range.of(0, 1, 0, 2), "E")), 2, UTF32), "xEy\n" + CJK);
        assertDocument(d.apply(List.of(Change.replace(Range.of(1, 3, 1, 6), EMOJI)), 2, UTF8), "x" + EMOJI + "y\n\u4E2D" + EMOJI);
    }

    @Test
    void clampedEditRanges() {
        Clamps clamps = new Clamps();
        Document d = doc("abc\ndef", clamps);
        // reversed range: swapped
        assertDocument(d.apply(List.of(Change.replace(Range.of(1, 1, 0, 1), "-")), 2, UTF16), "a-ef");
        // past the end: to the end
        assertDocument(d.apply(List.of(Change.replace(Range.of(1, 1, 7, 0), "!")), 2, UTF16), "abc\nd!");
        // character past the line end on the first line: before the break
        assertDocument(d.apply(List.of(Change.insert(Position.of(0, 40), "+")), 2, UTF16), "abc+\ndef");
        assertEquals(List.of(ClampReason.REVERSED_RANGE, ClampReason.LINE_PAST_END, ClampReason.CHARACTER_PAST_LINE_END), clamps.reasons);
        // an edit resolves to an Edit in offsets
        assertEquals(new Edit(1, 5, "-"), d.resolve(Change.replace(Range.of(1, 1, 0, 1), "-"), UTF16));
        assertEquals(new Edit(0, 7, "q"), d.resolve(Change.full("q"), UTF16));
    }

    @Test
    void clampListenerIsKeptAcrossEdits() {
        Clamps clamps = new Clamps();
        Document d = doc("abc", clamps).apply(List.of(Change.insert(Position.ZERO, "\n")), 2, UTF16);
        assertSame(clamps, d.clampListener());
        d.offset(Position.of(3, 0), UTF16);
        assertEquals(List.of(ClampReason.LINE_PAST_END), clamps.reasons);
        assertSame(ClampListener.IGNORE, d.withClampListener(ClampListener.IGNORE).clampListener());
    }

    @Test
    void rawEditsOutsideTheTextThrow() {
        Document d = doc("abc");
        assertThrows(IndexOutOfBoundsException.class, () -> d.replace(2, 4, "", 2));
        assertThrows(IllegalArgumentException.class, () -> new Edit(2, 1, ""));
        assertThrows(IllegalArgumentException.class, () -> new Edit(-1, 1, ""));
    }

    @Test
    void editOffsets() {
        Edit edit = new Edit(3, 5, "hello");
        assertEquals(3, edit.delta());
        assertEquals(8, edit.newEnd());
        assertEquals(2, edit.removedLength());
    }

    @Test
    void largeInsertionsAndPastes() {
        StringBuilder file = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            file.append("line ").append(i).append(i % 3 == 0 ? "\r\n" : i % 3 == 1 ? "\n" : "\r");
        }
        Document d = doc("head\ntail");
        Document e = d.apply(List.of(Change.insert(Position.of(1, 0), file.toString())), 2, UTF16);
        assertDocument(e, "head\n" + file + "tail");
        Document f = e.apply(List.of(Change.full(file.toString())), 3, UTF16);
        assertDocument(f, file.toString());
    }

    // ------------------------------------------------------------------ helpers

    private static void assertRoundTrip(Document d, int offset, Position utf16, Position utf8, Position utf32) {
        assertEquals(utf16, d.position(offset, UTF16), "utf-16 position of " + offset);
        assertEquals(utf8, d.position(offset, UTF8), "utf-8 position of " + offset);
        assertEquals(utf32, d.position(offset, UTF32), "utf-32 position of " + offset);
        assertEquals(offset, d.offset(utf16, UTF16));
        assertEquals(offset, d.offset(utf8, UTF8));
        assertEquals(offset, d.offset(utf32, UTF32));
    }

    private static void assertLineStarts(String text, int... expected) {
        Document d = doc(text);
        assertArrayEquals(expected, d.lineStarts(), "line starts of " + text.replace("\r", "\\r").replace("\n", "\\n"));
        assertEquals(expected.length, d.lineCount());
    }

    /** The text, and a line index equal to a fresh document's. */
    static void assertDocument(Document d, String expected) {
        assertEquals(expected, d.text());
        assertArrayEquals(Document.of(expected).lineStarts(), d.lineStarts(), "line index of " + expected.replace("\r", "\\r").replace("\n", "\\n"));
        assertArrayEquals(NaiveText.lineStarts(expected), d.lineStarts());
    }

    private static List<String> lines(Document d) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < d.lineCount(); i++) {
            lines.add(d.lineText(i));
        }
        return lines;
    }
}
