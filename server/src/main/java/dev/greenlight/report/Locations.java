package dev.greenlight.report;

import com.google.gson.JsonObject;
import dev.greenlight.source.LineIndex;

/** Rows and columns as reports print them: 1-based, columns in characters, as Ruff does. */
final class Locations {

    private Locations() {
    }

    static int row(LineIndex lines, int offset) {
        return lines.line(offset) + 1;
    }

    static int column(LineIndex lines, int offset) {
        return lines.characterColumn(offset);
    }

    /** {@code {"column": c, "row": r}}, keys in Ruff's order. */
    static JsonObject json(LineIndex lines, int offset) {
        JsonObject location = new JsonObject();
        location.addProperty("column", column(lines, offset));
        location.addProperty("row", row(lines, offset));
        return location;
    }
}
