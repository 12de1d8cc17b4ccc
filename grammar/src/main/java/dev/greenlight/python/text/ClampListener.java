package dev.greenlight.python.text;

import java.lang.System.Logger.Level;

/**
 * Told whenever a {@link Document} clamps a position, offset or range it was given. Clamping is
 * never an error (an editor and a server may briefly disagree about a document), but it is worth
 * seeing in a log.
 */
@FunctionalInterface
public interface ClampListener {

    /**
     * @param reason    why (the first reason found, if several apply)
     * @param requested what was asked, for a log line (a position with its encoding, an offset, a range)
     * @param offset    the UTF-16 offset it was clamped to (for a reversed range, its new start)
     */
    void clamped(ClampReason reason, String requested, int offset);

    /** Drops every report. */
    ClampListener IGNORE = (reason, requested, offset) -> { };

    /** Logs each report at WARNING to the platform logger {@code dev.greenlight.python.text}. */
    ClampListener LOG = new ClampListener() {
        private final System.Logger logger = System.getLogger("dev.greenlight.python.text");

        @Override
        public void clamped(ClampReason reason, String requested, int offset) {
            logger.log(Level.WARNING, () -> "clamped " + requested + " to offset " + offset + " (" + reason + ")");
        }
    };
}
