package dev.greenlight.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.greenlight.BuildInfo;
import dev.greenlight.fix.TextEdit;
import dev.greenlight.rules.Diagnostic;
import dev.greenlight.rules.RelatedInformation;
import dev.greenlight.rules.RuleDocs;
import dev.greenlight.rules.RuleMeta;
import dev.greenlight.rules.Rules;
import dev.greenlight.rules.Severity;
import dev.greenlight.source.LineIndex;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * SARIF 2.1.0 as GitHub code scanning ingests it: the tool's driver with every rule (id, name,
 * descriptions, help), and one result per diagnostic with its rule, level, message, location,
 * related locations, fix and a line-hash fingerprint, so that alerts stay the same across runs.
 * Columns are UTF-16 code units (SARIF's default), 1-based; paths are relative to the folder
 * greenlight runs in, with forward slashes.
 */
public final class SarifReporter implements Reporter {

    @Override
    public void report(List<FileReport> files, ReportSummary summary, PrintStream out) {
        List<RuleMeta> rules = Rules.metas();
        Map<String, Integer> ruleIndex = new HashMap<>();
        JsonArray ruleArray = new JsonArray();
        for (RuleMeta rule : rules) {
            ruleIndex.put(rule.code(), ruleArray.size());
            ruleArray.add(rule(rule));
        }
        JsonArray results = new JsonArray();
        for (FileReport file : files) {
            Map<String, Integer> seen = new HashMap<>();
            for (Diagnostic diagnostic : file.diagnostics()) {
                results.add(result(file, diagnostic, ruleIndex, seen));
            }
        }
        JsonObject driver = new JsonObject();
        driver.addProperty("name", "greenlight");
        driver.addProperty("version", BuildInfo.version());
        if (!RuleDocs.BASE_URL.isEmpty()) {
            driver.addProperty("informationUri", RuleDocs.BASE_URL);
        }
        driver.add("rules", ruleArray);
        JsonObject tool = new JsonObject();
        tool.add("driver", driver);
        JsonObject run = new JsonObject();
        run.add("tool", tool);
        run.addProperty("columnKind", "utf16CodeUnits");
        run.add("results", results);
        JsonArray runs = new JsonArray();
        runs.add(run);
        JsonObject log = new JsonObject();
        log.addProperty("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        log.addProperty("version", "2.1.0");
        log.add("runs", runs);
        out.println(JsonReporter.GSON.toJson(log));
    }

    private static JsonObject rule(RuleMeta rule) {
        JsonObject object = new JsonObject();
        object.addProperty("id", rule.code());
        object.addProperty("name", rule.name());
        object.add("shortDescription", text(rule.summary()));
        String page = RuleDocs.page(rule.code());
        object.add("fullDescription", text(whatItDoes(page, rule.summary())));
        JsonObject help = text(page != null ? page.strip() : rule.summary());
        if (page != null) {
            help.addProperty("markdown", page.strip());
        }
        object.add("help", help);
        if (rule.url() != null) {
            object.addProperty("helpUri", rule.url());
        }
        JsonObject configuration = new JsonObject();
        configuration.addProperty("level", level(rule.severity()));
        object.add("defaultConfiguration", configuration);
        return object;
    }

    private static JsonObject result(FileReport file, Diagnostic diagnostic, Map<String, Integer> ruleIndex,
            Map<String, Integer> seen) {
        LineIndex lines = file.source().lines();
        JsonObject result = new JsonObject();
        result.addProperty("ruleId", diagnostic.code());
        Integer index = ruleIndex.get(diagnostic.code());
        if (index != null) {
            result.addProperty("ruleIndex", index);
        }
        result.addProperty("level", level(diagnostic.severity()));
        result.add("message", text(diagnostic.message()));
        JsonArray locations = new JsonArray();
        locations.add(location(uri(file), lines, diagnostic.range().start(), diagnostic.range().end(), null));
        result.add("locations", locations);
        if (!diagnostic.related().isEmpty()) {
            JsonArray related = new JsonArray();
            int id = 1;
            for (RelatedInformation info : diagnostic.related()) {
                if (info.file() != null) {
                    continue;
                }
                JsonObject location = location(uri(file), lines, info.span().start(), info.span().end(), info.message());
                location.addProperty("id", id++);
                related.add(location);
            }
            if (!related.isEmpty()) {
                result.add("relatedLocations", related);
            }
        }
        if (diagnostic.hasFix()) {
            JsonArray replacements = new JsonArray();
            for (TextEdit edit : diagnostic.fix().edits()) {
                JsonObject replacement = new JsonObject();
                replacement.add("deletedRegion", region(lines, edit.start(), edit.end()));
                replacement.add("insertedContent", text(edit.replacement()));
                replacements.add(replacement);
            }
            JsonObject change = new JsonObject();
            change.add("artifactLocation", artifact(uri(file)));
            change.add("replacements", replacements);
            JsonArray changes = new JsonArray();
            changes.add(change);
            JsonObject fix = new JsonObject();
            fix.add("description", text(diagnostic.fix().title()));
            fix.add("artifactChanges", changes);
            JsonArray fixes = new JsonArray();
            fixes.add(fix);
            result.add("fixes", fixes);
        }
        JsonObject fingerprints = new JsonObject();
        fingerprints.addProperty("primaryLocationLineHash", fingerprint(diagnostic, lines, seen));
        result.add("partialFingerprints", fingerprints);
        return result;
    }

    private static JsonObject location(String uri, LineIndex lines, int start, int end, String message) {
        JsonObject physical = new JsonObject();
        physical.add("artifactLocation", artifact(uri));
        physical.add("region", region(lines, start, end));
        JsonObject location = new JsonObject();
        location.add("physicalLocation", physical);
        if (message != null) {
            location.add("message", text(message));
        }
        return location;
    }

    private static JsonObject region(LineIndex lines, int start, int end) {
        JsonObject region = new JsonObject();
        region.addProperty("startLine", lines.line(start) + 1);
        region.addProperty("startColumn", lines.utf16Column(start) + 1);
        region.addProperty("endLine", lines.line(end) + 1);
        region.addProperty("endColumn", lines.utf16Column(end) + 1);
        return region;
    }

    private static JsonObject artifact(String uri) {
        JsonObject artifact = new JsonObject();
        artifact.addProperty("uri", uri);
        return artifact;
    }

    private static JsonObject text(String text) {
        JsonObject object = new JsonObject();
        object.addProperty("text", text);
        return object;
    }

    private static String uri(FileReport file) {
        String display = file.source().displayPath().replace('\\', '/');
        if (file.source().path() != null && display.startsWith("/")) {
            return file.source().path().toUri().toString();
        }
        return display.replace(" ", "%20");
    }

    private static String level(Severity severity) {
        return switch (severity) {
            case ERROR -> "error";
            case WARNING -> "warning";
            default -> "note";
        };
    }

    /** The first paragraph of the page's "What it does" section, or the summary. */
    private static String whatItDoes(String page, String fallback) {
        if (page == null) {
            return fallback;
        }
        int section = page.indexOf("## What it does");
        if (section < 0) {
            return fallback;
        }
        String rest = page.substring(section + "## What it does".length()).strip();
        int end = rest.indexOf("\n\n");
        String paragraph = (end < 0 ? rest : rest.substring(0, end)).strip().replace('\n', ' ');
        return paragraph.isEmpty() ? fallback : paragraph;
    }

    /**
     * A hash of the rule and the offending line's text (whitespace-trimmed), with the number of
     * earlier identical pairs in the file: stable when lines move, distinct for repeats.
     */
    private static String fingerprint(Diagnostic diagnostic, LineIndex lines, Map<String, Integer> seen) {
        String line = lines.lineText(lines.line(diagnostic.range().start())).strip();
        String key = diagnostic.code() + "\u0000" + line;
        int occurrence = seen.merge(key, 1, Integer::sum);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8) + ":" + occurrence;
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
