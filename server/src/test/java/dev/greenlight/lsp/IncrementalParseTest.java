package dev.greenlight.lsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.greenlight.python.parse.ParseResult;
import dev.greenlight.python.parse.PythonParsing;
import dev.greenlight.python.text.Change;
import dev.greenlight.python.text.Document;
import dev.greenlight.python.text.Position;
import dev.greenlight.python.text.PositionEncoding;
import dev.greenlight.python.text.Range;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The language server's parse follows the edits: the result is always the whole parse of the
 * version asked for, whether the worker sees every version, skips some (edits coalesce), or the
 * edits do not lead to it.
 */
class IncrementalParseTest {

    private static final String MODULE = """
            import asyncio


            class Repo:
                def __init__(self, session):
                    self.session = session

                async def get(self, key):
                    return await self.session.get(dict, key)


            def broken(db):
                await db.commit()


            async def main():
                await asyncio.sleep(0)
            """;

    private static void assertWholeParse(Document document, ParseResult actual) {
        ParseResult expected = PythonParsing.parse(document.text());
        assertEquals(expected.module(), actual.module(), document.text());
        assertEquals(expected.errors(), actual.errors(), document.text());
    }

    private static Document edit(Document document, IncrementalParse parse, int line, int character, String text) {
        Position at = new Position(line, character);
        return document.apply(List.of(Change.replace(new Range(at, at), text)), document.version() + 1,
                PositionEncoding.UTF16, parse);
    }

    @Test
    void everyVersionAndCoalescedVersions() {
        IncrementalParse parse = new IncrementalParse();
        Document document = Document.of(MODULE, 1);
        assertWholeParse(document, parse.parse(document));
        document = edit(document, parse, 8, 21, "x");
        assertWholeParse(document, parse.parse(document));
        // Three versions the worker never saw, then the fourth.
        document = edit(document, parse, 12, 4, "# ");
        document = edit(document, parse, 0, 0, "import os\n");
        document = edit(document, parse, 17, 0, "    pass\n");
        document = edit(document, parse, 3, 10, "Base");
        assertWholeParse(document, parse.parse(document));
        // A version with no change of text, then the same version asked twice.
        document = document.apply(List.of(), document.version() + 1, PositionEncoding.UTF16, parse);
        assertWholeParse(document, parse.parse(document));
        assertWholeParse(document, parse.parse(document));
        if (IncrementalParse.ENABLED) {
            assertArrayEquals(new int[] {1, 2}, parse.counts(), "one whole parse, then edits replayed");
        }
    }

    @Test
    void editsThatDoNotLeadToTheVersionAskedForParseItWhole() {
        IncrementalParse parse = new IncrementalParse();
        Document first = Document.of(MODULE, 1);
        parse.parse(first);
        Document unrelated = Document.of("def f(db):\n    await db.commit()\n", 7);
        assertWholeParse(unrelated, parse.parse(unrelated));
        Document next = edit(unrelated, parse, 1, 4, "(");
        assertWholeParse(next, parse.parse(next));
    }

    @Test
    void randomEditsIncludingBrokenCode() {
        Random random = new Random(20261125);
        String[] pieces = {"x", "(", ")", ":", "\n", "    ", "await ", "async ", "def g():\n", "'", "\"\"\"", "#", " ", "\n\n"};
        IncrementalParse parse = new IncrementalParse();
        Document document = Document.of(MODULE, 1);
        for (int round = 0; round < 300; round++) {
            int edits = 1 + random.nextInt(3);
            for (int i = 0; i < edits; i++) {
                int start = random.nextInt(document.length() + 1);
                int end = Math.min(document.length(), start + (random.nextInt(4) == 0 ? random.nextInt(6) : 0));
                String text = random.nextInt(5) == 0 ? "" : pieces[random.nextInt(pieces.length)];
                Range range = new Range(document.position(start, PositionEncoding.UTF16), document.position(end, PositionEncoding.UTF16));
                document = document.apply(List.of(Change.replace(range, text)), document.version() + 1, PositionEncoding.UTF16, parse);
            }
            assertWholeParse(document, parse.parse(document));
        }
    }
}
