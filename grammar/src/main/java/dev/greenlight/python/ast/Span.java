package dev.greenlight.python.ast;

/**
 * Where a node stands in its source: {@code start}/{@code end} are character offsets into the
 * decoded text (end exclusive); the rest are CPython's positions, 1-based lines and columns counted
 * in UTF-8 bytes, exactly as {@code ast} reports them.
 */
public record Span(int start, int end, int lineno, int colOffset, int endLineno, int endColOffset) {

    public boolean contains(int offset) {
        return start <= offset && offset <= end;
    }
}
