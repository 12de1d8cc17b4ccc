package dev.greenlight.python.text;

/** Why a position, offset or range did not name a place in the document as given, and was clamped. */
public enum ClampReason {
    /** A negative line (→ start of the document) or character (→ start of its line). */
    NEGATIVE,
    /** A line at or past the line count (→ end of the document). */
    LINE_PAST_END,
    /** A character past the end of its line (→ end of the line, before its line break). */
    CHARACTER_PAST_LINE_END,
    /** Inside a surrogate pair or a UTF-8 sequence (→ start of that character). */
    INSIDE_CHARACTER,
    /** An offset between the {@code \r} and the {@code \n} of a CRLF (→ end of the line, before {@code \r}). */
    INSIDE_LINE_BREAK,
    /** An offset below 0 or past the length (→ 0 or the length). */
    OFFSET_OUT_OF_RANGE,
    /** A range whose start is after its end (the two are swapped, as VS Code's {@code Range} does). */
    REVERSED_RANGE
}
