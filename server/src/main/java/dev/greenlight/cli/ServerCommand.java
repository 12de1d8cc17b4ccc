package dev.greenlight.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "server", description = "Run the language server over standard input and output.")
final class ServerCommand extends CliCommand {

    @Option(names = "--port", paramLabel = "N", description = "Serve one client over TCP on 127.0.0.1:N instead (for debugging).")
    Integer port;

    @Override
    public Integer call() {
        cli.error("the language server is not built yet");
        return Main.EXIT_ERROR;
    }
}
