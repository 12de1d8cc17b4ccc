package dev.greenlight.cli;

import dev.greenlight.python.parse.SourceDecoder;
import dev.greenlight.source.SourceFile;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads Python files as CPython would decode them (PEP 263). */
final class SourceReader {

    /** A file that could not be read; the message names it. */
    static final class ReadException extends Exception {
        ReadException(String message) {
            super(message);
        }
    }

    private SourceReader() {
    }

    static SourceFile read(Path path, String displayPath) throws ReadException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new ReadException(displayPath + ": " + describe(e));
        }
        return decode(path, displayPath, bytes);
    }

    static SourceFile decode(Path path, String displayPath, byte[] bytes) {
        SourceDecoder.DecodedSource decoded = SourceDecoder.decode(bytes);
        return new SourceFile(path, displayPath, decoded.text(), decoded.error());
    }

    /** A short reason for an I/O failure, as a person reads it. */
    static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "No such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "Permission denied";
        }
        if (e.getMessage() != null && e.getMessage().contains("Is a directory")) {
            return "Is a directory";
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
