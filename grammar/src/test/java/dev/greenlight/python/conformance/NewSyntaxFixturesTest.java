package dev.greenlight.python.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.greenlight.python.ast.AstDumper;
import dev.greenlight.python.ast.DumpSchema;
import dev.greenlight.python.parse.ParseResult;
import dev.greenlight.python.parse.PythonParsing;
import dev.greenlight.python.parse.SyntaxError;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Syntax newer than the CPython that the conformance test can run (3.12 and 3.13 forms): each
 * {@code src/test/resources/newsyntax/NAME.py} must parse without errors to the tree of
 * {@code NAME.dump}, written in the exact format of {@link AstDumper#dump} for
 * {@link DumpSchema#python313()} with CPython 3.12+ positions (real ones inside f-strings). The
 * {@code .dump} files are laid out on several lines; whitespace outside strings is not compared.
 * On a difference, our dump is written, laid out the same way, to
 * {@code target/newsyntax-actual/NAME.dump}.
 */
@Tag("conformance")
class NewSyntaxFixturesTest {

    @Test
    void everyFixtureHasItsDump() throws IOException {
        List<String> problems = new ArrayList<>();
        List<Path> sources = sources();
        for (Path source : sources) {
            if (!Files.isRegularFile(dumpOf(source))) {
                problems.add("no " + dumpOf(source).getFileName() + " for " + source.getFileName());
            }
        }
        try (Stream<Path> files = Files.list(directory())) {
            files.filter(p -> p.toString().endsWith(".dump"))
                    .filter(p -> !Files.isRegularFile(sourceOf(p)))
                    .forEach(p -> problems.add("no .py for " + p.getFileName()));
        }
        assertTrue(problems.isEmpty(), () -> String.join("\n", problems));
        assertTrue(!sources.isEmpty(), "no fixture found in " + directory());
    }

    @TestFactory
    Stream<DynamicTest> fixturesParseLikeCPython313() throws IOException {
        return sources().stream().map(source -> DynamicTest.dynamicTest(source.getFileName().toString(),
                () -> check(source)));
    }

    private static void check(Path source) throws IOException {
        String text = new String(Files.readAllBytes(source), StandardCharsets.UTF_8);
        String expected = DumpText.compact(Files.readString(dumpOf(source), StandardCharsets.UTF_8));
        ParseResult result = PythonParsing.parse(text);
        if (result.hasErrors()) {
            StringBuilder sb = new StringBuilder(source.getFileName() + ": " + result.errors().size()
                    + " syntax error(s), CPython 3.13 reports none:");
            for (SyntaxError error : result.errors()) {
                sb.append("\n  ");
                if (error.span() != null) {
                    sb.append(error.span().lineno()).append(':').append(error.span().colOffset()).append(' ');
                }
                sb.append(error.message());
            }
            fail(sb.toString());
        }
        String actual = AstDumper.dump(result.module(), DumpSchema.python313());
        if (!actual.equals(expected)) {
            Path out = Path.of(System.getProperty("basedir", "."), "target", "newsyntax-actual");
            Files.createDirectories(out);
            Path written = out.resolve(dumpOf(source).getFileName());
            Files.writeString(written, DumpText.pretty(actual, 60) + "\n", StandardCharsets.UTF_8);
            fail(source.getFileName() + ": tree differs; ours is in " + written + "\n"
                    + DumpText.diffContext("expected", expected, actual, 80));
        }
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.list(directory())) {
            return files.filter(p -> p.toString().endsWith(".py")).sorted().toList();
        }
    }

    private static Path dumpOf(Path source) {
        String name = source.getFileName().toString();
        return source.resolveSibling(name.substring(0, name.length() - ".py".length()) + ".dump");
    }

    private static Path sourceOf(Path dump) {
        String name = dump.getFileName().toString();
        return dump.resolveSibling(name.substring(0, name.length() - ".dump".length()) + ".py");
    }

    /** The fixtures in the source tree (so that edits need no build), else on the class path. */
    private static Path directory() {
        Path source = Path.of(System.getProperty("basedir", "."), "src/test/resources/newsyntax");
        if (Files.isDirectory(source)) {
            return source;
        }
        URL url = NewSyntaxFixturesTest.class.getResource("/newsyntax");
        if (url == null) {
            return fail("fixture directory newsyntax not found");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            return fail("fixture directory: " + e);
        }
    }
}
