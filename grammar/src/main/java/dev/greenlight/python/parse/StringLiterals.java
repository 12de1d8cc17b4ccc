package dev.greenlight.python.parse;

import dev.greenlight.python.ast.Bytes;
import java.nio.charset.StandardCharsets;

/**
 * Turns the source text of string literal tokens into values, as CPython does.
 *
 * <p>Line breaks in the source ({@code \r\n}, {@code \r}) count as {@code \n}, since CPython
 * normalises them before tokenizing. Escapes that CPython only warns about (unknown escapes such as
 * {@code \d}, octal escapes above {@code \377}) are decoded the way CPython decodes them, without
 * an error.
 */
public final class StringLiterals {

    private StringLiterals() {
    }

    /**
     * A decoded literal.
     *
     * @param value a {@link String} for a str literal, a {@link Bytes} for a bytes literal
     * @param uPrefix whether the prefix had {@code u} or {@code U} (CPython's {@code Constant.kind == "u"})
     * @param error the error, worded as CPython's, or null; the value is a best effort then
     */
    public record Value(Object value, boolean uPrefix, String error) {

        public boolean isBytes() {
            return value instanceof Bytes;
        }

        /** {@code "u"} for a u-prefixed literal, else null: CPython's {@code Constant.kind}. */
        public String kind() {
            return uPrefix ? "u" : null;
        }
    }

    /**
     * Decodes one STRING token (any prefix, any quotes). An unterminated literal (the lexer has
     * already reported it) is decoded up to where it stops.
     */
    public static Value decode(String tokenText) {
        int n = tokenText.length();
        int p = 0;
        boolean raw = false;
        boolean bytes = false;
        boolean u = false;
        while (p < n) {
            char c = tokenText.charAt(p);
            if (c == 'r' || c == 'R') {
                raw = true;
            } else if (c == 'b' || c == 'B') {
                bytes = true;
            } else if (c == 'u' || c == 'U') {
                u = true;
            } else {
                break;
            }
            p++;
        }
        if (p >= n) {
            return new Value(bytes ? new Bytes("") : "", u, "invalid string literal");
        }
        char quote = tokenText.charAt(p);
        int qlen = n - p >= 6 && tokenText.charAt(p + 1) == quote && tokenText.charAt(p + 2) == quote ? 3 : 1;
        if (qlen == 1 && n - p >= 3 && tokenText.charAt(p + 1) == quote && tokenText.charAt(p + 2) == quote) {
            qlen = 3; // an unterminated triple-quoted literal such as """ab
        }
        int bodyStart = p + qlen;
        int bodyEnd = n;
        if (n - bodyStart >= qlen && endsWithQuotes(tokenText, quote, qlen, bodyStart)) {
            bodyEnd = n - qlen;
        }
        String body = normalizeNewlines(tokenText.substring(bodyStart, bodyEnd));
        if (bytes) {
            String error = null;
            for (int i = 0; i < body.length(); i++) {
                if (body.charAt(i) >= 0x80) {
                    error = "bytes can only contain ASCII literal characters";
                    body = asUtf8Latin1(body);
                    break;
                }
            }
            if (raw) {
                return new Value(new Bytes(body), u, error);
            }
            StringBuilder out = new StringBuilder(body.length());
            String escapeError = decodeBytesEscapes(body, out);
            return new Value(new Bytes(out.toString()), u, error != null ? error : escapeError);
        }
        if (raw || body.indexOf('\\') < 0) {
            return new Value(body, u, null);
        }
        StringBuilder out = new StringBuilder(body.length());
        String error = decodeStrEscapes(body, out);
        return new Value(out.toString(), u, error);
    }

    /**
     * Decodes the text of an FSTRING_MIDDLE token: escapes as for a str literal (unless the f-string
     * is raw), and, outside format specs, {@code {{} and {@code }}} to single braces. An invalid
     * escape is decoded as far as possible; use {@link #decodeFStringMiddleValue} for the error.
     */
    public static String decodeFStringMiddle(String raw, boolean isRaw, boolean inFormatSpec) {
        return (String) decodeFStringMiddleValue(raw, isRaw, inFormatSpec).value();
    }

    /** As {@link #decodeFStringMiddle}, with the escape error, if any. */
    public static Value decodeFStringMiddleValue(String raw, boolean isRaw, boolean inFormatSpec) {
        String text = normalizeNewlines(raw);
        if (!inFormatSpec && (text.indexOf('{') >= 0 || text.indexOf('}') >= 0)) {
            text = collapseBraces(text, isRaw);
        }
        if (isRaw || text.indexOf('\\') < 0) {
            return new Value(text, false, null);
        }
        StringBuilder out = new StringBuilder(text.length());
        String error = decodeStrEscapes(text, out);
        return new Value(out.toString(), false, error);
    }

    // ------------------------------------------------------------------------------------------

    private static boolean endsWithQuotes(String s, char quote, int qlen, int bodyStart) {
        int n = s.length();
        for (int i = 1; i <= qlen; i++) {
            if (s.charAt(n - i) != quote) {
                return false;
            }
        }
        // The closing quote must not be escaped: count the backslashes before it.
        int k = n - qlen - 1;
        int backslashes = 0;
        while (k >= bodyStart && s.charAt(k) == '\\') {
            backslashes++;
            k--;
        }
        return backslashes % 2 == 0;
    }

    static String normalizeNewlines(String s) {
        if (s.indexOf('\r') < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\r') {
                b.append('\n');
                if (i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                    i++;
                }
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** {{ to { and }} to } outside backslash escapes (and outside \N{...} unless raw). */
    private static String collapseBraces(String s, boolean isRaw) {
        StringBuilder b = new StringBuilder(s.length());
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < n) {
                char d = s.charAt(i + 1);
                if (d == '{' || d == '}') {
                    b.append(c); // a backslash before a brace escapes nothing
                } else if (!isRaw && d == 'N' && i + 2 < n && s.charAt(i + 2) == '{') {
                    int close = s.indexOf('}', i + 3);
                    int end = close < 0 ? n : close + 1;
                    b.append(s, i, end);
                    i = end - 1;
                } else {
                    b.append(c).append(d);
                    i++;
                }
            } else if ((c == '{' || c == '}') && i + 1 < n && s.charAt(i + 1) == c) {
                b.append(c);
                i++;
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static String asUtf8Latin1(String s) {
        return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    private static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private static boolean isOctal(char c) {
        return c >= '0' && c <= '7';
    }

    /**
     * Decodes str escapes into {@code out}. Returns CPython's error for the first bad escape (the
     * escape is then kept as written) or null.
     */
    private static String decodeStrEscapes(String s, StringBuilder out) {
        String error = null;
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c != '\\') {
                out.append(c);
                i++;
                continue;
            }
            if (i + 1 >= n) {
                // A lone backslash at the end (only in malformed input).
                out.append(c);
                if (error == null) {
                    error = unicodeError(s, i, i, "\\ at end of string");
                }
                break;
            }
            char d = s.charAt(i + 1);
            switch (d) {
                case '\n':
                    i += 2;
                    continue;
                case '\\':
                case '\'':
                case '"':
                    out.append(d);
                    i += 2;
                    continue;
                case 'a':
                    out.append('\u0007');
                    i += 2;
                    continue;
                case 'b':
                    out.append('\b');
                    i += 2;
                    continue;
                case 'f':
                    out.append('\f');
                    i += 2;
                    continue;
                case 'n':
                    out.append('\n');
                    i += 2;
                    continue;
                case 'r':
                    out.append('\r');
                    i += 2;
                    continue;
                case 't':
                    out.append('\t');
                    i += 2;
                    continue;
                case 'v':
                    out.append('\u000b');
                    i += 2;
                    continue;
                case 'x':
                case 'u':
                case 'U': {
                    int digits = d == 'x' ? 2 : d == 'u' ? 4 : 8;
                    int v = 0;
                    int j = i + 2;
                    int got = 0;
                    while (got < digits && j < n && hexValue(s.charAt(j)) >= 0) {
                        v = v * 16 + hexValue(s.charAt(j));
                        j++;
                        got++;
                    }
                    if (got < digits) {
                        if (error == null) {
                            String what = d == 'x' ? "truncated \\xXX escape"
                                : d == 'u' ? "truncated \\uXXXX escape" : "truncated \\UXXXXXXXX escape";
                            error = unicodeError(s, i, j - 1, what);
                        }
                        out.append(s, i, j);
                    } else if (v > 0x10FFFF || v < 0) {
                        if (error == null) {
                            error = unicodeError(s, i, j - 1, "illegal Unicode character");
                        }
                        out.append(s, i, j);
                    } else {
                        out.appendCodePoint(v);
                    }
                    i = j;
                    continue;
                }
                case 'N': {
                    int j = i + 2;
                    if (j < n && s.charAt(j) == '{') {
                        int close = s.indexOf('}', j + 1);
                        if (close > j + 1) {
                            String name = s.substring(j + 1, close);
                            int cp = lookupName(name);
                            if (cp >= 0) {
                                out.appendCodePoint(cp);
                            } else {
                                if (error == null) {
                                    error = unicodeError(s, i, close, "unknown Unicode character name");
                                }
                                out.append(s, i, close + 1);
                            }
                            i = close + 1;
                            continue;
                        }
                        int end = close < 0 ? n - 1 : close;
                        if (error == null) {
                            error = unicodeError(s, i, end, "malformed \\N character escape");
                        }
                        out.append(s, i, end + 1);
                        i = end + 1;
                        continue;
                    }
                    if (error == null) {
                        error = unicodeError(s, i, i + 1, "malformed \\N character escape");
                    }
                    out.append(s, i, i + 2);
                    i += 2;
                    continue;
                }
                default:
                    if (isOctal(d)) {
                        int v = d - '0';
                        int j = i + 2;
                        if (j < n && isOctal(s.charAt(j))) {
                            v = v * 8 + s.charAt(j++) - '0';
                            if (j < n && isOctal(s.charAt(j))) {
                                v = v * 8 + s.charAt(j++) - '0';
                            }
                        }
                        out.append((char) v);
                        i = j;
                        continue;
                    }
                    // Unknown escape: kept (CPython warns only).
                    out.append('\\');
                    i++;
            }
        }
        return error;
    }

    private static String unicodeError(String s, int from, int to, String what) {
        return "(unicode error) 'unicodeescape' codec can't decode bytes in position "
            + bufferPosition(s, from) + "-" + bufferPosition(s, to) + ": " + what;
    }

    /**
     * CPython reports positions in a buffer where each non-ASCII character is written as a
     * ten-byte {@code \UXXXXXXXX} escape.
     */
    private static int bufferPosition(String s, int index) {
        int pos = 0;
        for (int i = 0; i < index && i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                pos++;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                pos += 10;
                i++;
            } else {
                pos += 10;
            }
        }
        return pos;
    }

    private static int lookupName(String name) {
        if (name.isEmpty() || Character.isWhitespace(name.charAt(0))
            || Character.isWhitespace(name.charAt(name.length() - 1))) {
            return -1;
        }
        try {
            return Character.codePointOf(name);
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }

    /** Decodes bytes escapes; returns CPython's error for the first bad one, or null. */
    private static String decodeBytesEscapes(String s, StringBuilder out) {
        String error = null;
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c != '\\') {
                out.append(c);
                i++;
                continue;
            }
            if (i + 1 >= n) {
                out.append(c);
                if (error == null) {
                    error = "(value error) Trailing \\ in string";
                }
                break;
            }
            char d = s.charAt(i + 1);
            switch (d) {
                case '\n':
                    i += 2;
                    continue;
                case '\\':
                case '\'':
                case '"':
                    out.append(d);
                    i += 2;
                    continue;
                case 'a':
                    out.append('\u0007');
                    i += 2;
                    continue;
                case 'b':
                    out.append('\b');
                    i += 2;
                    continue;
                case 'f':
                    out.append('\f');
                    i += 2;
                    continue;
                case 'n':
                    out.append('\n');
                    i += 2;
                    continue;
                case 'r':
                    out.append('\r');
                    i += 2;
                    continue;
                case 't':
                    out.append('\t');
                    i += 2;
                    continue;
                case 'v':
                    out.append('\u000b');
                    i += 2;
                    continue;
                case 'x': {
                    int h1 = i + 2 < n ? hexValue(s.charAt(i + 2)) : -1;
                    int h2 = i + 3 < n ? hexValue(s.charAt(i + 3)) : -1;
                    if (h1 >= 0 && h2 >= 0) {
                        out.append((char) (h1 * 16 + h2));
                        i += 4;
                    } else {
                        if (error == null) {
                            error = "(value error) invalid \\x escape at position " + i;
                        }
                        out.append(s, i, i + 2);
                        i += 2;
                    }
                    continue;
                }
                default:
                    if (isOctal(d)) {
                        int v = d - '0';
                        int j = i + 2;
                        if (j < n && isOctal(s.charAt(j))) {
                            v = v * 8 + s.charAt(j++) - '0';
                            if (j < n && isOctal(s.charAt(j))) {
                                v = v * 8 + s.charAt(j++) - '0';
                            }
                        }
                        out.append((char) (v & 0xFF));
                        i = j;
                        continue;
                    }
                    out.append('\\');
                    i++;
            }
        }
        return error;
    }
}
