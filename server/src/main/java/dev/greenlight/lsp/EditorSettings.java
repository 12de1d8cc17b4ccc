package dev.greenlight.lsp;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.greenlight.rules.Diagnostic;
import dev.greenlight.rules.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Settings the editor sends ({@code initializationOptions}, {@code workspace/configuration},
 * {@code didChangeConfiguration}): {@code select} and {@code ignore}, applied over each file's
 * pyproject.toml as the command-line options are, and {@code severity}, how loudly each rule's
 * diagnostics are shown: {@code {"GL006": "warning", "GL1": "hint"}}, by code or code prefix (the
 * longest matching key wins), with {@code error}, {@code warning}, {@code information} (or
 * {@code info}) and {@code hint}. Accepted as {@code {"select": [...]}},
 * {@code {"settings": {...}}} or {@code {"greenlight": {...}}}.
 */
record EditorSettings(List<String> select, List<String> ignore, Map<String, Severity> severity, List<String> problems) {

    static final EditorSettings NONE = new EditorSettings(List.of(), List.of(), Map.of(), List.of());

    EditorSettings {
        select = List.copyOf(select);
        ignore = List.copyOf(ignore);
        severity = Map.copyOf(severity);
        problems = List.copyOf(problems);
    }

    EditorSettings(List<String> select, List<String> ignore) {
        this(select, ignore, Map.of(), List.of());
    }

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
        if (!object.has("select") && !object.has("ignore") && !object.has("severity")) {
            return null;
        }
        List<String> problems = new ArrayList<>();
        Map<String, Severity> severity = new LinkedHashMap<>();
        JsonElement levels = object.get("severity");
        if (levels instanceof JsonObject map) {
            for (Map.Entry<String, JsonElement> entry : map.entrySet()) {
                String code = entry.getKey().strip().toUpperCase(Locale.ROOT);
                Severity level = entry.getValue().isJsonPrimitive() ? severity(entry.getValue().getAsString()) : null;
                if (code.isEmpty() || level == null) {
                    problems.add("severity of " + entry.getKey() + ": " + entry.getValue()
                            + " (expected error, warning, information or hint)");
                } else {
                    severity.put(code, level);
                }
            }
        } else if (levels != null && !levels.isJsonNull()) {
            problems.add("severity: expected an object such as {\"GL006\": \"warning\"}, got " + levels);
        }
        return new EditorSettings(strings(object.get("select")), strings(object.get("ignore")), severity, problems);
    }

    /** The severity to show {@code diagnostic} with: the most specific {@code severity} entry, else the rule's. */
    Severity severityOf(Diagnostic diagnostic) {
        if (severity.isEmpty()) {
            return diagnostic.severity();
        }
        String code = diagnostic.code();
        Severity best = null;
        int bestLength = -1;
        for (Map.Entry<String, Severity> entry : severity.entrySet()) {
            String key = entry.getKey();
            int length = key.equals("ALL") ? 0 : code.startsWith(key) ? key.length() : -1;
            if (length > bestLength) {
                best = entry.getValue();
                bestLength = length;
            }
        }
        return best != null ? best : diagnostic.severity();
    }

    /** These settings with other selectors (after dropping unknown ones). */
    EditorSettings withSelectors(List<String> newSelect, List<String> newIgnore) {
        return new EditorSettings(newSelect, newIgnore, severity, problems);
    }

    private static Severity severity(String name) {
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "error" -> Severity.ERROR;
            case "warning", "warn" -> Severity.WARNING;
            case "information", "info" -> Severity.INFORMATION;
            case "hint" -> Severity.HINT;
            default -> null;
        };
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
