package dev.greenlight.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;

/** The world a command runs in: standard streams and the working folder (tests give their own). */
public record Cli(InputStream in, PrintStream out, PrintStream err, Path cwd) {

    /** Prints {@code greenlight: error: message} on standard error. */
    public void error(String message) {
        err.println("greenlight: error: " + message);
    }
}
