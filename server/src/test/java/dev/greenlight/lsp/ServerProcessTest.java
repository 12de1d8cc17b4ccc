package dev.greenlight.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.PublishDiagnosticsCapabilities;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code greenlight server} as an editor starts it: a separate JVM running the CLI's main class,
 * spoken to over its standard input and output. Nothing but protocol may appear on its output.
 */
@Timeout(60)
class ServerProcessTest {

    @Test
    void serverOverStandardStreams() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "dev.greenlight.cli.Main", "server")
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try {
            TestClient client = new TestClient();
            Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(client, process.getInputStream(),
                    process.getOutputStream());
            launcher.startListening();
            LanguageServer server = launcher.getRemoteProxy();

            InitializeParams params = new InitializeParams();
            params.setProcessId((int) ProcessHandle.current().pid());
            TextDocumentClientCapabilities text = new TextDocumentClientCapabilities();
            PublishDiagnosticsCapabilities publish = new PublishDiagnosticsCapabilities();
            publish.setVersionSupport(true);
            text.setPublishDiagnostics(publish);
            ClientCapabilities capabilities = new ClientCapabilities();
            capabilities.setTextDocument(text);
            params.setCapabilities(capabilities);
            params.setRootUri(new File(".").toURI().toString());
            InitializeResult result = server.initialize(params).get(30, TimeUnit.SECONDS);
            assertEquals("greenlight", result.getServerInfo().getName());
            assertEquals("utf-16", result.getCapabilities().getPositionEncoding());
            server.initialized(new InitializedParams());

            String uri = "file:///project/app/db.py";
            server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "python", 7,
                    "def get_db():\n    async with SessionLocal() as session:\n        yield session\n")));
            PublishDiagnosticsParams published = client.awaitVersion(uri, 7);
            assertEquals(List.of("GL006"), published.getDiagnostics().stream().map(d -> d.getCode().getLeft()).toList());

            server.shutdown().get(10, TimeUnit.SECONDS);
            server.exit();
            assertTrue(process.waitFor(20, TimeUnit.SECONDS), "the server did not exit");
            assertEquals(0, process.exitValue());
        } finally {
            process.destroyForcibly();
        }
    }
}
