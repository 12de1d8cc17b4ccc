package dev.greenlight.bench;

import dev.greenlight.analysis.Workspace;
import dev.greenlight.config.RuleSelection;
import dev.greenlight.engine.CheckResult;
import dev.greenlight.engine.Checker;
import dev.greenlight.source.SourceFile;
import dev.greenlight.workspace.WorkspaceIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The workspace index, measured: indexing a workspace of about {@code LINES} lines made of copies
 * of {@code examples/} (each copy its own package), cold (first pass in this JVM) and warm (later
 * passes, caches cleared), on every core; then the language server's work after an edit of a
 * models file: the index updated from the edited text and a routes module that reads those models
 * checked again, median and p99 over {@code EDITS} edits.
 *
 * <pre>java -cp server/target/greenlight.jar:server/target/test-classes dev.greenlight.bench.IndexBenchmark EXAMPLES [LINES] [EDITS]</pre>
 *
 * Prints one JSON line per measurement. Not a test: nothing here fails on a slow machine.
 */
public final class IndexBenchmark {

    public static void main(String[] args) throws IOException {
        Path examples = Path.of(args.length > 0 ? args[0] : "examples").toAbsolutePath();
        int targetLines = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int edits = args.length > 2 ? Integer.parseInt(args[2]) : 300;
        Path work = Files.createTempDirectory("greenlight-index-bench");
        try {
            List<Path> files = corpus(examples, work, targetLines);
            long lines = 0;
            for (Path file : files) {
                lines += Files.readAllLines(file).size();
            }
            System.out.printf("{\"cores\": %d, \"files\": %d, \"lines\": %d}%n",
                    Runtime.getRuntime().availableProcessors(), files.size(), lines);
            for (int pass = 0; pass < 6; pass++) {
                Workspace.clearCache();
                WorkspaceIndex index = new WorkspaceIndex();
                long cpuBefore = cpuNanos();
                long start = System.nanoTime();
                index.addAll(files, done -> { });
                double seconds = (System.nanoTime() - start) / 1e9;
                double cpu = (cpuNanos() - cpuBefore) / 1e9;
                WorkspaceIndex.Statistics statistics = index.statistics();
                // CPU seconds alongside wall time: on a machine shared with other work, wall time alone misleads.
                System.out.printf("{\"measure\": \"index\", \"pass\": \"%s\", \"seconds\": %.3f, \"cpu_seconds\": %.3f, "
                        + "\"lines_per_s\": %.0f, \"mapped_classes\": %d, \"relationships\": %d}%n", pass == 0 ? "cold" : "warm",
                        seconds, cpu, lines / seconds, statistics.mappedClasses(), statistics.relationships());
            }
            recheckAfterModelsEdit(work.resolve("copy0"), edits);
        } finally {
            try (Stream<Path> walk = Files.walk(work)) {
                walk.sorted((a, b) -> b.compareTo(a)).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static long cpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
    }

    /** Copies of the example project until the corpus holds {@code targetLines} lines. */
    private static List<Path> corpus(Path examples, Path work, int targetLines) throws IOException {
        List<Path> sources;
        try (Stream<Path> walk = Files.walk(examples)) {
            sources = walk.filter(path -> path.toString().endsWith(".py")).sorted().toList();
        }
        long perCopy = 0;
        for (Path source : sources) {
            perCopy += Files.readAllLines(source).size();
        }
        int copies = (int) Math.max(1, (targetLines + perCopy - 1) / perCopy);
        List<Path> files = new ArrayList<>();
        for (int copy = 0; copy < copies; copy++) {
            Path root = work.resolve("copy" + copy);
            for (Path source : sources) {
                Path target = root.resolve(examples.relativize(source));
                Files.createDirectories(target.getParent());
                Files.copy(source, target);
                files.add(target);
            }
        }
        return files;
    }

    /**
     * What the server does when {@code app/models.py} is edited while {@code app/routers/catalog.py}
     * is open: index the new text, check the routes module again (it reads the models through
     * the editor's text).
     */
    private static void recheckAfterModelsEdit(Path project, int edits) throws IOException {
        Path models = project.resolve("app/models.py").toAbsolutePath().normalize();
        Path routes = project.resolve("app/routers/catalog.py").toAbsolutePath().normalize();
        String original = Files.readString(models);
        String eager = original.replace("relationship(back_populates=\"author\")",
                "relationship(back_populates=\"author\", lazy=\"selectin\")");
        if (eager.equals(original)) {
            throw new IllegalStateException("the edit site is gone from " + models);
        }
        String routesText = Files.readString(routes);
        WorkspaceIndex index = new WorkspaceIndex();
        index.addAll(List.of(models, routes), done -> { });
        Checker checker = new Checker().withIndex(index);
        String[] open = {original};
        Workspace.setOverlay(path -> path.equals(models) ? open[0] : null);
        long[] nanos = new long[edits];
        int[] findings = new int[2];
        for (int i = 0; i < edits + 50; i++) {
            // Unique text each time, as typing gives: the models module is parsed again every edit.
            open[0] = (i % 2 == 0 ? eager : original) + "\n# edit " + i + "\n";
            long start = System.nanoTime();
            index.update(models);
            CheckResult result = checker.check(new SourceFile(routes, "catalog.py", routesText), RuleSelection.all());
            long elapsed = System.nanoTime() - start;
            if (i >= 50) {
                nanos[i - 50] = elapsed;
            }
            findings[i % 2] = (int) result.diagnostics().stream().filter(d -> d.code().equals("GL105")).count();
        }
        Workspace.setOverlay(null);
        Arrays.sort(nanos);
        System.out.printf("{\"measure\": \"recheck_after_models_edit\", \"edits\": %d, \"median_ms\": %.2f, \"p99_ms\": %.2f, "
                + "\"gl105_lazy\": %d, \"gl105_selectin\": %d}%n", edits, nanos[edits / 2] / 1e6,
                nanos[(int) (edits * 0.99)] / 1e6, findings[1], findings[0]);
    }
}
