package dev.greenlight.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionCapabilities;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionKindCapabilities;
import org.eclipse.lsp4j.CodeActionLiteralSupportCapabilities;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CodeActionResolveSupportCapabilities;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticCapabilities;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DocumentDiagnosticParams;
import org.eclipse.lsp4j.DocumentDiagnosticReport;
import org.eclipse.lsp4j.GeneralClientCapabilities;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsCapabilities;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The server end to end, with lsp4j's own client over piped streams: the protocol as an editor
 * speaks it, including the bad input an editor (or a broken plugin) may send.
 */
@Timeout(60)
class LanguageServerTest {

    /** lsp4j logs the bad input of these tests at SEVERE; keep the test output readable. */
    private static final java.util.logging.Logger LSP4J = java.util.logging.Logger.getLogger("org.eclipse.lsp4j");

    static {
        LSP4J.setLevel(java.util.logging.Level.OFF);
    }

    private static final String URI = "file:///project/app/routes.py";
    private static final String ROUTE = """
            from fastapi import APIRouter, Depends

            router = APIRouter()


            @router.get("/users/{user_id}")
            def read_user(user_id: int, db=Depends(get_db)):
                return await db.get(User, user_id)
            """;

    private TestClient client;
    private LanguageServer server;
    private PipedOutputStream toServer;
    private CompletableFuture<Integer> serving;

    private void start(ClientCapabilities capabilities) throws Exception {
        start(capabilities, null);
    }

    private void start(ClientCapabilities capabilities, String rootUri) throws Exception {
        PipedInputStream serverIn = new PipedInputStream(1 << 16);
        toServer = new PipedOutputStream(serverIn);
        PipedInputStream clientIn = new PipedInputStream(1 << 16);
        PipedOutputStream serverOut = new PipedOutputStream(clientIn);
        serving = CompletableFuture.supplyAsync(() -> ServerLauncher.serve(serverIn, serverOut));
        client = new TestClient();
        Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(client, clientIn, toServer);
        launcher.startListening();
        server = launcher.getRemoteProxy();
        InitializeParams params = new InitializeParams();
        params.setProcessId((int) ProcessHandle.current().pid());
        params.setCapabilities(capabilities);
        params.setRootUri(rootUri);
        InitializeResult result = server.initialize(params).get(10, TimeUnit.SECONDS);
        assertNotNull(result.getCapabilities());
        server.initialized(new InitializedParams());
    }

    @AfterEach
    void stop() throws Exception {
        if (serving != null && !serving.isDone()) {
            try {
                server.shutdown().get(5, TimeUnit.SECONDS);
                server.exit();
                serving.get(5, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // The test itself may have ended the server.
            }
        }
    }

    /** Neovim 0.7 and Eglot: push diagnostics, no related information, edits in the actions. */
    private static ClientCapabilities pushClient() {
        TextDocumentClientCapabilities text = new TextDocumentClientCapabilities();
        PublishDiagnosticsCapabilities publish = new PublishDiagnosticsCapabilities();
        publish.setVersionSupport(true);
        publish.setRelatedInformation(true);
        text.setPublishDiagnostics(publish);
        CodeActionCapabilities codeAction = new CodeActionCapabilities();
        codeAction.setCodeActionLiteralSupport(new CodeActionLiteralSupportCapabilities(
                new CodeActionKindCapabilities(List.of(CodeActionKind.QuickFix, CodeActionKind.SourceFixAll))));
        codeAction.setIsPreferredSupport(true);
        text.setCodeAction(codeAction);
        ClientCapabilities capabilities = new ClientCapabilities();
        capabilities.setTextDocument(text);
        return capabilities;
    }

    /** VS Code: pull diagnostics, lazy code action edits, UTF-8 offered. */
    private static ClientCapabilities pullClient() {
        ClientCapabilities capabilities = pushClient();
        capabilities.getTextDocument().setDiagnostic(new DiagnosticCapabilities());
        CodeActionCapabilities codeAction = capabilities.getTextDocument().getCodeAction();
        codeAction.setResolveSupport(new CodeActionResolveSupportCapabilities(List.of("edit")));
        GeneralClientCapabilities general = new GeneralClientCapabilities();
        general.setPositionEncodings(List.of("utf-16", "utf-8"));
        capabilities.setGeneral(general);
        return capabilities;
    }

    private void open(String uri, String text, int version) {
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "python", version, text)));
    }

    private void change(String uri, int version, Range range, String text) {
        TextDocumentContentChangeEvent event = range == null ? new TextDocumentContentChangeEvent(text)
                : new TextDocumentContentChangeEvent(range, text);
        server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(uri, version), List.of(event)));
    }

    private List<CodeAction> codeActions(String uri, Range range, List<String> only) throws Exception {
        CodeActionContext context = new CodeActionContext(List.of());
        context.setOnly(only);
        List<Either<Command, CodeAction>> result = server.getTextDocumentService()
                .codeAction(new CodeActionParams(new TextDocumentIdentifier(uri), range, context)).get(10, TimeUnit.SECONDS);
        return result.stream().map(Either::getRight).toList();
    }

    @Test
    void diagnosticsCodeActionFixAndClear() throws Exception {
        start(pushClient());
        open(URI, ROUTE, 1);
        PublishDiagnosticsParams first = client.awaitVersion(URI, 1);
        assertEquals(1, first.getDiagnostics().size());
        Diagnostic diagnostic = first.getDiagnostics().get(0);
        assertEquals("GL006", diagnostic.getCode().getLeft());
        assertEquals("greenlight", diagnostic.getSource());
        assertEquals(new Range(new Position(7, 11), new Position(7, 38)), diagnostic.getRange());
        assertEquals("`await` inside `def read_user`, which is not `async def`: the module does not import "
                + "(SyntaxError: 'await' outside async function)", diagnostic.getMessage().getLeft());
        assertEquals(new Range(new Position(6, 0), new Position(6, 13)),
                diagnostic.getRelatedInformation().get(0).getLocation().getRange());

        // An incremental edit above the function moves the diagnostic down a line.
        change(URI, 2, new Range(new Position(0, 0), new Position(0, 0)), "import logging\n");
        PublishDiagnosticsParams second = client.awaitVersion(URI, 2);
        assertEquals(8, second.getDiagnostics().get(0).getRange().getStart().getLine());
        String text = "import logging\n" + ROUTE;

        List<CodeAction> actions = codeActions(URI, second.getDiagnostics().get(0).getRange(), null);
        CodeAction fix = actions.stream().filter(a -> a.getTitle().equals("Make `read_user` an `async def`")).findFirst().orElseThrow();
        assertEquals(CodeActionKind.QuickFix, fix.getKind());
        assertEquals(Boolean.TRUE, fix.getIsPreferred());
        assertTrue(actions.stream().anyMatch(a -> a.getTitle().equals("Suppress GL006 on this line (# noqa: GL006)")));
        assertTrue(actions.stream().anyMatch(a -> a.getKind().equals("source.fixAll.greenlight")));

        List<TextEdit> edits = fix.getEdit().getChanges().get(URI);
        String fixed = apply(text, edits);
        assertTrue(fixed.contains("async def read_user("), fixed);
        for (TextEdit edit : edits) {
            change(URI, 3, edit.getRange(), edit.getNewText());
        }
        assertEquals(List.of(), client.awaitVersion(URI, 3).getDiagnostics());
    }

    @Test
    void fixAllAndNoqaActions() throws Exception {
        start(pushClient());
        String text = "def f(db):\n    await db.commit()\n    await db.close()  # noqa: GL101\n";
        open(URI, text, 1);
        assertEquals(2, client.awaitVersion(URI, 1).getDiagnostics().size());
        Range everything = new Range(new Position(0, 0), new Position(3, 0));
        List<CodeAction> fixAll = codeActions(URI, everything, List.of(CodeActionKind.SourceFixAll));
        // f is called nowhere and registered nowhere: its fix is unsafe, and fix-all applies only safe ones.
        assertEquals(List.of(), fixAll);

        List<CodeAction> noqa = codeActions(URI, new Range(new Position(2, 4), new Position(2, 4)), List.of(CodeActionKind.QuickFix));
        CodeAction suppress = noqa.stream().filter(a -> a.getTitle().startsWith("Suppress")).findFirst().orElseThrow();
        assertEquals("def f(db):\n    await db.commit()\n    await db.close()  # noqa: GL101, GL006\n",
                apply(text, suppress.getEdit().getChanges().get(URI)));
        CodeAction other = codeActions(URI, new Range(new Position(1, 4), new Position(1, 4)), List.of(CodeActionKind.QuickFix))
                .stream().filter(a -> a.getTitle().startsWith("Suppress")).findFirst().orElseThrow();
        assertEquals("def f(db):\n    await db.commit()  # noqa: GL006\n    await db.close()  # noqa: GL101\n",
                apply(text, other.getEdit().getChanges().get(URI)));

        String route = "@app.get('/')\ndef index(db=Depends(get_db)):\n    return await db.scalar(q)\n";
        open("file:///project/app/index.py", route, 1);
        client.awaitVersion("file:///project/app/index.py", 1);
        CodeAction all = codeActions("file:///project/app/index.py", everything, List.of(CodeActionKind.SourceFixAll)).get(0);
        assertEquals("source.fixAll.greenlight", all.getKind());
        assertEquals(route.replace("def index", "async def index"),
                apply(route, all.getEdit().getChanges().get("file:///project/app/index.py")));
    }

    @Test
    void pullDiagnosticsAndLazyEdits() throws Exception {
        start(pullClient());
        open(URI, ROUTE, 1);
        DocumentDiagnosticReport report = server.getTextDocumentService()
                .diagnostic(new DocumentDiagnosticParams(new TextDocumentIdentifier(URI))).get(10, TimeUnit.SECONDS);
        assertTrue(report.isRelatedFullDocumentDiagnosticReport());
        String resultId = report.getRelatedFullDocumentDiagnosticReport().getResultId();
        assertTrue(resultId.startsWith("1."), "the result id names the version: " + resultId);
        assertEquals(1, report.getRelatedFullDocumentDiagnosticReport().getItems().size());
        DocumentDiagnosticParams again = new DocumentDiagnosticParams(new TextDocumentIdentifier(URI));
        again.setPreviousResultId(resultId);
        assertTrue(server.getTextDocumentService().diagnostic(again).get(10, TimeUnit.SECONDS).isRelatedUnchangedDocumentDiagnosticReport());
        assertTrue(client.published.isEmpty(), "a pull client gets no pushed diagnostics");

        Range range = report.getRelatedFullDocumentDiagnosticReport().getItems().get(0).getRange();
        CodeAction lazy = codeActions(URI, range, List.of(CodeActionKind.QuickFix)).get(0);
        assertNull(lazy.getEdit());
        assertNotNull(lazy.getData());
        CodeAction resolved = server.getTextDocumentService().resolveCodeAction(lazy).get(10, TimeUnit.SECONDS);
        assertEquals(ROUTE.replace("def read_user", "async def read_user"), apply(ROUTE, resolved.getEdit().getChanges().get(URI)));
    }

    @Test
    void indexesTheWorkspaceWithProgressAndFollowsEditsOfModels(@org.junit.jupiter.api.io.TempDir java.nio.file.Path root)
            throws Exception {
        String models = """
                from sqlalchemy import ForeignKey
                from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


                class Base(DeclarativeBase):
                    pass


                class User(Base):
                    __tablename__ = "users"
                    id: Mapped[int] = mapped_column(primary_key=True)
                    addresses: Mapped[list["Address"]] = relationship(back_populates="user")


                class Address(Base):
                    __tablename__ = "addresses"
                    id: Mapped[int] = mapped_column(primary_key=True)
                    email: Mapped[str]
                    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
                    user: Mapped[User] = relationship(back_populates="addresses")
                """;
        String routes = """
                from sqlalchemy.ext.asyncio import async_sessionmaker, create_async_engine

                from models import User

                SessionLocal = async_sessionmaker(create_async_engine("sqlite+aiosqlite://"))


                async def emails(user_id: int):
                    async with SessionLocal() as db:
                        user = await db.get(User, user_id)
                        return [address.email for address in user.addresses]
                """;
        java.nio.file.Files.writeString(root.resolve("models.py"), models);
        java.nio.file.Files.writeString(root.resolve("routes.py"), routes);
        ClientCapabilities capabilities = pushClient();
        org.eclipse.lsp4j.WindowClientCapabilities window = new org.eclipse.lsp4j.WindowClientCapabilities();
        window.setWorkDoneProgress(true);
        capabilities.setWindow(window);
        start(capabilities, root.toUri().toString());

        org.eclipse.lsp4j.ProgressParams end = null;
        for (org.eclipse.lsp4j.ProgressParams params; end == null
                && (params = client.progress.poll(10, TimeUnit.SECONDS)) != null; ) {
            if (params.getValue().getLeft() instanceof org.eclipse.lsp4j.WorkDoneProgressEnd) {
                end = params;
            }
        }
        assertNotNull(end, "indexing reports its end");
        assertTrue(((org.eclipse.lsp4j.WorkDoneProgressEnd) end.getValue().getLeft()).getMessage()
                .contains("2 files, 2 mapped classes, 2 relationships"), end.toString());

        String routesUri = root.resolve("routes.py").toUri().toString();
        String modelsUri = root.resolve("models.py").toUri().toString();
        open(routesUri, routes, 1);
        List<Diagnostic> before = client.awaitVersion(routesUri, 1).getDiagnostics();
        assertEquals(1, before.size(), before.toString());
        assertEquals("GL101", before.get(0).getCode().getLeft());
        assertEquals(10, before.get(0).getRange().getStart().getLine());

        // A change on disk, reported by the editor's file watcher, is followed too.
        String eagerOnDisk = models.replace("relationship(back_populates=\"user\")",
                "relationship(back_populates=\"user\", lazy=\"joined\")");
        java.nio.file.Files.writeString(root.resolve("models.py"), eagerOnDisk);
        server.getWorkspaceService().didChangeWatchedFiles(new org.eclipse.lsp4j.DidChangeWatchedFilesParams(
                List.of(new org.eclipse.lsp4j.FileEvent(modelsUri, org.eclipse.lsp4j.FileChangeType.Changed))));
        assertEquals(List.of(), client.next(routesUri).getDiagnostics());
        java.nio.file.Files.writeString(root.resolve("models.py"), models);
        server.getWorkspaceService().didChangeWatchedFiles(new org.eclipse.lsp4j.DidChangeWatchedFilesParams(
                List.of(new org.eclipse.lsp4j.FileEvent(modelsUri, org.eclipse.lsp4j.FileChangeType.Changed))));
        assertEquals("GL101", client.next(routesUri).getDiagnostics().get(0).getCode().getLeft());

        // The editor's unsaved text of models.py wins over the disk's: routes.py is checked again.
        open(modelsUri, models, 1);
        change(modelsUri, 2, null, models.replace("relationship(back_populates=\"user\")",
                "relationship(back_populates=\"user\", lazy=\"selectin\")"));
        assertEquals(List.of(), client.next(routesUri).getDiagnostics());
    }

    @Test
    void alternativeFixesAreOfferedBesideThePreferredOne() throws Exception {
        String blog = """
                from sqlalchemy.ext.asyncio import async_sessionmaker, create_async_engine
                from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

                SessionLocal = async_sessionmaker(create_async_engine("sqlite+aiosqlite://"))


                class Base(DeclarativeBase):
                    pass


                class Post(Base):
                    __tablename__ = "posts"
                    id: Mapped[int] = mapped_column(primary_key=True)
                    title: Mapped[str]


                async def publish(title: str):
                    async with SessionLocal() as db:
                        post = Post(title=title)
                        db.add(post)
                        await db.commit()
                        return post.id
                """;
        start(pushClient());
        String uri = "file:///project/blog.py";
        open(uri, blog, 1);
        Diagnostic expired = client.awaitVersion(uri, 1).getDiagnostics().get(0);
        assertEquals("GL102", expired.getCode().getLeft());
        List<CodeAction> actions = codeActions(uri, expired.getRange(), List.of(CodeActionKind.QuickFix));
        assertEquals(List.of("Refresh `post` after `commit()`", "Set `expire_on_commit=False` on `async_sessionmaker(...)`",
                "Suppress GL102 on this line (# noqa: GL102)"), actions.stream().map(CodeAction::getTitle).toList());
        assertEquals(Boolean.TRUE, actions.get(0).getIsPreferred());
        assertNotEquals(Boolean.TRUE, actions.get(1).getIsPreferred());
        assertTrue(apply(blog, actions.get(1).getEdit().getChanges().get(uri))
                .contains("async_sessionmaker(create_async_engine(\"sqlite+aiosqlite://\"), expire_on_commit=False)"));
    }

    @Test
    void utf8PositionsWhenOffered() throws Exception {
        ClientCapabilities capabilities = pushClient();
        GeneralClientCapabilities general = new GeneralClientCapabilities();
        general.setPositionEncodings(List.of("utf-8", "utf-16"));
        capabilities.setGeneral(general);
        start(capabilities);
        open(URI, "def f(db):\n    café = await db.get(1)\n", 1);
        Diagnostic diagnostic = client.awaitVersion(URI, 1).getDiagnostics().get(0);
        // "    café = " is 11 characters and 12 UTF-8 bytes.
        assertEquals(new Position(1, 12), diagnostic.getRange().getStart());
    }

    @Test
    void staleVersionsAreNeverPublishedLast() throws Exception {
        start(pushClient());
        open(URI, ROUTE, 1);
        client.awaitVersion(URI, 1);
        for (int version = 2; version <= 30; version++) {
            change(URI, version, new Range(new Position(0, 0), new Position(0, 0)), "#\n");
        }
        change(URI, 31, null, "x = 1\n");
        assertEquals(List.of(), client.awaitVersion(URI, 31).getDiagnostics());
        Thread.sleep(200);
        assertTrue(client.published.stream().noneMatch(p -> p.getUri().equals(URI)), "nothing after the newest version");
    }

    @Test
    void badRequestsAreAnsweredAndTheServerGoesOn() throws Exception {
        start(pushClient());
        // A request about a document that is not open.
        ExecutionException unknown = assertThrows(ExecutionException.class,
                () -> codeActions("file:///nowhere.py", new Range(new Position(0, 0), new Position(0, 0)), null));
        assertTrue(unknown.getCause() instanceof ResponseErrorException, unknown.toString());
        assertEquals(ResponseErrorCode.InvalidParams.getValue(),
                ((ResponseErrorException) unknown.getCause()).getResponseError().getCode());

        // An edit far outside the document is clamped (and logged), not fatal.
        open(URI, "x = 1\n", 1);
        client.awaitVersion(URI, 1);
        change(URI, 2, new Range(new Position(99, 0), new Position(120, 5)), "def f(db):\n    await db.commit()\n");
        assertEquals(1, client.awaitVersion(URI, 2).getDiagnostics().size());
        assertTrue(client.logs.stream().anyMatch(m -> m.getType() == MessageType.Warning && m.getMessage().contains("outside")),
                client.logs.toString());

        // A change for a document that was never opened.
        change("file:///never.py", 5, null, "x = 1\n");

        // Garbage bytes and a malformed JSON-RPC message on the wire.
        sendRaw("this is not a header\r\n\r\n");
        sendRaw(frame("{\"jsonrpc\": \"2.0\", \"id\": 77, \"method\": \"textDocument/codeAction\", \"params\": {\"textDocument\": "));
        sendRaw(frame("[1, 2, 3]"));
        sendRaw(frame("{\"jsonrpc\": \"2.0\", \"method\": \"textDocument/didChange\", \"params\": {\"textDocument\": 5}}"));

        // The server still answers.
        open("file:///project/after.py", "def g(s):\n    async with s:\n        pass\n", 1);
        assertEquals(1, client.awaitVersion("file:///project/after.py", 1).getDiagnostics().size());
        assertFalse(codeActions("file:///project/after.py", new Range(new Position(1, 4), new Position(1, 4)), null).isEmpty());

        server.getTextDocumentService().didClose(new DidCloseTextDocumentParams(new TextDocumentIdentifier(URI)));
        assertEquals(List.of(), client.next(URI).getDiagnostics());
    }

    @Test
    void severityPerRuleFromTheEditorSettings() throws Exception {
        start(pushClient());
        open(URI, ROUTE, 1);
        DiagnosticSeverity ruleDefault = Conversions.severity(dev.greenlight.rules.Rules.find("GL006").orElseThrow().severity());
        assertEquals(ruleDefault, client.awaitVersion(URI, 1).getDiagnostics().get(0).getSeverity());

        configure(Map.of("greenlight", Map.of("severity", Map.of("GL006", "hint", "GL", "warning"))));
        assertEquals(DiagnosticSeverity.Hint, client.next(URI).getDiagnostics().get(0).getSeverity(), "the code wins over a prefix");

        configure(Map.of("severity", Map.of("gl0", "Information")));
        assertEquals(DiagnosticSeverity.Information, client.next(URI).getDiagnostics().get(0).getSeverity(), "a prefix, any case");

        configure(Map.of("severity", Map.of("GL006", "loud")));
        assertEquals(ruleDefault, client.next(URI).getDiagnostics().get(0).getSeverity(), "a bad value is dropped");
        assertTrue(client.logs.stream().anyMatch(m -> m.getType() == MessageType.Warning && m.getMessage().contains("loud")),
                client.logs.toString());
    }

    private void configure(Object settings) {
        server.getWorkspaceService().didChangeConfiguration(new DidChangeConfigurationParams(settings));
    }

    @Test
    void exitCodes() throws Exception {
        start(pushClient());
        server.shutdown().get(5, TimeUnit.SECONDS);
        server.exit();
        assertEquals(0, serving.get(10, TimeUnit.SECONDS));

        start(pushClient());
        server.exit();
        assertEquals(1, serving.get(10, TimeUnit.SECONDS));
    }

    private void sendRaw(String text) throws IOException {
        synchronized (toServer) {
            OutputStream out = toServer;
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }

    private static String frame(String json) {
        return "Content-Length: " + json.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + json;
    }

    /** Applies LSP edits (UTF-16 positions, non-overlapping) to a text, as a client would. */
    static String apply(String text, List<TextEdit> edits) {
        List<TextEdit> ordered = new ArrayList<>(edits);
        ordered.sort(Comparator.comparing((TextEdit e) -> e.getRange().getStart().getLine())
                .thenComparing(e -> e.getRange().getStart().getCharacter()).reversed());
        String result = text;
        for (TextEdit edit : ordered) {
            result = result.substring(0, offset(result, edit.getRange().getStart())) + edit.getNewText()
                    + result.substring(offset(result, edit.getRange().getEnd()));
        }
        return result;
    }

    private static int offset(String text, Position position) {
        int offset = 0;
        for (int line = 0; line < position.getLine(); line++) {
            offset = text.indexOf('\n', offset) + 1;
        }
        return offset + position.getCharacter();
    }
}
