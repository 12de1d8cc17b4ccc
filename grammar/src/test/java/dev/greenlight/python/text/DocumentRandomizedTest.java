package dev.greenlight.python.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link Document#apply} against a naive rebuild of the string ({@link NaiveText}) over thousands
 * of random edits: text with CRLF, CR, LF, emoji, CJK, combining marks; positions in all three
 * encodings, some of them out of range; raw offset edits that may split pairs and CRLFs.
 */
class DocumentRandomizedTest {

    private static final String[] PIECES = {
        "a", "b", "x", " ", "    ", "def ", "(", ")", ":", "\n", "\n", "\r\n", "\r", "\r\n\r\n", "\n\r",
        "\uD83D\uDE00", "\uD83D\uDC4D\uD83C\uDFFD", "\u4E2D", "\u6587", "e\u0301", "\u00E9", "\t", "'''",
    };
    private static final int STEPS = 4000;

    @ParameterizedTest(name = "seed {0}, chunks of {1}")
    @CsvSource({"1, 4096", "2, 4096", "3, 1", "4, 3", "5, 8", "6, 16", "42, 64", "20240611, 200"})
    void applyMatchesNaiveRebuild(long seed, int chunkSize) {
        Random random = new Random(seed);
        String expected = randomText(random, 40);
        Document document = Document.of(expected, 0, ClampListener.IGNORE, chunkSize);
        int changesApplied = 0;
        for (int step = 1; step <= STEPS; step++) {
            PositionEncoding encoding = PositionEncoding.values()[random.nextInt(3)];
            int count = 1 + (random.nextInt(10) == 0 ? random.nextInt(4) : 0);
            List<Change> changes = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Change change = randomChange(random, expected, encoding);
                changes.add(change);
                expected = naiveApply(expected, change, encoding);
            }
            String context = "seed " + seed + " step " + step + " " + encoding + " " + describe(changes);
            document = document.apply(changes, step, encoding);
            changesApplied += count;
            // before text(), which caches the flat string: these read the chunks
            assertEquals(expected.length(), document.length(), context);
            checkChars(random, document, expected, context);
            checkPositions(random, document, expected, context);
            assertArrayEquals(NaiveText.lineStarts(expected), document.lineStarts(), context);
            assertEquals(expected, random.nextBoolean() ? document.chars().toString() : document.text(), context);
            assertEquals(step, document.version());
            if (random.nextInt(8) == 0) {
                // a raw offset edit, which may split a surrogate pair or a CRLF
                int a = random.nextInt(expected.length() + 1);
                int b = Math.min(expected.length(), a + random.nextInt(4));
                String inserted = random.nextBoolean() ? randomText(random, 2) : "";
                expected = expected.substring(0, a) + inserted + expected.substring(b);
                document = document.replace(a, b, inserted, step);
                assertEquals(expected, document.text(), context + " raw " + a + ".." + b);
                assertArrayEquals(NaiveText.lineStarts(expected), document.lineStarts(), context + " raw");
            }
            if (expected.length() > 3000) {
                expected = expected.substring(0, 200);
                document = document.replace(200, document.length(), "", step);
            }
        }
        assertEquals(true, changesApplied >= STEPS);
    }

    private static void checkChars(Random random, Document document, String text, String context) {
        for (int i = 0; i < 4 && !text.isEmpty(); i++) {
            int at = random.nextInt(text.length());
            assertEquals(text.charAt(at), document.charAt(at), context + " charAt " + at);
        }
        int from = random.nextInt(text.length() + 1);
        int to = from + random.nextInt(text.length() - from + 1);
        assertEquals(text.substring(from, to), document.substring(from, to), context + " substring " + from + ".." + to);
    }

    private static void checkPositions(Random random, Document document, String text, String context) {
        for (int i = 0; i < 3; i++) {
            PositionEncoding encoding = PositionEncoding.values()[random.nextInt(3)];
            Position position = randomPosition(random, text, encoding);
            int offset = NaiveText.offset(text, position, encoding);
            assertEquals(offset, document.offset(position, encoding), context + " offset of " + position + " " + encoding);
            if (!insidePairOrCrlf(text, offset)) {
                assertEquals(NaiveText.position(text, offset, encoding), document.position(offset, encoding), context + " position of " + offset);
            }
        }
    }

    private static boolean insidePairOrCrlf(String text, int offset) {
        if (offset <= 0 || offset >= text.length()) {
            return false;
        }
        char c = text.charAt(offset);
        char before = text.charAt(offset - 1);
        return (c == '\n' && before == '\r') || (Character.isLowSurrogate(c) && Character.isHighSurrogate(before));
    }

    private static Change randomChange(Random random, String text, PositionEncoding encoding) {
        int kind = random.nextInt(100);
        if (kind < 2) {
            return Change.full(randomText(random, 30));
        }
        Position start = randomPosition(random, text, encoding);
        Position end;
        if (kind < 40) {
            end = start;
        } else if (kind < 95) {
            int startOffset = NaiveText.offset(text, start, encoding);
            int endOffset = Math.min(text.length(), startOffset + random.nextInt(kind < 90 ? 6 : 200));
            end = NaiveText.position(text, snap(text, endOffset), encoding);
        } else {
            end = randomPosition(random, text, encoding); // may come before start, or be out of range
        }
        String inserted = kind >= 40 && random.nextInt(3) == 0 ? "" : randomText(random, random.nextInt(10) == 0 ? 40 : 3);
        return Change.replace(new Range(start, end), inserted);
    }

    private static int snap(String text, int offset) {
        return insidePairOrCrlf(text, offset) ? offset - 1 : offset;
    }

    private static Position randomPosition(Random random, String text, PositionEncoding encoding) {
        int kind = random.nextInt(100);
        if (kind < 85) {
            return NaiveText.position(text, snap(text, random.nextInt(text.length() + 1)), encoding);
        }
        int lines = NaiveText.lineStarts(text).length;
        int line = kind < 88 ? -1 - random.nextInt(2) : random.nextInt(lines + 3);
        int character = kind < 92 ? -random.nextInt(3) : random.nextInt(12);
        return new Position(line, character);
    }

    private static String naiveApply(String text, Change change, PositionEncoding encoding) {
        if (change.range() == null) {
            return change.text();
        }
        int a = NaiveText.offset(text, change.range().start(), encoding);
        int b = NaiveText.offset(text, change.range().end(), encoding);
        if (b < a) {
            int t = a;
            a = b;
            b = t;
        }
        return text.substring(0, a) + change.text() + text.substring(b);
    }

    private static String randomText(Random random, int maxPieces) {
        int n = random.nextInt(maxPieces + 1);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return s.toString();
    }

    private static String describe(List<Change> changes) {
        StringBuilder s = new StringBuilder();
        for (Change c : changes) {
            s.append(c.range()).append("<-\"").append(c.text().replace("\r", "\\r").replace("\n", "\\n")).append("\" ");
        }
        return s.toString();
    }
}
