package dev.greenlight.python.text;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Cost of one keystroke on a large document: a one-character insertion, a deletion and a newline
 * through {@link Document#apply(List, int, PositionEncoding)} on a ~1 MB, 20,000-line text, plus
 * position conversions, a full open, and an edit followed by {@link Document#text()} (which builds
 * the flat string). Prints median, p99 and mean per operation.
 *
 * <pre>
 * java -cp grammar/target/classes:grammar/target/test-classes dev.greenlight.python.text.DocumentBench [iterations]
 * </pre>
 */
public final class DocumentBench {

    private DocumentBench() {
    }

    public static void main(String[] args) {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        String text = buildText(20_000);
        System.out.printf(Locale.ROOT, "text: %,d UTF-16 units, %,d lines%n", text.length(), Document.of(text).lineCount());
        for (int round = 0; round < 2; round++) {
            System.out.println(round == 0 ? "-- warm-up" : "-- measured");
            run("open (Document.of)", Math.max(20, iterations / 200), new Random(1), text, Kind.OPEN, PositionEncoding.UTF16);
            run("insert 1 char, utf-16", iterations, new Random(2), text, Kind.INSERT, PositionEncoding.UTF16);
            run("insert 1 char, utf-8", iterations, new Random(3), text, Kind.INSERT, PositionEncoding.UTF8);
            run("insert + text() (flatten)", iterations / 4, new Random(8), text, Kind.INSERT_FLAT, PositionEncoding.UTF16);
            run("delete 1 char, utf-16", iterations, new Random(4), text, Kind.DELETE, PositionEncoding.UTF16);
            run("insert newline, utf-16", iterations, new Random(5), text, Kind.NEWLINE, PositionEncoding.UTF16);
            run("offset+position, utf-16", iterations, new Random(6), text, Kind.CONVERT, PositionEncoding.UTF16);
            run("offset+position, utf-8", iterations, new Random(7), text, Kind.CONVERT, PositionEncoding.UTF8);
        }
    }

    private enum Kind { OPEN, INSERT, INSERT_FLAT, DELETE, NEWLINE, CONVERT }

    private static void run(String name, int iterations, Random random, String text, Kind kind, PositionEncoding encoding) {
        Document document = Document.of(text, 0, ClampListener.IGNORE);
        long[] nanos = new long[iterations];
        long sink = 0;
        for (int i = 0; i < iterations; i++) {
            int line = 100 + random.nextInt(document.lineCount() - 200);
            int lineLength = document.lineEnd(line) - document.lineStart(line);
            int character = lineLength == 0 ? 0 : 1 + random.nextInt(lineLength);
            Position at = document.position(document.lineStart(line) + character, encoding);
            long start = System.nanoTime();
            switch (kind) {
                case OPEN:
                    document = Document.of(text, i, ClampListener.IGNORE);
                    break;
                case INSERT:
                    document = document.apply(List.of(Change.insert(at, "x")), i, encoding);
                    break;
                case INSERT_FLAT:
                    document = document.apply(List.of(Change.insert(at, "x")), i, encoding);
                    sink += document.text().length();
                    break;
                case DELETE:
                    document = document.apply(List.of(Change.delete(new Range(new Position(at.line(), at.character() - 1), at))), i, encoding);
                    break;
                case NEWLINE:
                    document = document.apply(List.of(Change.insert(at, "\n")), i, encoding);
                    break;
                default:
                    sink += document.position(document.offset(at, encoding), encoding).character();
                    break;
            }
            nanos[i] = System.nanoTime() - start;
            sink += document.length();
        }
        Arrays.sort(nanos);
        double mean = Arrays.stream(nanos).average().orElse(0);
        System.out.printf(Locale.ROOT, "%-26s median %8.1f us   p99 %8.1f us   mean %8.1f us   (n=%d, %d lines after)%s%n",
                name, nanos[iterations / 2] / 1e3, nanos[(int) (iterations * 0.99)] / 1e3, mean / 1e3, iterations,
                document.lineCount(), sink == 42 ? " " : "");
    }

    /** Python-looking lines, ~50 characters on average, some non-ASCII. */
    static String buildText(int lines) {
        String[] templates = {
            "def function_%d(self, argument, *args, key=None, **kwargs):",
            "    \"\"\"Return the value of the thing number %d, or raise.\"\"\"",
            "    result = compute_value(argument, index=%d) + self.offset",
            "    if result is None and self.flag_%d and not kwargs:",
            "        raise ValueError(f'bad value {result!r} for key {key!r} at %d')",
            "    for item in sorted(self.items, key=lambda x: x[%d]):",
            "        total += item.weight * factor  # accumulate comment %d",
            "    name = 'caf\u00E9 \u4E2D\u6587 %d'  # non-ASCII makes the string UTF-16",
            "    return result",
            "",
        };
        StringBuilder s = new StringBuilder(lines * 52);
        for (int i = 0; i < lines; i++) {
            s.append(String.format(Locale.ROOT, templates[i % templates.length], i)).append('\n');
        }
        return s.toString();
    }
}
