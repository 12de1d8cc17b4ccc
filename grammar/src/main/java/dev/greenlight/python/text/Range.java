package dev.greenlight.python.text;

import java.util.Objects;

/** An LSP range: {@code start} inclusive, {@code end} exclusive, in the units of some {@link PositionEncoding}. */
public record Range(Position start, Position end) {

    public Range {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
    }

    public static Range of(int startLine, int startCharacter, int endLine, int endCharacter) {
        return new Range(new Position(startLine, startCharacter), new Position(endLine, endCharacter));
    }

    /** The empty range at {@code position}. */
    public static Range at(Position position) {
        return new Range(position, position);
    }

    public boolean isEmpty() {
        return start.equals(end);
    }

    @Override
    public String toString() {
        return "[" + start + ".." + end + ")";
    }
}
