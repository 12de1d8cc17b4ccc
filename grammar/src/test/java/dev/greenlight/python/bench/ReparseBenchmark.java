package dev.greenlight.python.bench;

import dev.greenlight.python.parse.ParseResult;
import dev.greenlight.python.parse.ParsedModule;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Incremental reparse against a full parse, on one large file: one-character edits typed inside a
 * function body, then the same with an unclosed '(' left in that function. Prints median and p99
 * latencies, characters re-lexed per edit, and the heap an open document keeps per line.
 *
 * <pre>java ... ReparseBenchmark FILE LINE COLUMN [EDITS]</pre>
 * LINE and COLUMN are 0-based (what make_corpus.py writes as the edit site).
 */
public final class ReparseBenchmark {

    private ReparseBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: ReparseBenchmark FILE LINE COLUMN [EDITS]");
            System.exit(2);
        }
        String text = Files.readString(Path.of(args[0]), StandardCharsets.UTF_8);
        int line = Integer.parseInt(args[1]);
        int column = Integer.parseInt(args[2]);
        int edits = args.length > 3 ? Integer.parseInt(args[3]) : 4000;
        long lines = text.lines().count();
        int site = lineStart(text, line) + column;
        System.out.printf("file: %s, %d lines, %d chars; edit site line %d column %d%n", args[0], lines,
                text.length(), line + 1, column);

        // Full parse, after warm-up.
        for (int i = 0; i < 10; i++) {
            ParsedModule.parse(text).result();
        }
        long[] full = new long[30];
        for (int i = 0; i < full.length; i++) {
            long t0 = System.nanoTime();
            ParsedModule.parse(text).result();
            full[i] = System.nanoTime() - t0;
        }
        report("full parse", full);

        typing(text, site, "x", edits, "one-character edit in a function body");
        int lineEnd = text.indexOf('\n', site);
        typing(text, lineEnd, "(", edits, "'(' left unclosed at the end of that line");

        // Heap kept by an open document: the parse state and its tree.
        System.gc();
        Thread.sleep(200);
        long before = usedHeap();
        ParsedModule kept = ParsedModule.parse(text);
        ParseResult tree = kept.result();
        System.gc();
        Thread.sleep(200);
        long after = usedHeap();
        System.out.printf("memory: %.0f bytes per line kept by an open document (text excluded: %.0f)%n",
                (double) (after - before) / lines, (double) (after - before - 2L * text.length()) / lines);
        if (tree.module().body().isEmpty() || kept.text().isEmpty()) {
            System.out.println("(empty)");
        }
    }

    /** Alternately inserts {@code typed} at {@code at} and deletes it again, timing each reparse. */
    private static void typing(String text, int at, String typed, int edits, String what) {
        String with = text.substring(0, at) + typed + text.substring(at);
        ParsedModule module = ParsedModule.parse(text);
        for (int i = 0; i < 2000; i++) { // warm-up
            module = i % 2 == 0 ? module.edit(at, at, typed, with) : module.edit(at, at + typed.length(), "", text);
            module.result();
        }
        long[] reparse = new long[edits];
        long[] materialize = new long[edits];
        long relexed = 0;
        for (int i = 0; i < edits; i++) {
            long t0 = System.nanoTime();
            module = i % 2 == 0 ? module.edit(at, at, typed, with) : module.edit(at, at + typed.length(), "", text);
            long t1 = System.nanoTime();
            module.result();
            long t2 = System.nanoTime();
            reparse[i] = t1 - t0;
            materialize[i] = t2 - t1;
            relexed += module.statistics().relexedChars();
        }
        System.out.println(what + ":");
        report("  incremental reparse", reparse);
        report("  + whole tree with moved statements", materialize);
        System.out.printf("  %.0f characters re-lexed per edit, %d statements reused%n", (double) relexed / edits,
                module.statistics().reusedStatements());
    }

    private static void report(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("%s: median %.3f ms, p99 %.3f ms (%d runs)%n", what, sorted[sorted.length / 2] / 1e6,
                sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)] / 1e6, sorted.length);
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static int lineStart(String text, int line) {
        int offset = 0;
        for (int i = 0; i < line; i++) {
            offset = text.indexOf('\n', offset) + 1;
        }
        return offset;
    }
}
