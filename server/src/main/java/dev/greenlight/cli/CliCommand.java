package dev.greenlight.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Option;

/** A subcommand: runs with the {@link Cli} of the current run and returns its exit code. */
abstract class CliCommand implements Callable<Integer> {

    Cli cli;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;
}
