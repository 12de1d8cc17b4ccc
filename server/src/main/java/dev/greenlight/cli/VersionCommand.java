package dev.greenlight.cli;

import dev.greenlight.BuildInfo;
import picocli.CommandLine.Command;

@Command(name = "version", description = "Print greenlight's version.")
final class VersionCommand extends CliCommand {

    @Override
    public Integer call() {
        cli.out().println("greenlight " + BuildInfo.version());
        return Main.EXIT_CLEAN;
    }
}
