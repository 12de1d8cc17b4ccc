package dev.greenlight.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenlight.config.RuleSelection;
import dev.greenlight.engine.Checker;
import dev.greenlight.source.SourceFile;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyntaxErrorRuleTest {

    private static List<Diagnostic> check(String text) {
        return new Checker().check(SourceFile.of("t.py", text), RuleSelection.of(List.of("GL006"), List.of())).diagnostics();
    }

    @Test
    void everySyntaxErrorIsReportedWhateverTheSelection() {
        List<Diagnostic> diagnostics = check("x = (1,\ny = 2\n");
        assertFalse(diagnostics.isEmpty());
        for (Diagnostic diagnostic : diagnostics) {
            assertEquals("GL000", diagnostic.code());
            assertEquals(Severity.ERROR, diagnostic.severity());
            assertTrue(diagnostic.message().startsWith("SyntaxError: "), diagnostic.message());
        }
    }

    @Test
    void otherRulesStillRunOnWhatParsed() {
        String text = "def f(db):\n    await db.commit()\n\ndef broken()\n    pass\n";
        List<Diagnostic> diagnostics = check(text);
        assertTrue(diagnostics.stream().anyMatch(d -> d.code().equals("GL000") && d.line() == 4), diagnostics.toString());
        assertTrue(diagnostics.stream().anyMatch(d -> d.code().equals("GL006") && d.line() == 2), diagnostics.toString());
    }

    @Test
    void decodingErrorIsASyntaxError() {
        SourceFile source = new SourceFile(null, "t.py", "x = 1\n", "unknown encoding: klingon");
        List<Diagnostic> diagnostics = new Checker().check(source, RuleSelection.all()).diagnostics();
        assertEquals(1, diagnostics.size());
        assertEquals("SyntaxError: unknown encoding: klingon", diagnostics.get(0).message());
        assertEquals(Severity.ERROR, diagnostics.get(0).severity());
        assertFalse(diagnostics.get(0).hasFix());
    }
}
