package dev.greenlight.python.text;

import java.util.List;
import java.util.Optional;

/**
 * How the {@code character} of an LSP {@link Position} counts: in UTF-8 bytes, UTF-16 code units
 * (LSP's default, and Java's own string index) or UTF-32 code points. A lone surrogate counts as
 * one UTF-16 unit, one code point, and three UTF-8 bytes (the size of U+FFFD, which an encoder
 * writes in its place).
 */
public enum PositionEncoding {
    UTF8("utf-8"),
    UTF16("utf-16"),
    UTF32("utf-32");

    private final String lspName;

    PositionEncoding(String lspName) {
        this.lspName = lspName;
    }

    /** The name LSP uses for this encoding ({@code PositionEncodingKind}): "utf-8", "utf-16", "utf-32". */
    public String lspName() {
        return lspName;
    }

    /** The encoding with this LSP name (exact, as the protocol spells it), or empty. */
    public static Optional<PositionEncoding> fromLspName(String name) {
        if (name != null) {
            for (PositionEncoding encoding : values()) {
                if (encoding.lspName.equals(name)) {
                    return Optional.of(encoding);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The encoding a server picks from the client's {@code general.positionEncodings}: UTF-16 when
     * the client offers it, lists nothing or sends no list (LSP makes UTF-16 mandatory, and it is
     * free for us); otherwise the first encoding offered that we know, else UTF-16.
     */
    public static PositionEncoding negotiate(List<String> offered) {
        if (offered == null || offered.isEmpty() || offered.contains(UTF16.lspName)) {
            return UTF16;
        }
        for (String name : offered) {
            Optional<PositionEncoding> known = fromLspName(name);
            if (known.isPresent()) {
                return known.get();
            }
        }
        return UTF16;
    }

    /** How many units of this encoding the code point takes (a lone surrogate: see the class comment). */
    public int units(int codePoint) {
        switch (this) {
            case UTF16:
                return codePoint >= 0x10000 ? 2 : 1;
            case UTF32:
                return 1;
            default:
                if (codePoint < 0x80) {
                    return 1;
                } else if (codePoint < 0x800) {
                    return 2;
                } else if (codePoint < 0x10000) {
                    return 3;
                }
                return 4;
        }
    }

    /** The length in units of this encoding of {@code text[from, to)} (UTF-16 offsets). */
    public int length(CharSequence text, int from, int to) {
        switch (this) {
            case UTF16:
                return to - from;
            case UTF32:
                return Character.codePointCount(text, from, to);
            default:
                int bytes = 0;
                for (int i = from; i < to; ) {
                    char c = text.charAt(i);
                    if (c < 0x80) {
                        bytes++;
                        i++;
                    } else if (c < 0x800) {
                        bytes += 2;
                        i++;
                    } else if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(text.charAt(i + 1))) {
                        bytes += 4;
                        i += 2;
                    } else {
                        bytes += 3;
                        i++;
                    }
                }
                return bytes;
        }
    }

    /** The length in units of this encoding of the whole text. */
    public int length(CharSequence text) {
        return length(text, 0, text.length());
    }
}
