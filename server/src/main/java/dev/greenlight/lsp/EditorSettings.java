package dev.greenlight.lsp;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Settings the editor sends ({@code initializationOptions}, {@code workspace/configuration},
 * {@code didChangeConfiguration}): {@code select} and {@code ignore}, applied over each file's
 * pyproject.toml as the command-line options are. Accepted as {@code {"select": [...]}},
 * {@code {"settings": {...}}} or {@code {"greenlight": {...}}}.
 */
record EditorSettings(List<String> select, List<String> ignore) {

    static final EditorSettings NONE = new EditorSettings(List.of(), List.of());

    /** The settings in {@code value} (a Gson tree), or null when it holds none. */
    static EditorSettings from(Object value) {
        if (!(value instanceof JsonObject object)) {
            return null;
        }
        for (String wrapper : new String[] {"greenlight", "settings"}) {
            if (object.has(wrapper) && object.get(wrapper).isJsonObject()) {
                return from(object.get(wrapper));
            }
        }
        if (!object.has("select") && !object.has("ignore")) {
            return null;
        }
        return new EditorSettings(strings(object.get("select")), strings(object.get("ignore")));
    }

    private static List<String> strings(JsonElement element) {
        List<String> out = new ArrayList<>();
        if (element instanceof JsonArray array) {
            for (JsonElement item : array) {
                if (item.isJsonPrimitive()) {
                    out.add(item.getAsString());
                }
            }
        } else if (element != null && element.isJsonPrimitive()) {
            for (String part : element.getAsString().split(",")) {
                out.add(part.strip());
            }
        }
        return out;
    }
}
