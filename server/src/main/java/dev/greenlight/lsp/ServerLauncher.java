package dev.greenlight.lsp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * Runs the server on a pair of streams until {@code exit} or the end of the input. The exit code
 * is the one {@code exit} asked for: 0 after {@code shutdown}, 1 otherwise (also when the client
 * went away without {@code exit}).
 */
public final class ServerLauncher {

    private ServerLauncher() {
    }

    public static int serve(InputStream in, OutputStream out) {
        AtomicInteger exitCode = new AtomicInteger(-1);
        ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "greenlight-lsp");
            thread.setDaemon(true);
            return thread;
        });
        Future<Void>[] listening = newListening();
        GreenlightServer server = new GreenlightServer(code -> {
            exitCode.compareAndSet(-1, code);
            if (listening[0] != null) {
                listening[0].cancel(true);
            }
        });
        Launcher<LanguageClient> launcher = LSPLauncher.createServerLauncher(server, in, out, executor, null);
        server.connect(launcher.getRemoteProxy());
        listening[0] = launcher.startListening();
        try {
            listening[0].get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | java.util.concurrent.CancellationException ended) {
            // exit, or the stream closed under us: the exit code says which.
        } finally {
            executor.shutdownNow();
        }
        int code = exitCode.get();
        return code < 0 ? (server.isShutdown() ? 0 : 1) : code;
    }

    /** Serves one client that connects to {@code 127.0.0.1:port}, for debugging. */
    public static int serveSocket(int port, java.io.PrintStream messages) throws IOException {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            messages.println("greenlight: waiting for a client on 127.0.0.1:" + socket.getLocalPort());
            try (Socket client = socket.accept()) {
                return serve(client.getInputStream(), client.getOutputStream());
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Future<Void>[] newListening() {
        return new Future[1];
    }
}
