package dev.greenlight.python.ast;

/**
 * The value of a bytes literal. Each byte is held as one char (0-255) of a string, so that the
 * value compares by content, as the rest of the immutable tree does.
 */
public record Bytes(String latin1) {
}
