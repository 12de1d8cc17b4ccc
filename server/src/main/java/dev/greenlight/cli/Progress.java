package dev.greenlight.cli;

import java.io.PrintStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A one-line progress bar on standard error while {@code check} works through a large tree:
 * redrawn in place ({@code \r}) a few times a second, erased when done, so that the report that
 * follows starts on a clean line. Shown only where a person watches: standard error is a
 * terminal, and the tree has more than {@link #THRESHOLD} files. {@link #NONE} draws nothing.
 */
class Progress implements AutoCloseable {

    /** Trees with at most this many files are checked too fast for a bar to help. */
    static final int THRESHOLD = 200;

    static final Progress NONE = new Progress();

    private static final int BAR_WIDTH = 30;
    private static final long FIRST_DRAW_MS = 150;
    private static final long REDRAW_MS = 100;

    private final PrintStream err;
    private final int total;
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicBoolean drawn = new AtomicBoolean();
    private final ScheduledExecutorService ticker;

    private Progress() {
        this.err = null;
        this.total = 0;
        this.ticker = null;
    }

    /** A bar drawn first after {@code firstDrawMs} (tests draw at once). */
    Progress(PrintStream err, int total, long firstDrawMs) {
        this.err = err;
        this.total = total;
        this.ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "greenlight-progress");
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleAtFixedRate(this::draw, firstDrawMs, REDRAW_MS, TimeUnit.MILLISECONDS);
    }

    /** A bar for {@code total} files when standard error is a terminal and the tree is large. */
    static Progress start(Cli cli, int total) {
        if (!cli.stderrIsTerminal() || total <= THRESHOLD) {
            return NONE;
        }
        return new Progress(cli.err(), total, FIRST_DRAW_MS);
    }

    /** One more file checked. */
    void step() {
        if (ticker != null) {
            done.incrementAndGet();
        }
    }

    /** The line as drawn for {@code done} of {@code total} files. */
    static String line(int done, int total) {
        int filled = total == 0 ? BAR_WIDTH : (int) ((long) done * BAR_WIDTH / total);
        int percent = total == 0 ? 100 : (int) ((long) done * 100 / total);
        return "Checking [" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled) + "] "
                + done + "/" + total + " files (" + percent + "%)";
    }

    private synchronized void draw() {
        if (ticker.isShutdown()) {
            return;
        }
        err.print("\r" + line(done.get(), total) + "\u001b[K");
        err.flush();
        drawn.set(true);
    }

    /** Stops drawing and erases the bar. */
    @Override
    public void close() {
        if (ticker == null) {
            return;
        }
        synchronized (this) {
            ticker.shutdownNow();
            if (drawn.get()) {
                err.print("\r\u001b[K");
                err.flush();
            }
        }
    }
}
