package dev.greenlight.python.antlr;

/**
 * An error found by the lexer, worded like CPython's tokenizer error.
 *
 * @param message the message, e.g. {@code "unterminated string literal (detected at line 3)"}
 * @param start first offset of the offending text, as an index of the lexer's CharStream (a code
 *     point offset for streams made by {@code CharStreams.fromString})
 * @param end offset just past the offending text ({@code end == start} for a position)
 */
public record LexicalError(String message, int start, int end) {
}
