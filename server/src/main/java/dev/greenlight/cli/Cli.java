package dev.greenlight.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The world a command runs in: standard streams, the working folder and whether standard error is
 * a terminal (for the progress bar); tests give their own.
 */
public record Cli(InputStream in, PrintStream out, PrintStream err, Path cwd, boolean stderrIsTerminal) {

    /** A run whose standard error is not a terminal. */
    public Cli(InputStream in, PrintStream out, PrintStream err, Path cwd) {
        this(in, out, err, cwd, false);
    }

    /** Prints {@code greenlight: error: message} on standard error. */
    public void error(String message) {
        err.println("greenlight: error: " + message);
    }

    /**
     * Whether this process's standard error is a terminal. Java has no isatty for one stream: on
     * Linux, file descriptor 2 links to a terminal device; elsewhere {@link System#console()}
     * (standard input and output both terminals) stands in. {@code TERM=dumb} turns it off.
     */
    static boolean detectStderrTerminal() {
        if ("dumb".equals(System.getenv("TERM"))) {
            return false;
        }
        Path fd = Path.of("/proc/self/fd/2");
        try {
            if (Files.isSymbolicLink(fd)) {
                String target = Files.readSymbolicLink(fd).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
            }
        } catch (java.io.IOException | UnsupportedOperationException | SecurityException e) {
            // fall through
        }
        return System.console() != null;
    }
}
