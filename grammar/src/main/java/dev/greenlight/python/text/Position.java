package dev.greenlight.python.text;

/**
 * An LSP position: 0-based line and 0-based character, the character counted in the units of a
 * {@link PositionEncoding} that travels beside it. Any values are allowed here (a client may send
 * nonsense); {@link Document} clamps them when it resolves them.
 */
public record Position(int line, int character) implements Comparable<Position> {

    public static final Position ZERO = new Position(0, 0);

    public static Position of(int line, int character) {
        return new Position(line, character);
    }

    @Override
    public int compareTo(Position other) {
        return line != other.line ? Integer.compare(line, other.line) : Integer.compare(character, other.character);
    }

    public boolean isBefore(Position other) {
        return compareTo(other) < 0;
    }

    @Override
    public String toString() {
        return line + ":" + character;
    }
}
