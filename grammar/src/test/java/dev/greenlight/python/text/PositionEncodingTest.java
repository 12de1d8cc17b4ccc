package dev.greenlight.python.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PositionEncodingTest {

    private static final String EMOJI = "\uD83D\uDE00"; // U+1F600, 😀
    private static final String CJK = "\u4E2D\u6587"; // 中文
    private static final String COMBINING = "e\u0301"; // e + COMBINING ACUTE ACCENT

    @Test
    void lspNames() {
        assertEquals("utf-8", PositionEncoding.UTF8.lspName());
        assertEquals("utf-16", PositionEncoding.UTF16.lspName());
        assertEquals("utf-32", PositionEncoding.UTF32.lspName());
        for (PositionEncoding encoding : PositionEncoding.values()) {
            assertEquals(Optional.of(encoding), PositionEncoding.fromLspName(encoding.lspName()));
        }
    }

    @Test
    void unknownNamesAreEmpty() {
        assertEquals(Optional.empty(), PositionEncoding.fromLspName(null));
        assertEquals(Optional.empty(), PositionEncoding.fromLspName(""));
        assertEquals(Optional.empty(), PositionEncoding.fromLspName("utf8"));
        assertEquals(Optional.empty(), PositionEncoding.fromLspName("UTF-16"));
        assertEquals(Optional.empty(), PositionEncoding.fromLspName("utf-7"));
    }

    @Test
    void negotiationPrefersUtf16AndDefaultsToIt() {
        assertEquals(PositionEncoding.UTF16, PositionEncoding.negotiate(null));
        assertEquals(PositionEncoding.UTF16, PositionEncoding.negotiate(List.of()));
        assertEquals(PositionEncoding.UTF16, PositionEncoding.negotiate(List.of("utf-8", "utf-16")));
        assertEquals(PositionEncoding.UTF8, PositionEncoding.negotiate(List.of("utf-8")));
        assertEquals(PositionEncoding.UTF32, PositionEncoding.negotiate(List.of("bogus", "utf-32", "utf-8")));
        assertEquals(PositionEncoding.UTF16, PositionEncoding.negotiate(List.of("bogus")));
    }

    @Test
    void unitsPerCodePoint() {
        int[] codePoints = {'a', 0x7F, 0x80, 0xE9, 0x7FF, 0x800, 0x4E2D, 0xFFFF, 0x10000, 0x1F600, 0x10FFFF};
        int[] utf8 = {1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4};
        int[] utf16 = {1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2};
        for (int i = 0; i < codePoints.length; i++) {
            assertEquals(utf8[i], PositionEncoding.UTF8.units(codePoints[i]), "utf-8 " + Integer.toHexString(codePoints[i]));
            assertEquals(utf16[i], PositionEncoding.UTF16.units(codePoints[i]), "utf-16 " + Integer.toHexString(codePoints[i]));
            assertEquals(1, PositionEncoding.UTF32.units(codePoints[i]), "utf-32 " + Integer.toHexString(codePoints[i]));
            String s = new String(Character.toChars(codePoints[i]));
            assertEquals(s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length, PositionEncoding.UTF8.units(codePoints[i]));
        }
    }

    @Test
    void lengthsOfEmojiCjkAndCombiningCharacters() {
        assertLengths("", 0, 0, 0);
        assertLengths("abc", 3, 3, 3);
        assertLengths(EMOJI, 4, 2, 1);
        assertLengths("a" + EMOJI + "b", 6, 4, 3);
        assertLengths(CJK, 6, 2, 2);
        assertLengths(COMBINING, 3, 2, 2);
        assertLengths("\u00E9", 2, 1, 1); // precomposed é
        assertLengths(EMOJI + EMOJI + CJK + COMBINING + "x", 8 + 6 + 3 + 1, 4 + 2 + 2 + 1, 2 + 2 + 2 + 1);
        // 👍🏽: thumbs up + skin tone modifier, two code points, one glyph
        assertLengths("\uD83D\uDC4D\uD83C\uDFFD", 8, 4, 2);
    }

    @Test
    void loneSurrogatesCountAsReplacementCharacters() {
        assertLengths("\uD83D", 3, 1, 1);
        assertLengths("\uDE00", 3, 1, 1);
        assertLengths("\uDE00\uD83D", 6, 2, 2); // reversed pair: two lone surrogates
        assertLengths("a\uD83Db", 5, 3, 3);
    }

    @Test
    void lengthOfSubrange() {
        String s = "x" + EMOJI + CJK;
        assertEquals(4, PositionEncoding.UTF8.length(s, 1, 3));
        assertEquals(3, PositionEncoding.UTF8.length(s, 3, 4));
        assertEquals(1, PositionEncoding.UTF32.length(s, 1, 3));
        assertEquals(2, PositionEncoding.UTF16.length(s, 1, 3));
        // a range that cuts a pair counts the half it holds as a lone surrogate
        assertEquals(3, PositionEncoding.UTF8.length(s, 1, 2));
        assertEquals(1, PositionEncoding.UTF32.length(s, 2, 3));
    }

    private static void assertLengths(String s, int utf8, int utf16, int utf32) {
        assertEquals(utf8, PositionEncoding.UTF8.length(s), "utf-8 length of " + s);
        assertEquals(utf16, PositionEncoding.UTF16.length(s), "utf-16 length of " + s);
        assertEquals(utf32, PositionEncoding.UTF32.length(s), "utf-32 length of " + s);
    }
}
