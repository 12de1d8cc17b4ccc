package dev.greenlight.cli;

import static dev.greenlight.cli.CliTestSupport.assertGolden;
import static dev.greenlight.cli.CliTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.greenlight.cli.CliTestSupport.Run;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code greenlight check} on a small project: every output format against its golden file, the
 * exit codes, fixing, and the errors a person meets (a missing folder, an unreadable file, a bad
 * pyproject.toml). The project has a migration (excluded in pyproject.toml), a test (GL006 ignored
 * for tests/*) and, added here, folders that are never checked.
 */
class CheckCommandTest {

    private static final String OFFENDING = "def f(db):\n    await db.commit()\n";

    @TempDir
    Path project;

    @BeforeEach
    void copyProject() throws IOException, URISyntaxException {
        CliTestSupport.copyTree("project", project);
        for (String skipped : new String[] {".venv/lib/site.py", "venv/lib/site.py", "node_modules/pkg/gen.py",
                ".hidden/tool.py", "app/__pycache__/books.py", ".git/hooks/x.py"}) {
            Path file = project.resolve(skipped);
            Files.createDirectories(file.getParent());
            Files.writeString(file, OFFENDING);
        }
    }

    @Test
    void textFormat() throws IOException {
        Run run = run(project, "check");
        assertEquals(1, run.exitCode(), run.err());
        assertEquals("", run.err());
        assertGolden("check.txt", run.out());
    }

    @Test
    void jsonFormatHasRuffsShape() throws IOException {
        Run run = run(project, "check", "--output-format", "json", "app");
        assertEquals(1, run.exitCode(), run.err());
        assertGolden("check.json", run.out());
        JsonArray array = JsonParser.parseString(run.out()).getAsJsonArray();
        JsonObject first = array.get(0).getAsJsonObject();
        for (String key : new String[] {"cell", "code", "end_location", "filename", "fix", "location", "message", "noqa_row", "url"}) {
            assertTrue(first.has(key), key);
        }
    }

    @Test
    void githubFormat() throws IOException {
        Run run = run(project, "check", "--output-format", "github");
        assertEquals(1, run.exitCode());
        assertGolden("check.github", run.out());
    }

    @Test
    void sarifFormat() throws IOException {
        Run run = run(project, "check", "--output-format", "sarif");
        assertEquals(1, run.exitCode());
        JsonObject log = JsonParser.parseString(run.out()).getAsJsonObject();
        assertEquals("2.1.0", log.get("version").getAsString());
        assertEquals("https://json.schemastore.org/sarif-2.1.0.json", log.get("$schema").getAsString());
        JsonObject runObject = log.getAsJsonArray("runs").get(0).getAsJsonObject();
        JsonObject driver = runObject.getAsJsonObject("tool").getAsJsonObject("driver");
        assertEquals("greenlight", driver.get("name").getAsString());
        JsonArray rules = driver.getAsJsonArray("rules");
        assertEquals(dev.greenlight.rules.Rules.metas().size(), rules.size());
        for (var element : rules) {
            JsonObject rule = element.getAsJsonObject();
            for (String key : new String[] {"shortDescription", "fullDescription", "help"}) {
                assertTrue(!rule.getAsJsonObject(key).get("text").getAsString().isBlank(), rule.get("id") + " " + key);
            }
        }
        // The rules' texts come from their pages; the results are what this test pins down.
        String results = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create()
                .toJson(runObject.getAsJsonArray("results"));
        assertGolden("check.sarif-results.json", results + "\n");
    }

    @Test
    void statistics() throws IOException {
        Run run = run(project, "check", "--statistics");
        assertEquals(1, run.exitCode());
        assertGolden("statistics.txt", run.out());
    }

    @Test
    void diffWritesNothing() throws IOException {
        String before = Files.readString(project.resolve("app/books.py"));
        Run run = run(project, "check", "--diff");
        assertEquals(1, run.exitCode());
        assertGolden("diff.txt", run.out());
        assertEquals("Would fix 1 error in 1 file.\n", run.err());
        assertEquals(before, Files.readString(project.resolve("app/books.py")));
    }

    @Test
    void fixAppliesSafeFixesAndReportsTheRest() throws IOException {
        Run run = run(project, "check", "--fix");
        assertEquals(1, run.exitCode(), run.err());
        assertGolden("fix.txt", run.out());
        assertGolden("books.py.fixed", Files.readString(project.resolve("app/books.py")));
    }

    @Test
    void unsafeFixesFixEverything() throws IOException {
        Run run = run(project, "check", "--fix", "--unsafe-fixes");
        assertEquals(0, run.exitCode(), run.out());
        assertEquals("Found 2 errors (2 fixed, 0 remaining).\n", run.out());
        assertTrue(Files.readString(project.resolve("app/books.py")).contains("async def find_by_isbn("));
    }

    @Test
    void selectIgnoreAndExitZero() {
        assertEquals(0, run(project, "check", "--ignore", "GL006").exitCode());
        assertEquals("All checks passed!\n", run(project, "check", "--select", "GL000").out());
        assertEquals(0, run(project, "check", "--exit-zero").exitCode());
        Run unknown = run(project, "check", "--select", "GL6");
        assertEquals(2, unknown.exitCode());
        assertEquals("greenlight: error: unknown rule selector GL6 (greenlight rule --all lists the rules)\n", unknown.err());
    }

    @Test
    void explicitlyNamedFilesAreCheckedEvenWhenExcluded() {
        Run run = run(project, "check", "migrations/versions/0001_books.py", "--output-format", "github");
        assertEquals(1, run.exitCode());
        assertTrue(run.out().contains("file=migrations/versions/0001_books.py,line=2,col=5"), run.out());
    }

    @Test
    void standardInput() throws IOException {
        String source = Files.readString(project.resolve("app/books.py"));
        Run run = CliTestSupport.runWithInput(project, source, "check", "-", "--stdin-filename", "app/books.py", "--output-format", "github");
        assertEquals(1, run.exitCode());
        assertEquals(2, run.out().lines().count());
        assertTrue(run.out().contains("file=app/books.py,line=12,col=12"), run.out());

        Run fixed = CliTestSupport.runWithInput(project, source, "check", "-", "--stdin-filename", "app/books.py", "--fix");
        assertEquals(1, fixed.exitCode());
        assertTrue(fixed.out().contains("async def read_book("), fixed.out());
        assertTrue(fixed.err().contains("\nFound 2 errors (1 fixed, 1 remaining).\n"), fixed.err());

        Run anonymous = CliTestSupport.runWithInput(project, OFFENDING, "check", "-");
        assertTrue(anonymous.out().startsWith("-:2:5: GL006 "), anonymous.out());
    }

    @Test
    void missingFolderIsAnError() {
        Run run = run(project, "check", "app", "no/such/folder");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("greenlight: error: no/such/folder: No such file or directory\n"), run.err());
        assertTrue(run.out().contains("app/books.py:12:12: GL006"), "the rest is still checked: " + run.out());
    }

    @Test
    void danglingLinkIsAnErrorNamingTheFile() throws IOException {
        Files.createSymbolicLink(project.resolve("app/gone.py"), project.resolve("app/nowhere.py"));
        Run run = run(project, "check", "app/gone.py");
        assertEquals(2, run.exitCode());
        assertEquals("greenlight: error: app/gone.py: No such file or directory\n", run.err());
    }

    @Test
    void unreadableFileIsAnErrorNamingTheFile() throws IOException {
        Path file = project.resolve("app/secret.py");
        Files.writeString(file, OFFENDING);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        Assumptions.assumeFalse(Files.isReadable(file), "running as root: every file is readable");
        Run run = run(project, "check", "app");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("greenlight: error: app/secret.py: Permission denied\n"), run.err());
    }

    @Test
    void badConfigurationIsAnErrorNamingTheFile() throws IOException {
        Files.writeString(project.resolve("pyproject.toml"), "[tool.greenlight]\nselect = [\"GL999\"]\n");
        Run run = run(project, "check", "app");
        assertEquals(2, run.exitCode());
        assertEquals("greenlight: error: <ROOT>/pyproject.toml:2: unknown rule selector GL999 in `select`\n", run.err());
    }

    @Test
    void explicitConfigFile() throws IOException {
        Path other = project.resolve("strict.toml");
        Files.writeString(other, "[tool.greenlight]\nignore = [\"GL006\"]\n");
        assertEquals(0, run(project, "check", "--config", "strict.toml", "app").exitCode());
        Run missing = run(project, "check", "--config", "nope.toml", "app");
        assertEquals(2, missing.exitCode());
        assertEquals("greenlight: error: nope.toml: No such file\n", missing.err());
    }

    @Test
    void unknownOptionIsAUsageError() {
        Run run = run(project, "check", "--frobnicate");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("greenlight: error: Unknown option: '--frobnicate'"), run.err());
    }
}
