package dev.greenlight.python.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.greenlight.python.ast.AstDumper;
import dev.greenlight.python.ast.DumpSchema;
import dev.greenlight.python.ast.Statement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The incremental reparse must give exactly what a fresh parse of the edited text gives: tree,
 * positions and syntax errors. Random edit sequences (seeded, so a failure can be replayed) run
 * over real modules of the installed standard library and over adversarial snippets.
 *
 * <p>{@code -Dgreenlight.incremental.edits=N} sets how many edits run (default 20,000);
 * {@code -Dgreenlight.incremental.seed=S} replays one seed.
 */
class IncrementalParseTest {

    private static final int EDITS = Integer.getInteger("greenlight.incremental.edits", 20_000);
    private static final int EDITS_PER_DOCUMENT = 50;

    /** Text an editor produces mid-typing, with the constructs that reach across statements. */
    private static final String[] SNIPPETS = {
        "(", ")", "[", "]", "{", "}", "\"\"\"", "'''", "'", "\"", "f\"{", "}\"", "\n", "\r\n", "\r", "    ",
        "\t", "  ", "\\\n", "#", "# noqa\n", "def f(x):\n", "async def g():\n    await h()\n", "class C:\n",
        "else:\n", "elif x:\n", "except ValueError:\n", "finally:\n", "@decorator\n", "return ",
        "x = 1\n", "if y:\n    pass\n", "é", "😀", "\u0000", ":", ",", "lambda: ", "match x:\n    case 1:\n",
        "yield", " from ", "import os\n", "session.commit()", "await db.execute(select(User))\n",
    };

    private static final String[] ADVERSARIAL = {
        "x = (1,\n     2)\ndef f():\n    return [a,\n            b]\n\nclass C:\n    y = {1: 2}\n",
        "s = '''unterminated\ndef f():\n    pass\n",
        "if a:\n\tpass\n        pass\nelse:\n    pass\n",
        "x = 1\r\ny = 2\r\nz = (3 +\r\n 4)\r\n",
        "emoji = '😀😀'\nname = 'é'\ndef ф(): return '😀'\n",
        "@app.get('/users')\nasync def users(db: AsyncSession = Depends(get_db)):\n    return await db.scalars(select(User))\n",
        "try:\n    x()\nexcept* E:\n    pass\nfinally:\n    y()\n",
        "match cmd:\n    case [x, *rest]:\n        pass\n    case {'k': v, **kw}:\n        pass\n",
        "value = f\"{x!r:>{width}} {y=}\"\nother = f'{\"nested\"}'\n",
        "x = 1 \\\n    + 2\ny = [\n1,\n2]\n",
    };

    @Test
    void incrementalReparseEqualsAFreshParse() throws IOException {
        long seed = Long.getLong("greenlight.incremental.seed", 20261125L);
        Random random = new Random(seed);
        List<String> corpus = new ArrayList<>(List.of(ADVERSARIAL));
        corpus.addAll(standardLibrarySample(random, 60));

        int edits = 0;
        int documents = 0;
        long relexed = 0;
        long reused = 0;
        int nested = 0;
        while (edits < EDITS) {
            String original = corpus.get(random.nextInt(corpus.size()));
            ParsedModule incremental = ParsedModule.parse(original);
            documents++;
            for (int step = 0; step < EDITS_PER_DOCUMENT && edits < EDITS; step++, edits++) {
                String before = incremental.text();
                int start = random.nextInt(before.length() + 1);
                int end = Math.min(before.length(), start + removalLength(random));
                String inserted = random.nextInt(4) == 0 ? "" : insertion(random, before);
                ParsedModule edited = incremental.edit(start, end, inserted);
                ParsedModule fresh = ParsedModule.parse(edited.text());
                if (!edited.pieceBounds().equals(fresh.pieceBounds())) {
                    fail("statement boundaries differ after edit " + edits + " [" + start + ", " + end + ") "
                            + quote(before.substring(start, end)) + " -> " + quote(inserted) + "\nincremental: "
                            + edited.pieceBounds() + "\nfresh:       " + fresh.pieceBounds() + "\nbefore:      "
                            + incremental.pieceBounds());
                }
                if (!edited.result().equals(fresh.result())) {
                    fail(describeMismatch(seed, edits, before, start, end, inserted, edited.result(), fresh.result()));
                }
                relexed += edited.statistics().relexedChars();
                reused += edited.statistics().reusedStatements();
                nested += edited.statistics().nested() ? 1 : 0;
                incremental = edited;
            }
        }
        System.out.printf("incremental: %d edits on %d documents ran clean (seed %d), %d of them reparsed in place"
                + " inside their top-level statement; %.0f chars re-lexed and %.1f statements reused per edit%n", edits,
                documents, seed, nested, (double) relexed / edits, (double) reused / edits);
        assertEquals(EDITS, edits);
    }

    /** Typing into a name of a clean module and taking it back: the edits reparsed in place. */
    @Test
    void typingInsideNamesOfCleanModules() throws IOException {
        Random random = new Random(Long.getLong("greenlight.incremental.seed", 20261125L));
        int inPlace = 0;
        int edits = 0;
        for (String original : standardLibrarySample(random, 40)) {
            ParsedModule module = ParsedModule.parse(original);
            if (module.result().hasErrors()) {
                continue;
            }
            for (int step = 0; step < 100; step++) {
                int at = random.nextInt(original.length());
                if (!Character.isLetter(original.charAt(at)) || !Character.isLetter(original.charAt(Math.max(0, at - 1)))) {
                    continue;
                }
                String letter = String.valueOf((char) ('a' + random.nextInt(26)));
                ParsedModule typed = module.edit(at, at, letter);
                assertEquals(ParsedModule.parse(typed.text()).result(), typed.result(), () -> "typing at " + at);
                ParsedModule undone = typed.edit(at, at + 1, "");
                assertEquals(original, undone.text());
                assertEquals(module.result(), undone.result(), () -> "undoing at " + at);
                inPlace += (typed.statistics().nested() ? 1 : 0) + (undone.statistics().nested() ? 1 : 0);
                edits += 2;
                module = undone;
            }
        }
        System.out.printf("incremental: %d edits typed into names, %d reparsed in place%n", edits, inPlace);
        final int reparsedInPlace = inPlace;
        assertTrue(inPlace > edits / 2, () -> "only " + reparsedInPlace + " edits were reparsed in place");
    }

    @Test
    void aOneCharacterEditInOneFunctionReusesTheOthers() {
        StringBuilder source = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            source.append("async def handler_").append(i).append("(db):\n")
                    .append("    users = await db.scalars(select(User))\n")
                    .append("    return [u.name for u in users]\n\n");
        }
        String text = source.toString();
        ParsedModule module = ParsedModule.parse(text);
        int at = text.indexOf("select(User)", text.indexOf("handler_100(")) + "select(".length();
        ParsedModule edited = module.edit(at, at, "X");
        assertEquals(ParsedModule.parse(edited.text()).result(), edited.result());
        ParsedModule.Statistics stats = edited.statistics();
        assertTrue(stats.nested(), stats::toString);
        assertEquals(1, stats.reparsedStatements(), stats::toString);
        assertEquals(199, stats.reusedStatements(), stats::toString);
        // The line "users = await db.scalars(select(XUser))" and its line break.
        assertEquals("    users = await db.scalars(select(XUser))\n".length() - 1, stats.relexedChars(), stats::toString);
    }

    @Test
    void anUnclosedBracketStaysLocal() {
        String text = "def a():\n    return f(1)\n\ndef b():\n    return 2\n\ndef c():\n    return 3\n";
        ParsedModule module = ParsedModule.parse(text);
        int at = text.indexOf("f(1)") + 2;
        ParsedModule edited = module.edit(at, at + 2, "");
        ParseResult result = edited.result();
        assertEquals(ParsedModule.parse(edited.text()).result(), result);
        assertEquals(3, result.module().body().size());
        assertEquals("'(' was never closed", result.errors().get(0).message());
        assertTrue(edited.statistics().reusedStatements() >= 1, edited.statistics()::toString);
    }

    private static int removalLength(Random random) {
        return switch (random.nextInt(10)) {
            case 0, 1, 2, 3 -> 0;
            case 4, 5, 6 -> 1;
            case 7, 8 -> random.nextInt(20);
            default -> random.nextInt(400);
        };
    }

    private static String insertion(Random random, String text) {
        if (random.nextInt(5) < 2) {
            // Typing a name, the most common edit of all.
            return String.valueOf((char) ('a' + random.nextInt(26)));
        }
        if (random.nextInt(3) == 0 && !text.isEmpty()) {
            // A piece of the document itself, as a paste would bring.
            int from = random.nextInt(text.length());
            int length = random.nextInt(10) == 0 ? random.nextInt(500) : random.nextInt(12);
            return safeSubstring(text, from, Math.min(text.length(), from + length));
        }
        return SNIPPETS[random.nextInt(SNIPPETS.length)];
    }

    /** A substring that does not split a surrogate pair, as an editor never does. */
    private static String safeSubstring(String text, int from, int to) {
        if (from > 0 && Character.isLowSurrogate(text.charAt(from))) {
            from--;
        }
        if (to < text.length() && to > 0 && Character.isHighSurrogate(text.charAt(to - 1))) {
            to++;
        }
        return text.substring(from, to);
    }

    private static List<String> standardLibrarySample(Random random, int count) throws IOException {
        Path stdlib = StandardLibrary.location();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(stdlib)) {
            files = walk.filter(p -> p.toString().endsWith(".py") && !p.toString().contains("site-packages"))
                    .sorted().toList();
        }
        List<String> sample = new ArrayList<>();
        for (int tries = 0; sample.size() < count && tries < count * 20; tries++) {
            Path file = files.get(random.nextInt(files.size()));
            SourceDecoder.DecodedSource decoded = SourceDecoder.decode(Files.readAllBytes(file));
            String text = decoded.text();
            long lines = text.lines().count();
            if (decoded.error() == null && lines >= 20 && lines <= 400) {
                sample.add(text);
            }
        }
        return sample;
    }

    private static String describeMismatch(long seed, int edit, String before, int start, int end, String inserted,
            ParseResult incremental, ParseResult fresh) {
        StringBuilder out = new StringBuilder();
        out.append("incremental parse differs from a fresh parse (seed ").append(seed).append(", edit ").append(edit)
                .append(")\nedit: replace [").append(start).append(", ").append(end).append(") ")
                .append(quote(before.substring(start, end))).append(" with ").append(quote(inserted)).append('\n');
        out.append("errors, incremental: ").append(incremental.errors()).append("\nerrors, fresh:       ")
                .append(fresh.errors()).append('\n');
        String afterText = before.substring(0, start) + inserted + before.substring(end);
        for (int i = 0; i < Math.max(incremental.errors().size(), fresh.errors().size()); i++) {
            SyntaxError x = i < incremental.errors().size() ? incremental.errors().get(i) : null;
            SyntaxError y = i < fresh.errors().size() ? fresh.errors().get(i) : null;
            if (x == null || !x.equals(y)) {
                SyntaxError shown = y != null ? y : x;
                int from = Math.max(0, shown.span().start() - 300);
                int to = Math.min(afterText.length(), shown.span().end() + 200);
                out.append("first differing error #").append(i).append(": incremental ").append(x).append(", fresh ")
                        .append(y).append("\ntext around it:\n").append(afterText, from, to).append('\n');
                break;
            }
        }
        List<Statement> a = incremental.module().body();
        List<Statement> b = fresh.module().body();
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            Statement x = i < a.size() ? a.get(i) : null;
            Statement y = i < b.size() ? b.get(i) : null;
            if (x == null || !x.equals(y)) {
                out.append("first differing statement #").append(i).append("\n  incremental: ")
                        .append(x == null ? "none" : AstDumper.dump(x, DumpSchema.python313()))
                        .append("\n  fresh:       ")
                        .append(y == null ? "none" : AstDumper.dump(y, DumpSchema.python313())).append('\n');
                break;
            }
        }
        String after = before.substring(0, start) + inserted + before.substring(end);
        out.append("text after the edit:\n").append(after.length() > 3000 ? after.substring(0, 3000) + "..." : after);
        return out.toString();
    }

    private static String quote(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t") + '"';
    }
}
