package dev.greenlight.lsp;

import dev.greenlight.cli.FileCollector;
import dev.greenlight.config.ConfigResolver;
import dev.greenlight.workspace.WorkspaceIndex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import dev.greenlight.engine.Workers;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.lsp4j.ProgressParams;
import org.eclipse.lsp4j.WorkDoneProgressBegin;
import org.eclipse.lsp4j.WorkDoneProgressCreateParams;
import org.eclipse.lsp4j.WorkDoneProgressEnd;
import org.eclipse.lsp4j.WorkDoneProgressReport;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * Keeps the {@link WorkspaceIndex} current: indexes every Python file under the root in the
 * background after {@code initialized} (reporting {@code $/progress} when the client supports
 * work-done progress), then follows watched-file events and open documents. One thread, so that
 * updates apply in the order they came; the indexing itself runs on all cores.
 */
final class WorkspaceIndexer {

    private static final AtomicInteger TOKENS = new AtomicInteger();

    private final WorkspaceIndex index;
    private final GreenlightServer server;
    private final Log log;
    private final Runnable indexed;
    private final java.util.Set<Path> pending = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(Workers.factory("greenlight-index"));

    /** @param indexed what to do once the whole workspace is indexed (check the open documents again). */
    WorkspaceIndexer(WorkspaceIndex index, GreenlightServer server, Log log, Runnable indexed) {
        this.index = index;
        this.server = server;
        this.log = log;
        this.indexed = indexed;
    }

    void indexAll(Path root) {
        if (root == null || !Files.isDirectory(root)) {
            return;
        }
        executor.execute(() -> {
            try {
                long start = System.nanoTime();
                List<Path> files = new FileCollector(root, ConfigResolver.discovering(root)).collect(List.of(root.toString()))
                        .files().stream().map(FileCollector.Target::path).toList();
                Progress progress = Progress.start(server, "greenlight: indexing", files.size());
                index.addAll(files, progress::advance);
                WorkspaceIndex.Statistics statistics = index.statistics();
                String summary = statistics.files() + " files, " + statistics.mappedClasses() + " mapped classes, "
                        + statistics.relationships() + " relationships";
                progress.end(summary);
                log.info("indexed " + root + ": " + summary + " in "
                        + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) + " ms");
                indexed.run();
            } catch (Exception | StackOverflowError error) {
                log.error("indexing " + root + " failed", error);
            }
        });
    }

    /** A file changed on disk or in the editor: index it again (once, however often it changes meanwhile). */
    void update(Path path) {
        if (!pending.add(path)) {
            return;
        }
        executor.execute(() -> {
            pending.remove(path);
            try {
                index.update(path);
            } catch (RuntimeException | StackOverflowError error) {
                log.error("indexing " + path + " failed", error);
            }
        });
    }

    void remove(Path path) {
        executor.execute(() -> index.remove(path));
    }

    void shutdown() {
        executor.shutdownNow();
    }

    /** {@code $/progress} for one job, or nothing when the client has no work-done progress. */
    private static final class Progress {

        private final LanguageClient client;
        private final Either<String, Integer> token;
        private final int total;
        private final AtomicInteger lastPercent = new AtomicInteger(-1);

        private Progress(LanguageClient client, Either<String, Integer> token, int total) {
            this.client = client;
            this.token = token;
            this.total = total;
        }

        static Progress start(GreenlightServer server, String title, int total) {
            LanguageClient client = server.client();
            if (client == null || !server.features().workDoneProgress()) {
                return new Progress(null, null, total);
            }
            Either<String, Integer> token = Either.forLeft("greenlight-index-" + TOKENS.incrementAndGet());
            try {
                client.createProgress(new WorkDoneProgressCreateParams(token)).get(5, TimeUnit.SECONDS);
            } catch (Exception refused) {
                return new Progress(null, null, total);
            }
            WorkDoneProgressBegin begin = new WorkDoneProgressBegin();
            begin.setTitle(title);
            begin.setMessage(total + " files");
            begin.setPercentage(0);
            begin.setCancellable(false);
            client.notifyProgress(new ProgressParams(token, Either.forLeft(begin)));
            return new Progress(client, token, total);
        }

        void advance(int done) {
            if (client == null || total == 0) {
                return;
            }
            int percent = (int) (100L * done / total);
            int last = lastPercent.get();
            // One report per 5 percent is enough for a progress bar and keeps the pipe quiet.
            if (percent >= last + 5 && lastPercent.compareAndSet(last, percent)) {
                WorkDoneProgressReport report = new WorkDoneProgressReport();
                report.setPercentage(percent);
                report.setMessage(done + "/" + total + " files");
                client.notifyProgress(new ProgressParams(token, Either.forLeft(report)));
            }
        }

        void end(String message) {
            if (client == null) {
                return;
            }
            WorkDoneProgressEnd end = new WorkDoneProgressEnd();
            end.setMessage(message);
            client.notifyProgress(new ProgressParams(token, Either.forLeft(end)));
        }
    }
}
