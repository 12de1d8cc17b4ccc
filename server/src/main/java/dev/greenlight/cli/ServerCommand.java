package dev.greenlight.cli;

import dev.greenlight.lsp.ServerLauncher;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "server", description = "Run the language server over standard input and output.")
final class ServerCommand extends CliCommand {

    @Option(names = "--port", paramLabel = "N", description = "Serve one client over TCP on 127.0.0.1:N instead (for debugging).")
    Integer port;

    @Override
    public Integer call() throws IOException {
        if (port != null) {
            return ServerLauncher.serveSocket(port, cli.err());
        }
        // Standard output carries the protocol: nothing else may be printed there.
        OutputStream protocol = new FileOutputStream(FileDescriptor.out);
        PrintStream previous = System.out;
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true));
        try {
            return ServerLauncher.serve(cli.in(), protocol);
        } finally {
            System.setOut(previous);
        }
    }
}
