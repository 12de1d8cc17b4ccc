package dev.greenlight.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.greenlight.rules.Diagnostic;
import dev.greenlight.rules.RuleMeta;
import dev.greenlight.rules.Rules;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@code --statistics}: how many diagnostics of each code, instead of the diagnostics themselves. */
public final class Statistics {

    private record Row(String code, String name, int count, boolean fixable) {
    }

    private Statistics() {
    }

    public static void printText(List<FileReport> files, boolean unsafeFixes, PrintStream out) {
        List<Row> rows = rows(files, unsafeFixes);
        int countWidth = rows.stream().mapToInt(row -> String.valueOf(row.count()).length()).max().orElse(1);
        int codeWidth = rows.stream().mapToInt(row -> row.code().length()).max().orElse(5);
        for (Row row : rows) {
            out.println(String.format("%" + countWidth + "d\t%-" + codeWidth + "s\t%s%s", row.count(), row.code(),
                    row.fixable() ? "[*] " : "", row.name()));
        }
    }

    public static void printJson(List<FileReport> files, boolean unsafeFixes, PrintStream out) {
        JsonArray array = new JsonArray();
        for (Row row : rows(files, unsafeFixes)) {
            JsonObject object = new JsonObject();
            object.addProperty("code", row.code());
            object.addProperty("name", row.name());
            object.addProperty("count", row.count());
            object.addProperty("fixable", row.fixable());
            array.add(object);
        }
        out.println(JsonReporter.GSON.toJson(array));
    }

    private static List<Row> rows(List<FileReport> files, boolean unsafeFixes) {
        Map<String, int[]> counts = new TreeMap<>();
        for (FileReport file : files) {
            for (Diagnostic diagnostic : file.diagnostics()) {
                int[] count = counts.computeIfAbsent(diagnostic.code(), code -> new int[2]);
                count[0]++;
                if (diagnostic.hasFix() && diagnostic.fix().applies(unsafeFixes)) {
                    count[1]++;
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        counts.forEach((code, count) -> rows.add(new Row(code,
                Rules.find(code).map(RuleMeta::name).orElse(code), count[0], count[1] > 0)));
        rows.sort((a, b) -> a.count() != b.count() ? Integer.compare(b.count(), a.count()) : a.code().compareTo(b.code()));
        return rows;
    }
}
