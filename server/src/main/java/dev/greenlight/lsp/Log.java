package dev.greenlight.lsp;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.services.LanguageClient;

/** Logs through {@code window/logMessage} (standard error before a client is connected). */
final class Log {

    private volatile LanguageClient client;

    void connect(LanguageClient client) {
        this.client = client;
    }

    void info(String message) {
        send(MessageType.Info, message);
    }

    void warning(String message) {
        send(MessageType.Warning, message);
    }

    void error(String message, Throwable error) {
        StringWriter trace = new StringWriter();
        if (error != null) {
            error.printStackTrace(new PrintWriter(trace));
        }
        send(MessageType.Error, message + (error == null ? "" : ": " + error + "\n" + trace));
    }

    private void send(MessageType type, String message) {
        LanguageClient current = client;
        if (current != null) {
            try {
                current.logMessage(new MessageParams(type, "greenlight: " + message));
                return;
            } catch (RuntimeException unreachable) {
                // The connection is gone; standard error is all that is left.
            }
        }
        System.err.println("greenlight: " + message);
    }
}
