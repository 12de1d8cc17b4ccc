package dev.greenlight.python.bench;

import dev.greenlight.python.parse.PythonParsing;
import dev.greenlight.python.parse.SourceDecoder;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Parsing speed over the standard library of the {@code python3} on PATH, single-threaded, compared
 * with CPython's own {@code ast.parse} over the same files in the same run.
 *
 * <pre>
 * ParseBenchmark [--passes N] [--dir DIR] [--no-cpython]
 * </pre>
 * Reads every {@code *.py} under DIR (default: CPython's stdlib, without site-packages) into memory,
 * decoded; times a cold first pass, then N warm passes (default 5); prints lines/s of both, the
 * five files slowest per line (fastest warm pass of each file, files of at least 100 lines), then times CPython's
 * {@code ast.parse} (one warm-up pass, one timed pass) and prints the ratio. Run it with
 * {@code grammar/bench.sh}.
 */
public final class ParseBenchmark {

    /** Smaller files are left out of the slowest-per-line ranking: timer and GC noise dominate them. */
    private static final int MIN_LINES_RANKED = 100;

    private record SourceFile(Path path, String text, int lines) {
    }

    private ParseBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int passes = 5;
        Path dir = null;
        boolean cpython = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--passes" -> passes = Integer.parseInt(args[++i]);
                case "--dir" -> dir = Path.of(args[++i]);
                case "--no-cpython" -> cpython = false;
                default -> {
                    System.err.println("usage: ParseBenchmark [--passes N] [--dir DIR] [--no-cpython]");
                    System.exit(2);
                }
            }
        }
        String python = cpython || dir == null ? findPython() : null;
        if (dir == null) {
            dir = Path.of(run(python, "import sysconfig; print(sysconfig.get_paths()['stdlib'])", "").trim());
        }

        List<SourceFile> files = load(dir);
        long totalLines = files.stream().mapToLong(SourceFile::lines).sum();
        System.out.printf(Locale.ROOT, "bench: %d files, %d lines, from %s%n", files.size(), totalLines, dir);

        long start = System.nanoTime();
        int errors = 0;
        int crashes = 0;
        for (SourceFile file : files) {
            int outcome = parse(file);
            errors += outcome == 1 ? 1 : 0;
            crashes += outcome == 2 ? 1 : 0;
        }
        double coldSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "cold: %,.0f lines/s (%.2f s; %d file(s) with syntax errors, %d crash(es))%n",
                totalLines / coldSeconds, coldSeconds, errors, crashes);

        long[] nanos = new long[files.size()]; // per file, the fastest warm pass: least disturbed by GC
        java.util.Arrays.fill(nanos, Long.MAX_VALUE);
        start = System.nanoTime();
        for (int pass = 0; pass < passes; pass++) {
            for (int i = 0; i < files.size(); i++) {
                long t = System.nanoTime();
                parse(files.get(i));
                nanos[i] = Math.min(nanos[i], System.nanoTime() - t);
            }
        }
        double warmSeconds = (System.nanoTime() - start) / 1e9 / passes;
        double warmRate = totalLines / warmSeconds;
        System.out.printf(Locale.ROOT, "warm: %,.0f lines/s (%.2f s per pass, %d passes)%n",
                warmRate, warmSeconds, passes);

        long fastestTotal = 0;
        for (long n : nanos) {
            fastestTotal += n;
        }
        double averageMsPerKline = msPerKline(fastestTotal, (int) Math.min(Integer.MAX_VALUE, totalLines));
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            if (files.get(i).lines >= MIN_LINES_RANKED) {
                order.add(i);
            }
        }
        order.sort(Comparator.comparingDouble((Integer i) -> msPerKline(nanos[i], files.get(i).lines))
                .reversed());
        System.out.printf(Locale.ROOT, "slowest per line (average %.2f ms/kline):%n", averageMsPerKline);
        for (int i : order.subList(0, Math.min(5, order.size()))) {
            double ms = msPerKline(nanos[i], files.get(i).lines);
            System.out.printf(Locale.ROOT, "  %7.2f ms/kline  %5.1fx  %6d lines  %s%n", ms, ms / averageMsPerKline,
                    files.get(i).lines, dir.relativize(files.get(i).path));
        }

        if (cpython) {
            StringBuilder list = new StringBuilder();
            for (SourceFile file : files) {
                list.append(file.path).append('\n');
            }
            String out = run(python, CPYTHON_TIMER, list.toString()).trim();
            double cpythonSeconds = Double.parseDouble(out.split("\\s+")[0]);
            double cpythonRate = totalLines / cpythonSeconds;
            System.out.printf(Locale.ROOT, "cpython ast.parse: %,.0f lines/s (%.2f s per pass)%n",
                    cpythonRate, cpythonSeconds);
            System.out.printf(Locale.ROOT, "ratio greenlight/cpython (warm): %.2f%n", warmRate / cpythonRate);
        }
    }

    /** 0: parsed; 1: syntax errors; 2: the parser threw (counted on the cold pass). */
    private static int parse(SourceFile file) {
        try {
            return PythonParsing.parse(file.text).hasErrors() ? 1 : 0;
        } catch (RuntimeException | StackOverflowError e) {
            return 2;
        }
    }

    private static double msPerKline(long nanos, int lines) {
        return nanos / 1e6 / (lines / 1e3);
    }

    /** Reads the files named on stdin, parses them all once to warm up, then prints one timed pass in seconds. */
    private static final String CPYTHON_TIMER = String.join("\n",
            "import ast, sys, time, warnings",
            "warnings.simplefilter('ignore')",
            "sources = []",
            "for path in sys.stdin.read().splitlines():",
            "    with open(path, 'rb') as f:",
            "        sources.append((path, f.read()))",
            "def one_pass():",
            "    for path, source in sources:",
            "        try:",
            "            ast.parse(source, filename=path)",
            "        except (SyntaxError, ValueError, RecursionError, MemoryError):",
            "            pass",
            "one_pass()",
            "start = time.perf_counter()",
            "one_pass()",
            "print(time.perf_counter() - start)",
            "");

    private static List<SourceFile> load(Path dir) throws IOException {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(dir)) {
            paths = walk.filter(p -> p.toString().endsWith(".py"))
                    .filter(p -> !p.toString().contains(File.separator + "site-packages" + File.separator))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        }
        List<SourceFile> files = new ArrayList<>(paths.size());
        for (Path path : paths) {
            SourceDecoder.DecodedSource decoded = SourceDecoder.decode(Files.readAllBytes(path));
            if (decoded.error() == null) {
                files.add(new SourceFile(path, decoded.text(), countLines(decoded.text())));
            }
        }
        return files;
    }

    private static int countLines(String text) {
        int lines = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
                lines++;
            }
        }
        return text.isEmpty() || text.endsWith("\n") || text.endsWith("\r") ? lines : lines + 1;
    }

    private static String findPython() {
        String pathVariable = System.getenv("PATH");
        if (pathVariable != null) {
            for (String dir : pathVariable.split(File.pathSeparator)) {
                Path candidate = Path.of(dir.isEmpty() ? "." : dir, "python3");
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return candidate.toString();
                }
            }
        }
        System.err.println("bench: python3 not found on PATH (needed for the stdlib and the comparison);"
                + " install python3, or pass --dir DIR --no-cpython");
        System.exit(1);
        return null;
    }

    /** Runs {@code python -c code} with {@code input} on stdin; returns its stdout, fails on a non-zero exit. */
    private static String run(String python, String code, String input) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(python, "-c", code);
        builder.environment().put("PYTHONIOENCODING", "utf-8");
        builder.redirectError(ProcessBuilder.Redirect.INHERIT);
        Process process = builder.start();
        Thread feeder = new Thread(() -> {
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write(input.getBytes(StandardCharsets.UTF_8));
            } catch (IOException ignored) {
                // the process ended early; its exit code tells
            }
        });
        feeder.start();
        StringBuilder out = new StringBuilder();
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                out.append(line).append('\n');
            }
        }
        feeder.join();
        int exit = process.waitFor();
        if (exit != 0) {
            throw new IOException("python3 exited with " + exit);
        }
        return out.toString();
    }
}
