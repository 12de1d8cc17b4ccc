package dev.greenlight.python.conformance;

/**
 * Helpers for the exact dump format of {@code AstDumper.dump} and {@code cpython_ast_dump.py}:
 * laying a dump out on several lines for people, taking it back to one line, and showing where
 * two dumps first differ.
 */
public final class DumpText {

    private DumpText() {
    }

    /** Removes every whitespace character outside the JSON string literals of a dump. */
    public static String compact(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                sb.append(c);
                if (c == '\\' && i + 1 < text.length()) {
                    sb.append(text.charAt(++i));
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
                sb.append(c);
            } else if (!Character.isWhitespace(c)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * Lays a one-line dump out on several lines, two spaces per level: a bracketed group that fits
     * in {@code width} characters stays on one line, a longer one puts each element on a line of
     * its own. {@link #compact} gives the one-line dump back. {@code cpython_ast_dump.py --pretty}
     * lays out the same way.
     */
    public static String pretty(String dump, int width) {
        StringBuilder out = new StringBuilder(dump.length() * 2);
        new Pretty(dump, width, out).run();
        return out.toString();
    }

    private static final class Pretty {
        private final String text;
        private final int width;
        private final StringBuilder out;
        private final int[] close; // index of the bracket closing the one opened at i, else -1

        Pretty(String text, int width, StringBuilder out) {
            this.text = text;
            this.width = width;
            this.out = out;
            this.close = new int[text.length()];
            java.util.Arrays.fill(close, -1);
            int[] stack = new int[text.length() + 1];
            int depth = 0;
            boolean inString = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (inString) {
                    if (c == '\\') {
                        i++;
                    } else if (c == '"') {
                        inString = false;
                    }
                } else if (c == '"') {
                    inString = true;
                } else if (c == '(' || c == '[') {
                    stack[depth++] = i;
                } else if ((c == ')' || c == ']') && depth > 0) {
                    close[stack[--depth]] = i;
                }
            }
        }

        void run() {
            boolean[] brokenClose = new boolean[text.length()];
            int i = 0;
            int level = 0;
            boolean inString = false;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (inString) {
                    out.append(c);
                    if (c == '\\' && i + 1 < text.length()) {
                        out.append(text.charAt(++i));
                    } else if (c == '"') {
                        inString = false;
                    }
                    i++;
                } else if (c == '"') {
                    inString = true;
                    out.append(c);
                    i++;
                } else if ((c == '(' || c == '[') && close[i] > i + 1) {
                    int end = close[i];
                    if (end - i + 1 <= width) {
                        out.append(text, i, end + 1); // short enough: the whole group on this line
                        i = end + 1;
                    } else {
                        brokenClose[end] = true;
                        level++;
                        out.append(c).append('\n').append("  ".repeat(level));
                        i++;
                    }
                } else if (c == ',' && level > 0) {
                    out.append(",\n").append("  ".repeat(level));
                    i++;
                } else if (brokenClose[i]) {
                    level--;
                    out.append('\n').append("  ".repeat(level)).append(c);
                    i++;
                } else {
                    out.append(c);
                    i++;
                }
            }
        }
    }

    /** The index of the first char where the two differ, or -1 when they are equal. */
    public static int firstDifference(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            if (a.charAt(i) != b.charAt(i)) {
                return i;
            }
        }
        return a.length() == b.length() ? -1 : n;
    }

    /** The text around {@code index}, {@code radius} chars each side, {@code <<HERE>>} at the index, {@code <cut>} where it was cut. */
    public static String around(String text, int index, int radius) {
        int from = Math.max(0, index - radius);
        int to = Math.min(text.length(), index + radius);
        return (from > 0 ? "<cut>" : "") + text.substring(from, Math.min(index, to)) + "<<HERE>>"
                + text.substring(Math.min(index, to), to) + (to < text.length() ? "<cut>" : "");
    }

    /** Two lines showing the first difference of CPython's dump and ours, ±radius chars. */
    public static String diffContext(String expected, String actual, int radius) {
        return diffContext("cpython", expected, actual, radius);
    }

    /** Two lines showing the first difference of {@code expected} and {@code actual}, ±radius chars. */
    public static String diffContext(String expectedLabel, String expected, String actual, int radius) {
        int at = firstDifference(expected, actual);
        if (at < 0) {
            return "(identical)";
        }
        int width = Math.max(expectedLabel.length(), "greenlight".length()) + 2;
        return "first difference at char " + at + " (<<HERE>> marks it)\n"
                + "      " + pad(expectedLabel + ":", width) + around(expected, at, radius) + "\n"
                + "      " + pad("greenlight:", width) + around(actual, at, radius);
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(1, width - s.length()));
    }
}
