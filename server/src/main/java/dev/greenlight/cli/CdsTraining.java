package dev.greenlight.cli;

import dev.greenlight.lsp.ServerLauncher;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The training run for the class-data sharing archive built at package time
 * ({@code java -XX:ArchiveClassesAtExit=greenlight.jsa -cp greenlight.jar dev.greenlight.cli.CdsTraining}):
 * does what greenlight's commands do on a tiny module (a {@code check} in every output format, a
 * language server session over pipes with an open, an edit, diagnostics and a code action), so
 * that the classes they load are in the archive and later runs map them instead of loading them.
 * Always exits 0: an archive with fewer classes is still correct.
 */
public final class CdsTraining {

    private static final String MODULE = """
            from sqlalchemy.ext.asyncio import AsyncSession


            def read(session: AsyncSession, key: int):  # a GL006 with a fix
                return await session.get(dict, key)


            async def fine(session):
                async with session.begin():
                    return [row async for row in await session.stream(None)]
            """;

    private CdsTraining() {
    }

    public static void main(String[] args) {
        try {
            checkRuns();
            serverSession();
        } catch (Exception | Error e) {
            System.err.println("greenlight: CDS training run incomplete (the archive is still usable): " + e);
        }
        System.exit(0);
    }

    private static void checkRuns() throws IOException {
        Path dir = Files.createTempDirectory("greenlight-cds");
        try {
            Files.writeString(dir.resolve("module.py"), MODULE);
            Files.writeString(dir.resolve("broken.py"), "def broken(:\n    pass\n");
            Files.writeString(dir.resolve(".gitignore"), "build/\n");
            Files.writeString(dir.resolve("pyproject.toml"), "[tool.greenlight]\nignore = []\n");
            for (String format : new String[] {"text", "json", "github", "sarif"}) {
                quietly(dir, "check", "--output-format", format, ".");
            }
            quietly(dir, "check", "--diff", ".");
            quietly(dir, "check", "--statistics", ".");
            quietly(dir, "rule", "GL006");
            quietly(dir, "version");
        } finally {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static void quietly(Path cwd, String... args) {
        PrintStream sink = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        Main.run(args, new Cli(new ByteArrayInputStream(new byte[0]), sink, sink, cwd));
    }

    private static void serverSession() throws IOException, InterruptedException {
        PipedOutputStream toServer = new PipedOutputStream();
        PipedInputStream serverIn = new PipedInputStream(toServer, 1 << 16);
        PipedInputStream fromServer = new PipedInputStream(1 << 16);
        PipedOutputStream serverOut = new PipedOutputStream(fromServer);
        CountDownLatch published = new CountDownLatch(2);
        CountDownLatch answered = new CountDownLatch(1);
        Thread reader = new Thread(() -> drain(fromServer, published, answered), "cds-training-reader");
        reader.setDaemon(true);
        reader.start();
        Thread server = new Thread(() -> ServerLauncher.serve(serverIn, serverOut), "cds-training-server");
        server.setDaemon(true);
        server.start();

        String uri = "file:///greenlight-cds-training/module.py";
        send(toServer, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"processId\":null,"
                + "\"rootUri\":null,\"capabilities\":{\"general\":{\"positionEncodings\":[\"utf-16\"]},"
                + "\"textDocument\":{\"publishDiagnostics\":{\"relatedInformation\":true,\"versionSupport\":true},"
                + "\"codeAction\":{\"codeActionLiteralSupport\":{\"codeActionKind\":{\"valueSet\":[\"quickfix\",\"source\"]}},"
                + "\"isPreferredSupport\":true}}},\"initializationOptions\":{\"select\":[\"ALL\"]}}}");
        send(toServer, "{\"jsonrpc\":\"2.0\",\"method\":\"initialized\",\"params\":{}}");
        send(toServer, "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":{\"uri\":\""
                + uri + "\",\"languageId\":\"python\",\"version\":1,\"text\":" + json(MODULE) + "}}}");
        send(toServer, "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didChange\",\"params\":{\"textDocument\":{\"uri\":\""
                + uri + "\",\"version\":2},\"contentChanges\":[{\"range\":{\"start\":{\"line\":4,\"character\":11},"
                + "\"end\":{\"line\":4,\"character\":11}},\"text\":\"x\"}]}}");
        published.await(10, TimeUnit.SECONDS);
        send(toServer, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"textDocument/codeAction\",\"params\":{\"textDocument\":{\"uri\":\""
                + uri + "\"},\"range\":{\"start\":{\"line\":4,\"character\":11},\"end\":{\"line\":4,\"character\":11}},"
                + "\"context\":{\"diagnostics\":[]}}}");
        send(toServer, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"shutdown\",\"params\":null}");
        answered.await(10, TimeUnit.SECONDS);
        send(toServer, "{\"jsonrpc\":\"2.0\",\"method\":\"exit\",\"params\":null}");
        server.join(10_000);
    }

    private static void send(OutputStream out, String message) throws IOException {
        byte[] body = message.getBytes(StandardCharsets.UTF_8);
        out.write(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    /** Reads the server's output, counting diagnostics and noticing the answer to {@code shutdown}. */
    private static void drain(InputStream in, CountDownLatch published, CountDownLatch answered) {
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) > 0; ) {
                seen.write(buffer, 0, n);
                String text = seen.toString(StandardCharsets.UTF_8);
                int count = text.split("publishDiagnostics", -1).length - 1;
                while (published.getCount() > 0 && 2 - published.getCount() < count) {
                    published.countDown();
                }
                if (text.contains("\"id\":3")) {
                    answered.countDown();
                }
            }
        } catch (IOException closed) {
            // the server went away: training is over
        }
    }

    private static String json(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
