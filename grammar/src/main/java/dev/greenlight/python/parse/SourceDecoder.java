package dev.greenlight.python.parse;

import dev.greenlight.python.antlr.PythonLexer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.Token;

/**
 * Turns the bytes of a Python source file into text as CPython does (PEP 263, PEP 3120): a UTF-8
 * byte order mark means UTF-8; otherwise a coding declaration in a comment on line 1, or on line 2
 * when line 1 is blank or a comment, names the encoding; otherwise the source is UTF-8.
 *
 * <p>Errors do not stop decoding: the text is then decoded as well as possible (undecodable bytes
 * become U+FFFD; with an unknown encoding, as UTF-8), so that a tree can still be built.
 */
public final class SourceDecoder {

    private SourceDecoder() {
    }

    /**
     * @param text the source text, without the byte order mark
     * @param error CPython's error message, or null
     */
    public record DecodedSource(String text, String error) {
    }

    /** Decodes a source file's bytes; never throws. */
    public static DecodedSource decode(byte[] bytes) {
        int offset = 0;
        boolean bom = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
            && (bytes[2] & 0xFF) == 0xBF;
        if (bom) {
            offset = 3;
        }
        String cookie = findCookie(bytes, offset);
        if (cookie != null) {
            String normal = normalName(cookie);
            if (bom && !normal.equals("utf-8")) {
                return new DecodedSource(decodeUtf8(bytes, offset).text(), "encoding problem: " + normal + " with BOM");
            }
            if (!normal.equals("utf-8")) {
                Charset cs = charsetFor(cookie);
                if (cs == null) {
                    return new DecodedSource(decodeUtf8(bytes, offset).text(), "unknown encoding: " + cookie);
                }
                if (!cs.equals(StandardCharsets.UTF_8)) {
                    return decodeWith(bytes, offset, cs, pythonCodecName(cookie, cs));
                }
            }
        }
        return decodeUtf8(bytes, offset);
    }

    // ------------------------------------------------------------------------------------------
    // Coding declaration

    /** The encoding named on line 1 or 2, or null. */
    static String findCookie(byte[] b, int offset) {
        int lineStart = offset;
        for (int line = 1; line <= 2 && lineStart < b.length; line++) {
            int end = lineStart;
            while (end < b.length && b[end] != '\n' && b[end] != '\r') {
                end++;
            }
            String cookie = cookieOnLine(b, lineStart, end);
            if (cookie != null) {
                return cookie;
            }
            if (!blankOrComment(b, lineStart, end)) {
                return null;
            }
            // Skip the line break (\r\n counts as one).
            if (end < b.length && b[end] == '\r' && end + 1 < b.length && b[end + 1] == '\n') {
                end++;
            }
            lineStart = end + 1;
        }
        return null;
    }

    private static boolean blankOrComment(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            byte c = b[i];
            if (c == '#') {
                return true;
            }
            if (c != ' ' && c != '\t' && c != '\f') {
                return false;
            }
        }
        return true;
    }

    /** CPython's get_coding_spec: a comment line containing coding[:=] and a name. */
    private static String cookieOnLine(byte[] b, int from, int to) {
        int i = from;
        while (i < to && (b[i] == ' ' || b[i] == '\t' || b[i] == '\f')) {
            i++;
        }
        if (i >= to || b[i] != '#') {
            return null;
        }
        for (; i + 6 < to; i++) {
            if (b[i] == 'c' && b[i + 1] == 'o' && b[i + 2] == 'd' && b[i + 3] == 'i' && b[i + 4] == 'n'
                && b[i + 5] == 'g' && (b[i + 6] == ':' || b[i + 6] == '=')) {
                int t = i + 7;
                while (t < to && (b[t] == ' ' || b[t] == '\t')) {
                    t++;
                }
                int begin = t;
                while (t < to && isNameByte(b[t])) {
                    t++;
                }
                if (t > begin) {
                    return new String(b, begin, t - begin, StandardCharsets.US_ASCII);
                }
            }
        }
        return null;
    }

    private static boolean isNameByte(byte c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
            || c == '.';
    }

    /** CPython's get_normal_name: utf-8 and latin-1 spellings to one name, others unchanged. */
    static String normalName(String name) {
        String s = name.length() > 12 ? name.substring(0, 12) : name;
        s = s.toLowerCase(Locale.ROOT).replace('_', '-');
        if (s.equals("utf-8") || s.startsWith("utf-8-")) {
            return "utf-8";
        }
        if (s.equals("latin-1") || s.equals("iso-8859-1") || s.equals("iso-latin-1") || s.startsWith("latin-1-")
            || s.startsWith("iso-8859-1-") || s.startsWith("iso-latin-1-")) {
            return "iso-8859-1";
        }
        return name;
    }

    private static final Map<String, String> ALIASES = new HashMap<>();

    static {
        String[][] table = {
            {"UTF-8", "utf_8", "utf8", "u8", "utf", "utf8_ucs2", "utf8_ucs4", "cp65001", "utf_8_sig"},
            {"ISO-8859-1", "latin_1", "latin1", "latin", "l1", "iso_8859_1", "iso8859_1", "iso8859", "8859",
                "cp819", "iso_ir_100", "iso_latin_1"},
            {"ISO-8859-2", "iso8859_2", "iso_8859_2", "latin2", "l2"},
            {"ISO-8859-3", "iso8859_3", "iso_8859_3", "latin3", "l3"},
            {"ISO-8859-4", "iso8859_4", "iso_8859_4", "latin4", "l4"},
            {"ISO-8859-5", "iso8859_5", "iso_8859_5", "cyrillic"},
            {"ISO-8859-6", "iso8859_6", "iso_8859_6", "arabic"},
            {"ISO-8859-7", "iso8859_7", "iso_8859_7", "greek", "greek8"},
            {"ISO-8859-8", "iso8859_8", "iso_8859_8", "hebrew"},
            {"ISO-8859-9", "iso8859_9", "iso_8859_9", "latin5", "l5"},
            {"ISO-8859-13", "iso8859_13", "iso_8859_13", "latin7", "l7"},
            {"ISO-8859-15", "iso8859_15", "iso_8859_15", "latin9", "l9"},
            {"ISO-8859-16", "iso8859_16", "iso_8859_16", "latin10", "l10"},
            {"US-ASCII", "ascii", "us_ascii", "646", "us", "ansi_x3.4_1968", "cp367"},
            {"windows-1250", "cp1250", "windows_1250"},
            {"windows-1251", "cp1251", "windows_1251"},
            {"windows-1252", "cp1252", "windows_1252"},
            {"windows-1253", "cp1253", "windows_1253"},
            {"windows-1254", "cp1254", "windows_1254"},
            {"windows-1255", "cp1255", "windows_1255"},
            {"windows-1256", "cp1256", "windows_1256"},
            {"windows-1257", "cp1257", "windows_1257"},
            {"windows-1258", "cp1258", "windows_1258"},
            {"KOI8-R", "koi8_r"},
            {"KOI8-U", "koi8_u"},
            {"EUC-JP", "euc_jp", "eucjp", "ujis", "u_jis"},
            {"Shift_JIS", "shift_jis", "sjis", "s_jis", "csshiftjis"},
            {"windows-31j", "cp932", "ms932", "mskanji", "ms_kanji"},
            {"EUC-KR", "euc_kr", "euckr", "korean", "ksc5601", "ks_c_5601_1987"},
            {"GB2312", "gb2312", "euc_cn", "euccn", "eucgb2312_cn"},
            {"GBK", "gbk", "cp936", "ms936", "936"},
            {"GB18030", "gb18030", "gb18030_2000"},
            {"Big5", "big5", "big5_tw", "csbig5"},
            {"Big5-HKSCS", "big5hkscs", "big5_hkscs", "hkscs"},
            {"ISO-2022-JP", "iso2022_jp", "iso_2022_jp", "csiso2022jp"},
            {"IBM437", "cp437", "437", "ibm437"},
            {"IBM850", "cp850", "850", "ibm850"},
            {"IBM852", "cp852", "852", "ibm852"},
            {"IBM866", "cp866", "866", "ibm866"},
            {"x-MacRoman", "mac_roman", "macroman", "macintosh"},
            {"TIS-620", "tis_620", "tis620"},
        };
        for (String[] row : table) {
            for (int i = 1; i < row.length; i++) {
                ALIASES.put(row[i], row[0]);
            }
        }
    }

    /** The Java charset for a Python codec name, or null when unknown. */
    static Charset charsetFor(String pythonName) {
        // Python's normalize_encoding: lower case, runs of other characters than letters, digits
        // and '.' become '_'.
        String key = pythonName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.]+", "_");
        String javaName = ALIASES.get(key);
        try {
            if (javaName != null) {
                return Charset.forName(javaName);
            }
            return Charset.isSupported(pythonName) ? Charset.forName(pythonName) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String pythonCodecName(String cookie, Charset cs) {
        if (cs.equals(StandardCharsets.US_ASCII)) {
            return "ascii";
        }
        return cookie.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    // ------------------------------------------------------------------------------------------
    // Decoding

    private static DecodedSource decodeWith(byte[] b, int offset, Charset cs, String codecName) {
        CharsetDecoder dec = cs.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(b, offset, b.length - offset);
        try {
            return new DecodedSource(dec.decode(in).toString(), null);
        } catch (CharacterCodingException e) {
            // Find the first bad byte for the message, then decode again with replacement.
            String error = firstDecodingError(b, offset, cs, codecName);
            String text = new String(b, offset, b.length - offset, cs);
            return new DecodedSource(text, error);
        }
    }

    private static String firstDecodingError(byte[] b, int offset, Charset cs, String codecName) {
        CharsetDecoder dec = cs.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(b, offset, b.length - offset);
        CharBuffer out = CharBuffer.allocate(Math.max(16, (int) ((b.length - offset) * (double) dec.maxCharsPerByte()) + 16));
        CoderResult r = dec.decode(in, out, true);
        if (!r.isError()) {
            r = dec.flush(out);
        }
        int pos = in.position() - offset;
        int bad = in.position() < b.length ? b[in.position()] & 0xFF : 0;
        String reason;
        if (cs.equals(StandardCharsets.US_ASCII)) {
            reason = "ordinal not in range(128)";
        } else if (r.isUnmappable() || cs.newEncoder().maxBytesPerChar() <= 1.0f) {
            reason = "character maps to <undefined>";
        } else {
            reason = "illegal multibyte sequence";
        }
        return String.format("'%s' codec can't decode byte 0x%02x in position %d: %s", codecName, bad, pos, reason);
    }

    /**
     * UTF-8, with CPython's message for the first invalid sequence. Like CPython when compiling
     * bytes, the position in the message is counted from the start of the token holding the bad
     * byte (for a string literal, from the start of its contents), and a sequence cut short by the
     * end of that token is "unexpected end of data".
     */
    static DecodedSource decodeUtf8(byte[] b, int offset) {
        int n = b.length;
        int i = offset;
        while (i < n) {
            int c = b[i] & 0xFF;
            if (c < 0x80) {
                i++;
                continue;
            }
            int need;
            int min2;
            int max2;
            if (c >= 0xC2 && c <= 0xDF) {
                need = 1;
                min2 = 0x80;
                max2 = 0xBF;
            } else if (c >= 0xE0 && c <= 0xEF) {
                need = 2;
                min2 = c == 0xE0 ? 0xA0 : 0x80;
                max2 = c == 0xED ? 0x9F : 0xBF;
            } else if (c >= 0xF0 && c <= 0xF4) {
                need = 3;
                min2 = c == 0xF0 ? 0x90 : 0x80;
                max2 = c == 0xF4 ? 0x8F : 0xBF;
            } else {
                return utf8Failure(b, offset, i, "invalid start byte", false);
            }
            for (int k = 1; k <= need; k++) {
                if (i + k >= n) {
                    return utf8Failure(b, offset, i, "unexpected end of data", false);
                }
                int cc = b[i + k] & 0xFF;
                int lo = k == 1 ? min2 : 0x80;
                int hi = k == 1 ? max2 : 0xBF;
                if (cc < lo || cc > hi) {
                    return utf8Failure(b, offset, i, "invalid continuation byte", cc < 0x80);
                }
            }
            i += need + 1;
        }
        return new DecodedSource(new String(b, offset, n - offset, StandardCharsets.UTF_8), null);
    }

    private static DecodedSource utf8Failure(byte[] b, int offset, int bad, String reason, boolean cutByAscii) {
        String text = new String(b, offset, b.length - offset, StandardCharsets.UTF_8);
        String validPrefix = new String(b, offset, bad - offset, StandardCharsets.UTF_8);
        int badChar = validPrefix.length();
        int badCp = validPrefix.codePointCount(0, badChar);
        int fromCp = -1;
        int endCp = -1;
        try {
            Lexer lexer = new PythonLexer(CharStreams.fromString(text));
            for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
                if (t.getStartIndex() <= badCp && badCp <= t.getStopIndex()) {
                    fromCp = t.getStartIndex();
                    endCp = t.getStopIndex() + 1;
                    if (t.getType() == PythonLexer.STRING) {
                        String tt = t.getText();
                        int p = 0;
                        while (p < tt.length() && tt.charAt(p) != '\'' && tt.charAt(p) != '"') {
                            p++;
                        }
                        int q = p + 2 < tt.length() && tt.charAt(p + 1) == tt.charAt(p) && tt.charAt(p + 2) == tt.charAt(p) ? 3 : 1;
                        fromCp = Math.min(badCp, t.getStartIndex() + p + q);
                        endCp = Math.max(badCp + 1, endCp - q);
                    }
                    break;
                }
                if (t.getStartIndex() > badCp) {
                    break;
                }
            }
        } catch (RuntimeException e) {
            fromCp = -1;
        }
        int from;
        if (fromCp >= 0) {
            int fromChar = validPrefix.offsetByCodePoints(0, fromCp);
            from = validPrefix.substring(0, fromChar).getBytes(StandardCharsets.UTF_8).length + offset;
            if (cutByAscii && badCp + 1 >= endCp) {
                reason = "unexpected end of data";
            }
        } else {
            from = bad;
            while (from > offset && b[from - 1] != '\n' && b[from - 1] != '\r') {
                from--;
            }
        }
        return new DecodedSource(text, utf8Error(b[bad] & 0xFF, bad - from, reason));
    }

    private static String utf8Error(int b, int pos, String reason) {
        return String.format("(unicode error) 'utf-8' codec can't decode byte 0x%02x in position %d: %s", b, pos, reason);
    }
}
