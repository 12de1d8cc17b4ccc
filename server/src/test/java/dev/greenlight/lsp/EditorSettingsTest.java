package dev.greenlight.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import dev.greenlight.rules.Diagnostic;
import dev.greenlight.rules.Severity;
import dev.greenlight.source.SourceFile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The editor's settings as sent in JSON: selectors, and the severity map per rule code. */
class EditorSettingsTest {

    private static EditorSettings parse(String json) {
        return EditorSettings.from(JsonParser.parseString(json));
    }

    private static Diagnostic diagnostic(String code) {
        return new dev.greenlight.engine.Checker().check(SourceFile.of("x.py", "def f(db):\n    await db.commit()\n"), c -> true)
                .diagnostics().stream().filter(d -> d.code().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void selectorsInAnyWrapper() {
        EditorSettings settings = parse("{\"greenlight\": {\"select\": [\"GL0\"], \"ignore\": \"GL006, GL000\"}}");
        assertEquals(List.of("GL0"), settings.select());
        assertEquals(List.of("GL006", "GL000"), settings.ignore());
        assertEquals(List.of("GL0"), parse("{\"settings\": {\"select\": [\"GL0\"]}}").select());
        assertNull(parse("{\"python\": {}}"));
        assertNull(EditorSettings.from("not an object"));
    }

    @Test
    void severityByCodeOrPrefixTheLongestWins() {
        EditorSettings settings = parse("{\"severity\": {\"gl006\": \"hint\", \"GL\": \"warn\", \"ALL\": \"info\"}}");
        assertEquals(Map.of("GL006", Severity.HINT, "GL", Severity.WARNING, "ALL", Severity.INFORMATION), settings.severity());
        Diagnostic gl006 = diagnostic("GL006");
        assertEquals(Severity.HINT, settings.severityOf(gl006));
        assertEquals(Severity.WARNING, parse("{\"severity\": {\"GL\": \"warning\", \"ALL\": \"hint\"}}").severityOf(gl006));
        assertEquals(Severity.ERROR, parse("{\"severity\": {\"GL1\": \"hint\", \"ALL\": \"error\"}}").severityOf(gl006));
        assertEquals(gl006.severity(), parse("{\"severity\": {\"GL1\": \"hint\"}}").severityOf(gl006), "no match: the rule's own");
        assertEquals(gl006.severity(), EditorSettings.NONE.severityOf(gl006));
    }

    @Test
    void badSeverityValuesAreReportedAndDropped() {
        EditorSettings settings = parse("{\"severity\": {\"GL006\": \"loud\", \"GL000\": 3, \"GL1\": \"hint\"}}");
        assertEquals(Map.of("GL1", Severity.HINT), settings.severity());
        assertEquals(2, settings.problems().size(), settings.problems().toString());
        assertTrue(parse("{\"severity\": [\"GL006\"]}").problems().get(0).contains("expected an object"));
    }
}
