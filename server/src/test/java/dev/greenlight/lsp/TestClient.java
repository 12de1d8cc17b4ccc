package dev.greenlight.lsp;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ConfigurationParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.services.LanguageClient;

/** A language client that records what the server sends. */
class TestClient implements LanguageClient {

    final BlockingQueue<PublishDiagnosticsParams> published = new LinkedBlockingQueue<>();
    final List<MessageParams> logs = new CopyOnWriteArrayList<>();
    final List<RegistrationParams> registrations = new CopyOnWriteArrayList<>();
    volatile Object configuration;
    volatile int refreshes;
    final BlockingQueue<org.eclipse.lsp4j.ProgressParams> progress = new LinkedBlockingQueue<>();

    @Override
    public CompletableFuture<Void> createProgress(org.eclipse.lsp4j.WorkDoneProgressCreateParams params) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void notifyProgress(org.eclipse.lsp4j.ProgressParams params) {
        progress.add(params);
    }

    @Override
    public void telemetryEvent(Object object) {
    }

    @Override
    public void publishDiagnostics(PublishDiagnosticsParams diagnostics) {
        published.add(diagnostics);
    }

    @Override
    public void showMessage(MessageParams message) {
        logs.add(message);
    }

    @Override
    public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams request) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void logMessage(MessageParams message) {
        logs.add(message);
    }

    @Override
    public CompletableFuture<List<Object>> configuration(ConfigurationParams params) {
        return CompletableFuture.completedFuture(configuration == null ? List.of() : List.of(configuration));
    }

    @Override
    public CompletableFuture<Void> registerCapability(RegistrationParams params) {
        registrations.add(params);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> refreshDiagnostics() {
        refreshes++;
        return CompletableFuture.completedFuture(null);
    }

    /** The next publication for {@code uri} (others are dropped), waiting up to 10 s. */
    PublishDiagnosticsParams next(String uri) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            PublishDiagnosticsParams params = published.poll(100, TimeUnit.MILLISECONDS);
            if (params != null && params.getUri().equals(uri)) {
                return params;
            }
        }
        throw new AssertionError("no diagnostics published for " + uri);
    }

    /** Waits for the publication of {@code version}, checking that versions never go back. */
    PublishDiagnosticsParams awaitVersion(String uri, int version) throws InterruptedException {
        int last = Integer.MIN_VALUE;
        while (true) {
            PublishDiagnosticsParams params = next(uri);
            if (params.getVersion() != null) {
                if (params.getVersion() < last) {
                    throw new AssertionError("version went back from " + last + " to " + params.getVersion());
                }
                last = params.getVersion();
            }
            if (params.getVersion() != null && params.getVersion() == version) {
                return params;
            }
            if (params.getVersion() != null && params.getVersion() > version) {
                throw new AssertionError("version " + version + " skipped, got " + params.getVersion());
            }
        }
    }
}
