package dev.greenlight.lsp;

import dev.greenlight.BuildInfo;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionOptions;
import org.eclipse.lsp4j.DiagnosticRegistrationOptions;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.SaveOptions;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextDocumentSyncOptions;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

/**
 * greenlight's language server: lifecycle and capabilities. The documents and their analysis
 * are in {@link TextDocuments}, settings and watched files in {@link Workspace}. {@code exit}
 * ends the process with 0 after {@code shutdown} and 1 without, as the specification says.
 */
public final class GreenlightServer implements LanguageServer, LanguageClientAware {

    private final Log log = new Log();
    private final Analysis analysis;
    private final TextDocuments documents;
    private final Workspace workspace;
    private final WorkspaceIndexer indexer;
    private final IntConsumer exit;
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "greenlight-parent-watch");
        thread.setDaemon(true);
        return thread;
    });
    private volatile ClientFeatures client = ClientFeatures.none();
    private volatile LanguageClient languageClient;
    private volatile boolean shutdown;

    /** @param exit what {@code exit} does with its exit code (the launcher ends the process). */
    public GreenlightServer(IntConsumer exit) {
        this.exit = exit;
        this.analysis = new Analysis(log, Path.of("").toAbsolutePath());
        this.documents = new TextDocuments(this, analysis, log);
        this.indexer = new WorkspaceIndexer(analysis.index(), this, log, () -> {
            if (analysis.index().statistics().mappedClasses() > 0) {
                documents.dependenciesChanged(null);
            }
        });
        this.workspace = new Workspace(this, analysis, documents, indexer, log);
        documents.setIndexer(indexer);
    }

    @Override
    public void connect(LanguageClient client) {
        this.languageClient = client;
        log.connect(client);
    }

    LanguageClient client() {
        return languageClient;
    }

    ClientFeatures features() {
        return client;
    }

    boolean isShutdown() {
        return shutdown;
    }

    @Override
    public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
        client = ClientFeatures.of(params.getCapabilities());
        root(params).ifPresent(analysis::setRoot);
        workspace.applyInitializationOptions(params.getInitializationOptions());
        watchParent(params.getProcessId());

        ServerCapabilities capabilities = new ServerCapabilities();
        capabilities.setPositionEncoding(client.encoding().lspName());
        TextDocumentSyncOptions sync = new TextDocumentSyncOptions();
        sync.setOpenClose(true);
        sync.setChange(TextDocumentSyncKind.Incremental);
        sync.setSave(new SaveOptions(false));
        capabilities.setTextDocumentSync(sync);
        if (client.codeActionLiterals()) {
            CodeActionOptions codeActions = new CodeActionOptions(List.of(CodeActionKind.QuickFix, CodeActions.FIX_ALL));
            codeActions.setResolveProvider(client.lazyCodeActionEdits());
            capabilities.setCodeActionProvider(codeActions);
        }
        if (client.pullDiagnostics()) {
            DiagnosticRegistrationOptions pull = new DiagnosticRegistrationOptions(false, false);
            pull.setIdentifier("greenlight");
            capabilities.setDiagnosticProvider(pull);
        }
        InitializeResult result = new InitializeResult(capabilities, new ServerInfo("greenlight", BuildInfo.version()));
        return CompletableFuture.completedFuture(result);
    }

    @Override
    public void initialized(InitializedParams params) {
        workspace.initialized();
        indexer.indexAll(analysis.root());
    }

    @Override
    public CompletableFuture<Object> shutdown() {
        shutdown = true;
        analysis.shutdown();
        indexer.shutdown();
        watchdog.shutdownNow();
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void exit() {
        exit.accept(shutdown ? 0 : 1);
    }

    @Override
    public TextDocumentService getTextDocumentService() {
        return documents;
    }

    @Override
    public WorkspaceService getWorkspaceService() {
        return workspace;
    }

    private static Optional<Path> root(InitializeParams params) {
        List<WorkspaceFolder> folders = params.getWorkspaceFolders();
        String uri = folders != null && !folders.isEmpty() ? folders.get(0).getUri() : params.getRootUri();
        return Optional.ofNullable(TextDocuments.pathOf(uri));
    }

    /** Exits when the editor that started us is gone (it may die without saying goodbye). */
    private void watchParent(Integer processId) {
        if (processId == null) {
            return;
        }
        Optional<ProcessHandle> parent = ProcessHandle.of(processId);
        if (parent.isEmpty()) {
            return;
        }
        watchdog.scheduleWithFixedDelay(() -> {
            if (!parent.get().isAlive()) {
                log.info("the editor (process " + processId + ") is gone; exiting");
                exit.accept(1);
            }
        }, 3, 3, TimeUnit.SECONDS);
    }
}
