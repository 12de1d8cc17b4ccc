package dev.greenlight.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenlight.config.RuleSelection;
import dev.greenlight.python.parse.PythonParsing;
import dev.greenlight.rules.Diagnostic;
import dev.greenlight.source.LineIndex;
import dev.greenlight.source.SourceFile;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NoqaTest {

    private static Noqa noqa(String text) {
        return new Noqa(new LineIndex(text), PythonParsing.parse(text).module());
    }

    @Test
    void readsDirectives() {
        String text = """
                a = 1  # noqa
                b = 2  # noqa: GL006, gl101
                c = 3  #noqa:GL006
                d = "# noqa"
                e = 5  # type: ignore  # noqa: GL003
                f = 6  # noqa-ish comment
                """;
        Noqa noqa = noqa(text);
        assertTrue(noqa.directive(0).blanket());
        assertEquals(Set.of("GL006", "GL101"), noqa.directive(1).codes());
        assertEquals(Set.of("GL006"), noqa.directive(2).codes());
        assertNull(noqa.directive(3));
        assertEquals(-1, noqa.commentStart(3));
        assertEquals(Set.of("GL003"), noqa.directive(4).codes());
        assertNull(noqa.directive(5));
    }

    @Test
    void silencesOnlyTheNamedCodesOnTheFirstLine() {
        String text = """
                def f(db):
                    await db.commit()  # noqa: GL006
                    await db.close()  # noqa: GL003
                    await (  # noqa
                        db.flush()
                    )
                    await db.refresh(
                        x)  # noqa: GL006
                """;
        List<Diagnostic> diagnostics = new Checker().check(SourceFile.of("t.py", text), RuleSelection.all()).diagnostics();
        assertEquals(List.of(3, 7), diagnostics.stream().map(Diagnostic::line).toList());
    }

    @Test
    void syntaxErrorsCannotBeSilenced() {
        List<Diagnostic> diagnostics = new Checker().check(SourceFile.of("t.py", "def f(:  # noqa\n    pass\n"),
                RuleSelection.all()).diagnostics();
        assertTrue(diagnostics.stream().anyMatch(d -> d.code().equals("GL000")), diagnostics.toString());
    }
}
