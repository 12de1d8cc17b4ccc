package dev.greenlight.source;

import java.nio.file.Path;

/**
 * One Python module to check: its text and where it came from. {@code path} is the file on disk
 * (absolute, or null for standard input without {@code --stdin-filename}); {@code displayPath} is
 * how reports name it.
 */
public final class SourceFile {

    private final Path path;
    private final String displayPath;
    private final String text;
    private final String decodingError;
    private LineIndex lines;

    public SourceFile(Path path, String displayPath, String text) {
        this(path, displayPath, text, null);
    }

    /** A file whose bytes did not decode cleanly: {@code decodingError} is CPython's message. */
    public SourceFile(Path path, String displayPath, String text, String decodingError) {
        this.path = path;
        this.displayPath = displayPath;
        this.text = text;
        this.decodingError = decodingError;
    }

    public static SourceFile of(String displayPath, String text) {
        return new SourceFile(null, displayPath, text);
    }

    public Path path() {
        return path;
    }

    public String displayPath() {
        return displayPath;
    }

    public String text() {
        return text;
    }

    /** Why the file's bytes did not decode (a syntax error in CPython), or null. */
    public String decodingError() {
        return decodingError;
    }

    public synchronized LineIndex lines() {
        if (lines == null) {
            lines = new LineIndex(text);
        }
        return lines;
    }

    /** The same file with new text (after fixes). */
    public SourceFile withText(String newText) {
        return new SourceFile(path, displayPath, newText, decodingError);
    }
}
