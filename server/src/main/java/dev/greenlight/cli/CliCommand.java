package dev.greenlight.cli;

import java.util.concurrent.Callable;

/** A subcommand: runs with the {@link Cli} of the current run and returns its exit code. */
abstract class CliCommand implements Callable<Integer> {

    Cli cli;
}
