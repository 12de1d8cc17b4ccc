package dev.greenlight.python.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.greenlight.python.ast.AstDumper;
import dev.greenlight.python.ast.DumpSchema;
import dev.greenlight.python.parse.ParseResult;
import dev.greenlight.python.parse.PythonParsing;
import dev.greenlight.python.parse.SourceDecoder;
import dev.greenlight.python.parse.SyntaxError;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Compares our parser with the CPython on PATH over its whole standard library: every file that
 * CPython parses must parse without errors to the same tree, positions included (compared as the
 * exact dumps of {@code cpython_ast_dump.py} and {@link AstDumper#dump}); every file that CPython
 * rejects must be rejected (a decoding error or at least one syntax error).
 *
 * <p>{@code -Dconformance.files=PATTERN} runs a subset: a substring of the path, or an fnmatch
 * pattern when it holds {@code * ? [} (matched against the whole path, {@code *} crossing
 * {@code /}). {@code -Dconformance.threads=N} sets the parallelism (default: the cores).
 */
@Tag("conformance")
class CpythonConformanceTest {

    private static final int SHOWN_FAILURES = 20;
    private static final int CONTEXT = 80;

    private record Failure(String path, String what) {
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.MINUTES)
    void standardLibraryParsesLikeCPython() throws Exception {
        Path python = findPython();
        Path script = script();

        List<String> command = new ArrayList<>(List.of(python.toString(), script.toString(), "--stdlib"));
        String filter = System.getProperty("conformance.files", "").trim();
        if (!filter.isEmpty()) {
            command.add("--match");
            command.add(filter);
        }
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("PYTHONIOENCODING", "utf-8");
        builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
        Path stderr = Files.createTempFile("cpython_ast_dump", ".stderr");
        builder.redirectError(stderr.toFile());
        Process process = builder.start();
        process.getOutputStream().close();

        int threads = Integer.getInteger("conformance.threads", Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), runnable -> {
            Thread thread = new Thread(null, runnable, "conformance", 256L << 20); // deep trees need stack
            thread.setDaemon(true);
            return thread;
        });
        Semaphore inFlight = new Semaphore(Math.max(2, threads * 2)); // bounds the dumps held in memory
        ConcurrentLinkedQueue<Failure> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger identical = new AtomicInteger();
        AtomicInteger rejectedByCpython = new AtomicInteger();
        AtomicInteger rejectionsDetected = new AtomicInteger();
        String version;

        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8), 1 << 16)) {
            String schemaLine = reader.readLine();
            if (schemaLine == null) {
                fail("cpython_ast_dump.py printed nothing; its stderr:\n" + read(stderr));
            }
            DumpSchema schema = DumpSchema.fromJson(schemaLine);
            version = schema.version();
            String line;
            while ((line = reader.readLine()) != null) {
                int tab1 = line.indexOf('\t');
                int tab2 = tab1 < 0 ? -1 : line.indexOf('\t', tab1 + 1);
                if (tab2 < 0) {
                    failures.add(new Failure(line, "malformed line from cpython_ast_dump.py"));
                    continue;
                }
                String path = line.substring(0, tab1);
                boolean ok = line.startsWith("OK", tab1 + 1) && tab2 == tab1 + 3;
                String payload = line.substring(tab2 + 1);
                if (ok) {
                    accepted.incrementAndGet();
                } else {
                    rejectedByCpython.incrementAndGet();
                }
                inFlight.acquire();
                pool.execute(() -> {
                    try {
                        String failure = ok ? compare(path, payload, schema) : expectRejection(path, payload);
                        if (failure == null) {
                            (ok ? identical : rejectionsDetected).incrementAndGet();
                        } else {
                            failures.add(new Failure(path, failure));
                        }
                    } catch (Throwable t) {
                        failures.add(new Failure(path, "threw " + t));
                    } finally {
                        inFlight.release();
                    }
                });
            }
        } finally {
            pool.shutdown();
            if (!pool.awaitTermination(30, TimeUnit.MINUTES)) {
                pool.shutdownNow();
            }
            if (!process.waitFor(1, TimeUnit.MINUTES)) {
                process.destroyForcibly();
            }
        }
        int exit = process.exitValue();
        String errors = read(stderr);
        Files.deleteIfExists(stderr);
        assertEquals(0, exit, () -> "cpython_ast_dump.py exited with " + exit + "; its stderr:\n" + errors);

        String summary = "conformance: " + identical.get() + "/" + accepted.get() + " identical, "
                + rejectionsDetected.get() + "/" + rejectedByCpython.get() + " rejections detected";
        System.out.println(summary);
        List<Failure> sorted = new ArrayList<>(failures);
        sorted.sort(Comparator.comparing(Failure::path));
        if (!sorted.isEmpty()) {
            StringBuilder report = new StringBuilder();
            report.append(sorted.size()).append(" file(s) differ from CPython ").append(version)
                    .append("; the first ").append(Math.min(SHOWN_FAILURES, sorted.size())).append(":\n");
            for (Failure f : sorted.subList(0, Math.min(SHOWN_FAILURES, sorted.size()))) {
                report.append("  ").append(f.path).append("\n    ").append(f.what).append('\n');
            }
            fail(summary + "\n" + report);
        }
        assertTrue(accepted.get() + rejectedByCpython.get() > 0,
                () -> "no file to compare" + (filter.isEmpty() ? "" : " matches -Dconformance.files=" + filter));
    }

    /** Null when our tree is CPython's; otherwise what differs. */
    private static String compare(String path, String expected, DumpSchema schema) throws IOException {
        SourceDecoder.DecodedSource decoded = SourceDecoder.decode(Files.readAllBytes(Path.of(path)));
        if (decoded.error() != null) {
            return "CPython parses it, but decoding failed: " + decoded.error();
        }
        ParseResult result = PythonParsing.parse(decoded.text());
        if (result.hasErrors()) {
            return "CPython parses it, but greenlight reports " + result.errors().size() + " error(s), first: "
                    + describe(result.errors().get(0));
        }
        String actual = AstDumper.dump(result.module(), schema);
        if (actual.equals(expected)) {
            return null;
        }
        return "tree differs: " + DumpText.diffContext(expected, actual, CONTEXT);
    }

    /** Null when we reject the file too; otherwise what CPython said. */
    private static String expectRejection(String path, String cpythonMessage) throws IOException {
        SourceDecoder.DecodedSource decoded = SourceDecoder.decode(Files.readAllBytes(Path.of(path)));
        if (decoded.error() != null) {
            return null;
        }
        ParseResult result = PythonParsing.parse(decoded.text());
        if (result.hasErrors()) {
            return null;
        }
        return "CPython rejects it (" + cpythonMessage + "), greenlight reports no error";
    }

    private static String describe(SyntaxError error) {
        if (error.span() == null) {
            return error.message();
        }
        return error.span().lineno() + ":" + error.span().colOffset() + " " + error.message();
    }

    // --------------------------------------------------------------------------------------------

    /** The {@code python3} on PATH; fails the test with a clear message when there is none. */
    static Path findPython() {
        String pathVariable = System.getenv("PATH");
        if (pathVariable != null) {
            for (String dir : pathVariable.split(File.pathSeparator)) {
                if (dir.isEmpty()) {
                    continue;
                }
                Path candidate = Path.of(dir, "python3");
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        return fail("python3 not found: the conformance test compares our parser with CPython; install python3");
    }

    /** {@code src/test/python/cpython_ast_dump.py} of the grammar module. */
    static Path script() {
        String basedir = System.getProperty("basedir");
        List<Path> candidates = new ArrayList<>();
        if (basedir != null) {
            candidates.add(Path.of(basedir, "src/test/python/cpython_ast_dump.py"));
        }
        candidates.add(Path.of("src/test/python/cpython_ast_dump.py"));
        candidates.add(Path.of("grammar/src/test/python/cpython_ast_dump.py"));
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate)) {
                return candidate.toAbsolutePath();
            }
        }
        return fail("cpython_ast_dump.py not found; looked at " + candidates);
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }
}
