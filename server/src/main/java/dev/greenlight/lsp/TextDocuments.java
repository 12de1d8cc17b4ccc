package dev.greenlight.lsp;

import dev.greenlight.workspace.WorkspaceIndex;
import com.google.gson.JsonObject;
import dev.greenlight.python.text.Change;
import dev.greenlight.python.text.ClampListener;
import dev.greenlight.python.text.Document;
import dev.greenlight.rules.Diagnostic;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.DocumentDiagnosticParams;
import org.eclipse.lsp4j.DocumentDiagnosticReport;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.RelatedFullDocumentDiagnosticReport;
import org.eclipse.lsp4j.RelatedUnchangedDocumentDiagnosticReport;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.TextDocumentService;

/**
 * The text document methods. Notifications update the documents in order on the message thread
 * and schedule analysis; requests answer from the analysis of the current version. A failing
 * handler is logged and answered with an error, never left to end the server.
 */
final class TextDocuments implements TextDocumentService {

    private final GreenlightServer server;
    private final Analysis analysis;
    private final Log log;
    private final CodeActions codeActions = new CodeActions();
    private volatile WorkspaceIndexer indexer;
    private final java.util.Map<String, PublishDiagnosticsParams> published = new java.util.concurrent.ConcurrentHashMap<>();
    /** Open documents that may declare models, factories or dependencies: their edits concern other modules. */
    private final java.util.Set<String> declaring = java.util.concurrent.ConcurrentHashMap.newKeySet();

    TextDocuments(GreenlightServer server, Analysis analysis, Log log) {
        this.server = server;
        this.analysis = analysis;
        this.log = log;
    }

    @Override
    public void didOpen(DidOpenTextDocumentParams params) {
        guard("didOpen", () -> {
            String uri = params.getTextDocument().getUri();
            Document document = Document.of(params.getTextDocument().getText(), params.getTextDocument().getVersion(),
                    clampLog(uri));
            analysis.open(new OpenDocument(uri, pathOf(uri), document));
            analyze(uri);
            if (WorkspaceIndex.mayDeclare(params.getTextDocument().getText())) {
                declaring.add(uri);
            }
            edited(uri);
        });
    }

    @Override
    public void didChange(DidChangeTextDocumentParams params) {
        guard("didChange", () -> {
            String uri = params.getTextDocument().getUri();
            OpenDocument open = analysis.document(uri);
            if (open == null) {
                log.warning("didChange for a document that is not open: " + uri);
                return;
            }
            List<Change> changes = new ArrayList<>();
            for (TextDocumentContentChangeEvent event : params.getContentChanges()) {
                changes.add(event.getRange() == null ? Change.full(event.getText())
                        : Change.replace(new dev.greenlight.python.text.Range(
                                Conversions.position(event.getRange().getStart()),
                                Conversions.position(event.getRange().getEnd())), event.getText()));
            }
            Integer version = params.getTextDocument().getVersion();
            Document next = open.document().apply(changes, version != null ? version : open.version() + 1,
                    server.features().encoding(), analysis.editListener(uri));
            analysis.put(open.with(next));
            analyze(uri);
            if (!declaring.contains(uri) && touchedLinesDeclare(next, params.getContentChanges())) {
                declaring.add(uri);
            }
            edited(uri);
        });
    }

    @Override
    public void didClose(DidCloseTextDocumentParams params) {
        guard("didClose", () -> {
            String uri = params.getTextDocument().getUri();
            analysis.remove(uri);
            published.remove(uri);
            declaring.remove(uri);
            if (!server.features().pullDiagnostics() && server.client() != null) {
                server.client().publishDiagnostics(new PublishDiagnosticsParams(uri, List.of()));
            }
        });
    }

    @Override
    public void didSave(DidSaveTextDocumentParams params) {
        // Analysis follows the edits; saving changes nothing.
    }

    /** Pull diagnostics: the current version's, or "unchanged" when the client has them already. */
    @Override
    public CompletableFuture<DocumentDiagnosticReport> diagnostic(DocumentDiagnosticParams params) {
        String uri = params.getTextDocument().getUri();
        return current(uri).thenApply(result -> {
            String resultId = result.version() + "." + result.generation();
            if (resultId.equals(params.getPreviousResultId())) {
                return new DocumentDiagnosticReport(new RelatedUnchangedDocumentDiagnosticReport(resultId));
            }
            RelatedFullDocumentDiagnosticReport report = new RelatedFullDocumentDiagnosticReport(lspDiagnostics(result));
            report.setResultId(resultId);
            return new DocumentDiagnosticReport(report);
        });
    }

    @Override
    public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams params) {
        String uri = params.getTextDocument().getUri();
        return current(uri).thenApplyAsync(result -> {
            List<Either<Command, CodeAction>> actions = new ArrayList<>();
            for (CodeAction action : codeActions.actions(result, analysis.selection(result.document()), params,
                    server.features())) {
                actions.add(Either.forRight(action));
            }
            return actions;
        }, analysis.worker());
    }

    @Override
    public CompletableFuture<CodeAction> resolveCodeAction(CodeAction action) {
        if (!(action.getData() instanceof JsonObject data) || !data.has("uri")) {
            return CompletableFuture.completedFuture(action);
        }
        return current(data.get("uri").getAsString()).thenApplyAsync(result -> {
            action.setEdit(codeActions.resolve(result, analysis.selection(result.document()), data, server.features()));
            return action;
        }, analysis.worker());
    }

    void setIndexer(WorkspaceIndexer indexer) {
        this.indexer = indexer;
    }

    /**
     * A document that may declare models, factories or dependencies changed: index its new text
     * and check the other open documents again, since what they read of it may have changed.
     */
    private void edited(String uri) {
        OpenDocument document = analysis.document(uri);
        if (document == null || document.path() == null || !declaring.contains(uri)) {
            return;
        }
        WorkspaceIndexer current = indexer;
        if (current != null) {
            current.update(document.path());
        }
        dependenciesChanged(uri);
    }

    /**
     * Whether the lines an edit wrote now name what a declaring module names: a module becomes
     * one as it is typed. Looks at those lines only; a large module that declares nothing is never
     * scanned whole on a keystroke.
     */
    private static boolean touchedLinesDeclare(Document document, List<TextDocumentContentChangeEvent> events) {
        for (TextDocumentContentChangeEvent event : events) {
            if (event.getRange() == null) {
                return WorkspaceIndex.mayDeclare(document.text());
            }
        }
        // Each change's lines, in the final text: a later change may move an earlier one's lines,
        // so a small window around each is read.
        for (TextDocumentContentChangeEvent event : events) {
            int first = Math.max(0, event.getRange().getStart().getLine() - 1);
            int inserted = (int) event.getText().chars().filter(c -> c == '\n').count();
            int last = Math.min(document.lineCount() - 1, event.getRange().getStart().getLine() + inserted + 1);
            for (int line = first; line <= last; line++) {
                if (WorkspaceIndex.mayDeclare(document.lineText(line))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Checks every open document but {@code changed} (null: all of them) again. */
    void dependenciesChanged(String changed) {
        analysis.dependenciesChanged(changed);
        if (server.features().pullDiagnostics()) {
            LanguageClient client = server.client();
            if (client != null && server.features().diagnosticRefresh()) {
                client.refreshDiagnostics();
            }
            return;
        }
        for (OpenDocument document : analysis.documents()) {
            if (!document.uri().equals(changed)) {
                analyze(document.uri());
            }
        }
    }

    private void analyze(String uri) {
        if (server.features().pullDiagnostics()) {
            return;
        }
        analysis.schedule(uri, this::publish);
    }

    private void publish(Analysis.Result result) {
        LanguageClient client = server.client();
        if (client == null) {
            return;
        }
        PublishDiagnosticsParams params = new PublishDiagnosticsParams(result.document().uri(), lspDiagnostics(result));
        params.setVersion(result.version());
        PublishDiagnosticsParams last = published.put(params.getUri(), params);
        // Checked again because another module changed, with the same outcome: nothing to say.
        if (params.equals(last)) {
            return;
        }
        client.publishDiagnostics(params);
    }

    private List<org.eclipse.lsp4j.Diagnostic> lspDiagnostics(Analysis.Result result) {
        List<org.eclipse.lsp4j.Diagnostic> out = new ArrayList<>();
        EditorSettings settings = analysis.editorSettings();
        for (Diagnostic diagnostic : result.check().diagnostics()) {
            out.add(Conversions.diagnostic(diagnostic, result.document(), server.features(), settings));
        }
        return out;
    }

    /** The current analysis, or an LSP error for a document that is not open. */
    private CompletableFuture<Analysis.Result> current(String uri) {
        return analysis.current(uri).exceptionally(error -> {
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (cause instanceof Analysis.UnknownDocumentException) {
                throw new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidParams, cause.getMessage(), null));
            }
            log.error("analysis of " + uri + " failed", cause);
            throw new ResponseErrorException(new ResponseError(ResponseErrorCode.InternalError,
                    "greenlight failed to analyze " + uri + "; see the log", null));
        });
    }

    private ClampListener clampLog(String uri) {
        return (reason, requested, offset) -> log.warning("position " + requested + " outside " + uri + " (" + reason + "), used offset " + offset);
    }

    private void guard(String method, Runnable handler) {
        try {
            handler.run();
        } catch (RuntimeException | StackOverflowError error) {
            log.error(method + " failed", error);
        }
    }

    /** The file behind a {@code file:} URI, or null. */
    static Path pathOf(String uri) {
        if (uri == null) {
            return null;
        }
        try {
            URI parsed = URI.create(uri);
            return "file".equals(parsed.getScheme()) ? Path.of(parsed).toAbsolutePath().normalize() : null;
        } catch (RuntimeException notAFile) {
            return null;
        }
    }
}
