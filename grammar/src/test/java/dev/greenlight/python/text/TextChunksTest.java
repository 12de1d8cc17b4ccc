package dev.greenlight.python.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class TextChunksTest {

    @Test
    void aTextFromAStringKeepsIt() {
        String s = "x".repeat(20_000);
        TextChunks t = TextChunks.of(s);
        assertSame(s, t.toString());
        assertEquals(5, t.chunkCount());
        assertTrue(t.isFlat());
    }

    @Test
    void editsTouchOnlyTheirChunksAndFlattenOnDemand() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 30_000; i++) {
            b.append((char) ('a' + i % 26));
        }
        String s = b.toString();
        TextChunks t = TextChunks.of(s).replace(10_000, 10_001, "XY");
        assertFalse(t.isFlat());
        assertEquals(30_001, t.length());
        assertEquals('X', t.charAt(10_000));
        assertEquals('Y', t.charAt(10_001));
        assertEquals(s.charAt(10_001), t.charAt(10_002));
        assertEquals(s.substring(4000, 10_000) + "XY" + s.substring(10_001, 20_000), t.substring(4000, 20_001));
        String flat = t.toString();
        assertEquals(s.substring(0, 10_000) + "XY" + s.substring(10_001), flat);
        assertSame(flat, t.toString());
    }

    @Test
    void emptyAndWholeReplacements() {
        TextChunks empty = TextChunks.of("", 4);
        assertEquals(0, empty.length());
        assertEquals(0, empty.chunkCount());
        assertEquals("", empty.toString());
        TextChunks t = empty.replace(0, 0, "hello world");
        assertEquals("hello world", t.toString());
        assertEquals("", t.replace(0, 11, "").toString());
        assertEquals("", TextChunks.of("abcdefghijklmnop", 4).replace(2, 16, "").replace(0, 2, "").toString());
        assertThrows(StringIndexOutOfBoundsException.class, () -> t.charAt(11));
        assertThrows(StringIndexOutOfBoundsException.class, () -> t.substring(3, 12));
    }

    @Test
    void randomEditsWithTinyChunks() {
        Random random = new Random(7);
        for (int chunk : new int[] {1, 2, 5, 32}) {
            String expected = "seed";
            TextChunks t = TextChunks.of(expected, chunk);
            for (int step = 0; step < 3000; step++) {
                int a = random.nextInt(expected.length() + 1);
                int e = Math.min(expected.length(), a + random.nextInt(random.nextInt(10) == 0 ? 300 : 5));
                String inserted = "0123456789abcdefghij".repeat(random.nextInt(10) == 0 ? 8 : 1).substring(0, random.nextInt(8));
                expected = expected.substring(0, a) + inserted + expected.substring(e);
                t = t.replace(a, e, inserted);
                assertEquals(expected.length(), t.length());
                if (!expected.isEmpty()) {
                    int at = random.nextInt(expected.length());
                    assertEquals(expected.charAt(at), t.charAt(at), "chunk " + chunk + " step " + step);
                }
                int from = random.nextInt(expected.length() + 1);
                int to = from + random.nextInt(expected.length() - from + 1);
                assertEquals(expected.substring(from, to), t.substring(from, to));
                if (step % 100 == 0) {
                    assertEquals(expected, t.toString());
                }
                if (expected.length() > 2000) {
                    t = t.replace(500, expected.length(), "");
                    expected = expected.substring(0, 500);
                }
            }
            assertEquals(expected, t.toString());
        }
    }
}
