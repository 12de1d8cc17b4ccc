package dev.greenlight.report;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import dev.greenlight.fix.TextEdit;
import dev.greenlight.rules.Diagnostic;
import dev.greenlight.rules.RuleMeta;
import dev.greenlight.rules.Rules;
import dev.greenlight.source.LineIndex;
import java.io.PrintStream;
import java.util.List;

/**
 * The shape of Ruff's {@code --output-format json}, so that tools reading Ruff's output read
 * ours: an array of objects with {@code cell}, {@code code}, {@code end_location},
 * {@code filename}, {@code fix} ({@code applicability}, {@code edits}, {@code message}),
 * {@code location}, {@code message}, {@code noqa_row} and {@code url}; rows and columns 1-based,
 * columns in characters.
 */
public final class JsonReporter implements Reporter {

    static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create();

    @Override
    public void report(List<FileReport> files, ReportSummary summary, PrintStream out) {
        JsonArray array = new JsonArray();
        for (FileReport file : files) {
            for (Diagnostic diagnostic : file.diagnostics()) {
                array.add(toJson(file, diagnostic));
            }
        }
        out.println(GSON.toJson(array));
    }

    static JsonObject toJson(FileReport file, Diagnostic diagnostic) {
        LineIndex lines = file.source().lines();
        JsonObject object = new JsonObject();
        object.add("cell", JsonNull.INSTANCE);
        object.addProperty("code", diagnostic.code());
        object.add("end_location", Locations.json(lines, diagnostic.range().end()));
        object.addProperty("filename", filename(file));
        if (diagnostic.hasFix()) {
            JsonObject fix = new JsonObject();
            fix.addProperty("applicability", diagnostic.fix().applicability().jsonName());
            JsonArray edits = new JsonArray();
            for (TextEdit edit : diagnostic.fix().edits()) {
                JsonObject json = new JsonObject();
                json.addProperty("content", edit.replacement());
                json.add("end_location", Locations.json(lines, edit.end()));
                json.add("location", Locations.json(lines, edit.start()));
                edits.add(json);
            }
            fix.add("edits", edits);
            fix.addProperty("message", diagnostic.fix().title());
            object.add("fix", fix);
        } else {
            object.add("fix", JsonNull.INSTANCE);
        }
        object.add("location", Locations.json(lines, diagnostic.range().start()));
        object.addProperty("message", diagnostic.message());
        object.addProperty("noqa_row", diagnostic.line());
        // Not in Ruff's shape (its readers ignore it): the rule's severity, for editors that show it.
        object.addProperty("severity", diagnostic.severity().lowerName());
        String url = Rules.find(diagnostic.code()).map(RuleMeta::url).orElse(null);
        if (url == null) {
            object.add("url", JsonNull.INSTANCE);
        } else {
            object.addProperty("url", url);
        }
        return object;
    }

    /** The absolute path, as Ruff gives it; the display name for standard input without a path. */
    static String filename(FileReport file) {
        return file.source().path() != null ? file.source().path().toString() : file.source().displayPath();
    }
}
