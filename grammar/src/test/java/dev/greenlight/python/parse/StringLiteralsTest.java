package dev.greenlight.python.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenlight.python.ast.Bytes;
import org.junit.jupiter.api.Test;

class StringLiteralsTest {

    private static Object value(String token) {
        StringLiterals.Value v = StringLiterals.decode(token);
        assertNull(v.error(), token);
        return v.value();
    }

    private static String error(String token) {
        return StringLiterals.decode(token).error();
    }

    @Test
    void quotesAndTripleQuotes() {
        assertEquals("abc", value("'abc'"));
        assertEquals("abc", value("\"abc\""));
        assertEquals("", value("''"));
        assertEquals("", value("''''''"));
        assertEquals("a'b\"c", value("'''a'b\"c'''"));
        assertEquals("line 1\nline 2", value("\"\"\"line 1\nline 2\"\"\""));
        assertEquals("it's", value("'it\\'s'"));
        assertEquals("a\\", value("'a\\\\'"));
    }

    @Test
    void prefixes() {
        for (String p : new String[] {"r", "R"}) {
            assertEquals("\\n\\d", value(p + "'\\n\\d'"));
        }
        for (String p : new String[] {"b", "B"}) {
            assertEquals(new Bytes("a\n"), value(p + "'a\\n'"));
        }
        for (String p : new String[] {"br", "Br", "bR", "BR", "rb", "rB", "Rb", "RB"}) {
            assertEquals(new Bytes("a\\n"), value(p + "'a\\n'"));
        }
        StringLiterals.Value u = StringLiterals.decode("u'x\\ty'");
        assertEquals("x\ty", u.value());
        assertTrue(u.uPrefix());
        assertEquals("u", u.kind());
        StringLiterals.Value plain = StringLiterals.decode("'x'");
        assertFalse(plain.uPrefix());
        assertNull(plain.kind());
        assertFalse(plain.isBytes());
        assertTrue(StringLiterals.decode("b''").isBytes());
        assertTrue(StringLiterals.decode("U\"x\"").uPrefix());
    }

    @Test
    void simpleEscapes() {
        assertEquals("\\'\"\u0007\b\f\n\r\t\u000b", value("'\\\\\\'\\\"\\a\\b\\f\\n\\r\\t\\v'"));
        assertEquals("\u0000A\u00ff\u01ff", value("'\\0\\101\\377\\777'"));
        assertEquals("\u0001" + "8", value("'\\18'"));
        assertEquals("AÿA", value("'\\x41\\xff\\x41'"));
        assertEquals("é\u20ac\uD83D\uDE00", value("'\\u00e9\\u20AC\\U0001F600'"));
    }

    @Test
    void namedEscapes() {
        assertEquals("1•a", value("'\\N{DIGIT ONE}\\N{BULLET}\\N{latin small letter a}'"));
        assertEquals("(unicode error) 'unicodeescape' codec can't decode bytes in position 0-6: "
            + "unknown Unicode character name", error("'\\N{foo}'"));
        assertEquals("(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: "
            + "malformed \\N character escape", error("'\\N{'"));
        assertEquals("(unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: "
            + "malformed \\N character escape", error("'\\Nx'"));
        // Not an escape in bytes and raw strings.
        assertEquals(new Bytes("\\N{DIGIT ONE}"), value("b'\\N{DIGIT ONE}'"));
        assertEquals("\\N{DIGIT ONE}", value("r'\\N{DIGIT ONE}'"));
    }

    @Test
    void unknownEscapesAreKept() {
        assertEquals("\\d\\w\\ \\{", value("'\\d\\w\\ \\{'"));
        assertEquals(new Bytes("\\u1234\\q"), value("b'\\u1234\\q'"));
    }

    @Test
    void truncatedEscapes() {
        assertEquals("(unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: "
            + "truncated \\xXX escape", error("'\\x'"));
        assertEquals("(unicode error) 'unicodeescape' codec can't decode bytes in position 2-4: "
            + "truncated \\xXX escape", error("'ab\\x4'"));
        // Non-ASCII characters count ten bytes in CPython's position.
        assertEquals("(unicode error) 'unicodeescape' codec can't decode bytes in position 10-11: "
            + "truncated \\xXX escape", error("'é\\x'"));
        assertEquals("(unicode error) 'unicodeescape' codec can't decode bytes in position 0-3: "
            + "truncated \\uXXXX escape", error("'\\u12'"));
        assertEquals("(unicode error) 'unicodeescape' codec can't decode bytes in position 0-5: "
            + "truncated \\UXXXXXXXX escape", error("'\\U1234'"));
        assertEquals("(unicode error) 'unicodeescape' codec can't decode bytes in position 0-9: "
            + "illegal Unicode character", error("'\\U00110000'"));
        assertEquals("(value error) invalid \\x escape at position 0", error("b'\\x'"));
        assertEquals("(value error) invalid \\x escape at position 2", error("b'ab\\x4g'"));
    }

    @Test
    void bytes() {
        assertEquals(new Bytes("\u00ff\u0000\u00ff"), value("b'\\xff\\x00\\377'"));
        // Octal escapes above 0o377 keep the low byte in bytes.
        assertEquals(new Bytes("\u00ff"), value("b'\\777'"));
        StringLiterals.Value v = StringLiterals.decode("b'é'");
        assertEquals("bytes can only contain ASCII literal characters", v.error());
        assertTrue(v.isBytes());
    }

    @Test
    void lineBreaks() {
        // Source line breaks are \n, whatever the file used.
        assertEquals("a\nb\nc", value("'''a\r\nb\rc'''"));
        assertEquals("a\nb", value("r'''a\r\nb'''"));
        assertEquals(new Bytes("a\nb"), value("b'''a\r\nb'''"));
        // Backslash-newline continues the literal on the next line (not in raw literals).
        assertEquals("ab", value("'a\\\nb'"));
        assertEquals("ab", value("'a\\\r\nb'"));
        assertEquals("ab", value("\"\"\"a\\\r\nb\"\"\""));
        assertEquals("a\\\nb", value("r'a\\\r\nb'"));
        assertEquals(new Bytes("ab"), value("b'a\\\nb'"));
    }

    @Test
    void unterminatedLiteralsDecodeWhatThereIs() {
        assertEquals("abc", StringLiterals.decode("'abc").value());
        assertEquals("abc\n", StringLiterals.decode("'''abc\n").value());
        assertEquals("", StringLiterals.decode("'''").value());
    }

    @Test
    void fStringMiddles() {
        assertEquals("a{b}c", StringLiterals.decodeFStringMiddle("a{{b}}c", false, false));
        assertEquals("tab\there", StringLiterals.decodeFStringMiddle("tab\\there", false, false));
        assertEquals("tab\\there{", StringLiterals.decodeFStringMiddle("tab\\there{{", true, false));
        assertEquals("1", StringLiterals.decodeFStringMiddle("\\N{DIGIT ONE}", false, false));
        assertEquals("\\N", StringLiterals.decodeFStringMiddle("\\N", true, false));
        assertEquals(">10", StringLiterals.decodeFStringMiddle(">10", false, true));
        assertEquals("\n", StringLiterals.decodeFStringMiddle("\r\n", false, false));
        assertEquals("\u001b]9;\\", StringLiterals.decodeFStringMiddle("\\x1b]9;\\\\", false, false));
        // A backslash before a brace escapes nothing.
        assertEquals("\\{", StringLiterals.decodeFStringMiddle("\\{{", false, false));
        assertEquals("(unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: "
            + "truncated \\xXX escape", StringLiterals.decodeFStringMiddleValue("\\x", false, false).error());
    }
}
