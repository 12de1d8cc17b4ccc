package dev.greenlight.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenlight.config.RuleSelection;
import dev.greenlight.engine.CheckResult;
import dev.greenlight.engine.Checker;
import dev.greenlight.engine.FixLoop;
import dev.greenlight.python.parse.ParseResult;
import dev.greenlight.python.parse.PythonParsing;
import dev.greenlight.source.SourceFile;
import dev.greenlight.workspace.WorkspaceIndex;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every fixture under {@code fixtures/<CODE>/*.py}. A line marked {@code # expect: GL006}
 * must get exactly the listed diagnostics (a code twice for two), and no other line any: every
 * fixture is a positive and a negative test. After every fix is applied (safe and unsafe), the
 * text must equal {@code <name>.py.fixed} beside it, or stay unchanged when there is none, and
 * must parse without a syntax error.
 */
class FixtureTest {

    private static final Pattern MARKER = Pattern.compile("#\\s*expect:\\s*([A-Z]+[0-9]+(?:\\s*,\\s*[A-Z]+[0-9]+)*)");

    @TestFactory
    Stream<DynamicTest> fixtures() throws IOException, URISyntaxException {
        Path root = Path.of(FixtureTest.class.getResource("/fixtures").toURI());
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(path -> path.toString().endsWith(".py")).sorted().toList();
        }
        assertTrue(files.size() >= 5, "expected fixtures under " + root);
        return files.stream().map(file -> DynamicTest.dynamicTest(root.relativize(file).toString(), () -> check(file)));
    }

    private static void check(Path file) throws IOException {
        String text = Files.readString(file);
        SourceFile source = new SourceFile(file, file.getFileName().toString(), text);
        // The fixture's folder is its workspace: models in one file, routes in another.
        WorkspaceIndex index = new WorkspaceIndex();
        try (Stream<Path> siblings = Files.list(file.getParent())) {
            index.addAll(siblings.filter(path -> path.toString().endsWith(".py")).toList(), done -> { });
        }
        Checker checker = new Checker().withIndex(index);

        CheckResult result = checker.check(source, RuleSelection.all());
        assertEquals(List.of(), result.internalErrors(), "internal errors");
        assertEquals(expected(text), actual(result), "diagnostics by line of " + file.getFileName()
                + "\n" + describe(result));

        FixLoop.Outcome fixed = new FixLoop(checker).run(source, RuleSelection.all(), true);
        Path expectedFile = file.resolveSibling(file.getFileName() + ".fixed");
        String expectedText = Files.exists(expectedFile) ? Files.readString(expectedFile) : text;
        assertEquals(expectedText, fixed.fixed().text(), "text after all fixes of " + file.getFileName()
                + (Files.exists(expectedFile) ? "" : " (no .fixed file: no fix expected)"));
        ParseResult reparsed = PythonParsing.parse(fixed.fixed().text());
        assertEquals(List.of(), reparsed.errors(), "syntax errors after fixing " + file.getFileName());
    }

    /** Line number to the sorted codes expected there. */
    private static TreeMap<Integer, List<String>> expected(String text) {
        TreeMap<Integer, List<String>> expected = new TreeMap<>();
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher matcher = MARKER.matcher(lines[i]);
            while (matcher.find()) {
                for (String code : matcher.group(1).split("\\s*,\\s*")) {
                    expected.computeIfAbsent(i + 1, line -> new ArrayList<>()).add(code);
                }
            }
        }
        expected.values().forEach(codes -> codes.sort(null));
        return expected;
    }

    private static TreeMap<Integer, List<String>> actual(CheckResult result) {
        TreeMap<Integer, List<String>> actual = new TreeMap<>();
        for (Diagnostic diagnostic : result.diagnostics()) {
            actual.computeIfAbsent(diagnostic.line(), line -> new ArrayList<>()).add(diagnostic.code());
        }
        actual.values().forEach(codes -> codes.sort(null));
        return actual;
    }

    private static String describe(CheckResult result) {
        StringBuilder out = new StringBuilder();
        for (Diagnostic diagnostic : result.diagnostics()) {
            out.append("  line ").append(diagnostic.line()).append(": ").append(diagnostic.code()).append(' ')
                    .append(diagnostic.message()).append('\n');
        }
        return out.toString();
    }
}
