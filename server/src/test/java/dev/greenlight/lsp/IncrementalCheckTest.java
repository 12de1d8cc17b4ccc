package dev.greenlight.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenlight.engine.CheckResult;
import dev.greenlight.engine.Checker;
import dev.greenlight.engine.IncrementalCheck;
import dev.greenlight.python.parse.PythonParsing;
import dev.greenlight.python.text.Change;
import dev.greenlight.python.text.Document;
import dev.greenlight.python.text.PositionEncoding;
import dev.greenlight.python.text.Range;
import dev.greenlight.source.SourceFile;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The language server checks again only the statements an edit may concern: after random edits
 * of every fixture (renamed and misspelt names, lines dropped and copied, awaits and imports
 * added and removed), what it reports is exactly what a whole check of the same text reports.
 */
class IncrementalCheckTest {

    private static final Pattern IDENTIFIER = Pattern.compile("\\b[A-Za-z_][A-Za-z_0-9]*\\b");
    private static final String[] LINES = {
        "import sqlalchemy\n",
        "from sqlalchemy.orm import Session\n",
        "from sqlalchemy.ext.asyncio import AsyncSession, create_async_engine\n",
        "engine = create_engine(\"postgresql+asyncpg://app@db/app\")\n",
        "session = None\n",
        "db = SessionLocal()\n",
        "async def get_db():\n    yield None\n",
        "# noqa\n",
        "    await db.commit()\n",
        "    db.commit()\n",
        "\n",
    };
    private static final Predicate<String> ALL = code -> true;

    private final Checker checker = new Checker();
    private int reused;
    private int rechecked;

    @Test
    void randomEditsOfEveryFixtureReportWhatAWholeCheckReports() throws IOException, URISyntaxException {
        Path root = Path.of(IncrementalCheckTest.class.getResource("/fixtures").toURI());
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(path -> path.toString().endsWith(".py")).sorted().toList();
        }
        assertTrue(files.size() >= 20, "expected fixtures under " + root);
        Random random = new Random(20261125);
        for (Path file : files) {
            editAndCompare(file, random, 40);
        }
        // Not a test of nothing: most parts were taken over, and edits made others be checked again.
        assertTrue(reused > rechecked, reused + " parts taken over, " + rechecked + " checked again");
        assertTrue(rechecked > files.size() * 20, rechecked + " parts checked again");
    }

    private void editAndCompare(Path file, Random random, int rounds) throws IOException {
        IncrementalParse parse = new IncrementalParse();
        IncrementalCheck incremental = new IncrementalCheck(checker);
        Document document = Document.of(Files.readString(file), 1);
        assertSame(file, document, check(file, parse, incremental, document));
        for (int round = 0; round < rounds; round++) {
            // Sometimes several versions before the next check, as when the worker falls behind.
            int edits = random.nextInt(4) == 0 ? 2 + random.nextInt(3) : 1;
            for (int i = 0; i < edits; i++) {
                document = randomEdit(document, parse, random);
            }
            CheckResult result = check(file, parse, incremental, document);
            assertSame(file, document, result);
            reused += incremental.counts()[0];
            rechecked += incremental.counts()[1];
        }
    }

    /** What the server's analysis does with a version: the parse it follows, then the check that follows it. */
    private CheckResult check(Path file, IncrementalParse parse, IncrementalCheck incremental, Document document) {
        SourceFile source = new SourceFile(file, file.getFileName().toString(), document.text());
        IncrementalParse.Parsed parsed = parse.parsed(document);
        if (parsed.module() == null) {
            return checker.check(source, parsed.result(), ALL);
        }
        return incremental.check(source, parsed.module(), parsed.previous(), parsed.shifts(), ALL);
    }

    private void assertSame(Path file, Document document, CheckResult incremental) {
        SourceFile source = new SourceFile(file, file.getFileName().toString(), document.text());
        CheckResult whole = checker.check(source, PythonParsing.parse(document.text()), ALL);
        assertEquals(whole.diagnostics(), incremental.diagnostics(), file + " after edits:\n" + document.text());
        assertEquals(whole.internalErrors(), incremental.internalErrors(), file.toString());
    }

    private static Document randomEdit(Document document, IncrementalParse parse, Random random) {
        String text = document.text();
        List<int[]> lines = lines(text);
        int kind = random.nextInt(7);
        int start;
        int end;
        String insert;
        if (kind <= 1) {
            // Rename one occurrence of a name to another name of the module, or misspell it.
            List<int[]> names = new ArrayList<>();
            Matcher matcher = IDENTIFIER.matcher(text);
            while (matcher.find()) {
                names.add(new int[] {matcher.start(), matcher.end()});
            }
            if (names.isEmpty()) {
                return replace(document, parse, 0, 0, "x");
            }
            int[] name = names.get(random.nextInt(names.size()));
            int[] other = names.get(random.nextInt(names.size()));
            start = name[0];
            end = name[1];
            insert = kind == 0 ? text.substring(other[0], other[1]) : text.substring(start, end) + "x";
        } else if (kind == 2) {
            int[] line = lines.get(random.nextInt(lines.size()));
            start = line[0];
            end = line[1];
            insert = "";
        } else if (kind == 3) {
            int[] line = lines.get(random.nextInt(lines.size()));
            int[] at = lines.get(random.nextInt(lines.size()));
            start = at[0];
            end = at[0];
            insert = text.substring(line[0], line[1]);
        } else if (kind == 4) {
            int[] at = lines.get(random.nextInt(lines.size()));
            start = at[0];
            end = at[0];
            insert = LINES[random.nextInt(LINES.length)];
        } else if (kind == 5) {
            int await = text.indexOf("await ", random.nextInt(text.length() + 1));
            if (await < 0) {
                return replace(document, parse, 0, 0, "\n");
            }
            start = await;
            end = await + "await ".length();
            insert = "";
        } else {
            // A character typed anywhere, often breaking the syntax for a while.
            start = random.nextInt(text.length() + 1);
            end = start;
            insert = String.valueOf("x(): \n".charAt(random.nextInt(6)));
        }
        return replace(document, parse, start, end, insert);
    }

    private static Document replace(Document document, IncrementalParse parse, int start, int end, String text) {
        Range range = new Range(document.position(start, PositionEncoding.UTF16),
                document.position(end, PositionEncoding.UTF16));
        return document.apply(List.of(Change.replace(range, text)), document.version() + 1, PositionEncoding.UTF16,
                parse);
    }

    /** Each line's start and end (after its line break). */
    private static List<int[]> lines(String text) {
        List<int[]> lines = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int newline = text.indexOf('\n', start);
            int end = newline < 0 ? text.length() : newline + 1;
            lines.add(new int[] {start, end});
            start = end;
        }
        if (lines.isEmpty()) {
            lines.add(new int[] {0, 0});
        }
        return lines;
    }
}
