package dev.greenlight.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenlight.files.GitIgnore.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gitignore(5) pattern syntax, case by case, and how files at several levels combine. */
class GitIgnoreTest {

    private static final Path BASE = Path.of("/project");

    private static Verdict file(String patterns, String path) {
        return GitIgnore.parse(BASE, patterns).match(path, false);
    }

    private static Verdict folder(String patterns, String path) {
        return GitIgnore.parse(BASE, patterns).match(path, true);
    }

    private static void ignored(String patterns, String... paths) {
        for (String path : paths) {
            assertEquals(Verdict.IGNORED, file(patterns, path), patterns + " should ignore " + path);
        }
    }

    private static void notMatched(String patterns, String... paths) {
        for (String path : paths) {
            assertEquals(Verdict.NONE, file(patterns, path), patterns + " should not match " + path);
        }
    }

    @Test
    void blankLinesAndCommentsMatchNothing() {
        assertTrue(GitIgnore.parse(BASE, "\n# build\n   \n").isEmpty() || file("\n# build\n", "build") == Verdict.NONE);
        notMatched("# generated.py\n", "generated.py", "# generated.py");
        ignored("\\#notes.py\n", "#notes.py");
    }

    @Test
    void aNameWithoutSlashMatchesAtAnyDepth() {
        ignored("generated.py", "generated.py", "a/generated.py", "a/b/generated.py");
        notMatched("generated.py", "generated.pyc", "a/not_generated.py");
    }

    @Test
    void aSlashAtTheStartOrInTheMiddleAnchorsToTheFilesFolder() {
        ignored("/generated.py", "generated.py");
        notMatched("/generated.py", "a/generated.py");
        ignored("src/gen.py", "src/gen.py");
        notMatched("src/gen.py", "a/src/gen.py");
        ignored("src/*.py", "src/a.py");
        notMatched("src/*.py", "src/sub/a.py");
    }

    @Test
    void aTrailingSlashMatchesFoldersOnly() {
        assertEquals(Verdict.IGNORED, folder("build/", "build"));
        assertEquals(Verdict.IGNORED, folder("build/", "a/build"));
        assertEquals(Verdict.NONE, file("build/", "build"));
        assertEquals(Verdict.IGNORED, folder("/build/", "build"));
        assertEquals(Verdict.NONE, folder("/build/", "a/build"));
        assertEquals(Verdict.IGNORED, folder("a/build/", "a/build"));
    }

    @Test
    void starAndQuestionMarkStayInsideOneName() {
        ignored("*.py", "x.py", "a/b/x.py");
        ignored("test_?.py", "test_a.py");
        notMatched("test_?.py", "test_ab.py", "test_/.py");
        ignored("a*/x.py", "abc/x.py");
        notMatched("a*/x.py", "a/b/x.py");
    }

    @Test
    void characterClasses() {
        ignored("v[0-9].py", "v1.py", "d/v7.py");
        notMatched("v[0-9].py", "vx.py");
        ignored("v[!0-9].py", "vx.py");
        notMatched("v[!0-9].py", "v1.py", "v/.py");
        ignored("v[^ab].py", "vc.py");
        notMatched("v[^ab].py", "va.py");
        ignored("[]x].py", "].py", "x.py");
        ignored("a[.]py", "a.py");
        notMatched("a[.]py", "axpy");
    }

    @Test
    void doubleStarSpansFolders() {
        ignored("**/gen.py", "gen.py", "a/gen.py", "a/b/gen.py");
        ignored("**/gen/x.py", "gen/x.py", "a/b/gen/x.py");
        ignored("a/**/b.py", "a/b.py", "a/x/b.py", "a/x/y/b.py");
        notMatched("a/**/b.py", "x/a/b.py", "a/xb.py");
        ignored("build/**", "build/x.py", "build/a/b.py");
        notMatched("build/**", "build", "x/build/x.py");
        assertEquals(Verdict.IGNORED, folder("build/**", "build/sub"));
        // Elsewhere ** is a plain *.
        ignored("a**b.py", "aXXb.py");
        notMatched("a**b.py", "a/b.py");
        ignored("**", "anything", "a/b/c");
    }

    @Test
    void negationAndTheLastMatchingPatternWins() {
        String patterns = "*.py\n!keep.py\n";
        assertEquals(Verdict.IGNORED, file(patterns, "x.py"));
        assertEquals(Verdict.KEPT, file(patterns, "keep.py"));
        assertEquals(Verdict.KEPT, file(patterns, "a/keep.py"));
        assertEquals(Verdict.IGNORED, file("!keep.py\n*.py\n", "keep.py"));
        ignored("\\!important.py", "!important.py");
        assertEquals(Verdict.KEPT, folder("/gen/*\n!/gen/keep/\n", "gen/keep"));
        assertEquals(Verdict.IGNORED, folder("/gen/*\n!/gen/keep/\n", "gen/other"));
    }

    @Test
    void trailingSpacesAreDroppedUnlessEscaped() {
        ignored("gen.py   ", "gen.py");
        ignored("gen\\ ", "gen ");
        notMatched("gen\\ ", "gen");
    }

    @Test
    void windowsLineEndingsAndRegexCharactersAreLiteral() {
        ignored("a.py\r\nb+c(1).py\r\n", "a.py", "b+c(1).py");
        notMatched("a.py\r\n", "axpy");
        notMatched("b+c(1).py", "bbc1.py");
    }

    @Test
    void matchTakesAbsolutePathsInsideTheBase() {
        GitIgnore ignore = GitIgnore.parse(BASE, "gen/\n*.log\n");
        assertEquals(Verdict.IGNORED, ignore.match(BASE.resolve("x/gen"), true));
        assertEquals(Verdict.IGNORED, ignore.match(BASE.resolve("a.log"), false));
        assertEquals(Verdict.NONE, ignore.match(Path.of("/elsewhere/a.log"), false));
        assertEquals(Verdict.NONE, ignore.match(BASE, true));
    }

    @Test
    void deeperFilesOverrideShallowerOnes(@TempDir Path root) throws IOException {
        Files.writeString(root.resolve(".gitignore"), "*.gen.py\nlocal/\n");
        Path sub = Files.createDirectories(root.resolve("sub"));
        Files.writeString(sub.resolve(".gitignore"), "!keep.gen.py\nextra.py\n");
        IgnoreRules top = IgnoreRules.at(root);
        IgnoreRules inSub = top.enter(sub);
        assertTrue(top.isIgnored(root.resolve("a.gen.py"), false));
        assertTrue(top.isIgnored(root.resolve("local"), true));
        assertTrue(inSub.isIgnored(sub.resolve("a.gen.py"), false));
        assertFalse(inSub.isIgnored(sub.resolve("keep.gen.py"), false));
        assertTrue(inSub.isIgnored(sub.resolve("extra.py"), false));
        assertFalse(top.isIgnored(root.resolve("extra.py"), false), "sub's patterns apply only inside sub");
        assertFalse(inSub.isIgnored(sub.resolve("x.py"), false));
    }

    @Test
    void insideARepositoryFilesAboveTheWalkedFolderCountToo(@TempDir Path repo) throws IOException {
        Files.createDirectories(repo.resolve(".git/info"));
        Files.writeString(repo.resolve(".git/info/exclude"), "scratch.py\n");
        Files.writeString(repo.resolve(".gitignore"), "/app/gen.py\n");
        Path app = Files.createDirectories(repo.resolve("app"));
        IgnoreRules rules = IgnoreRules.at(app);
        assertTrue(rules.isIgnored(app.resolve("gen.py"), false));
        assertTrue(rules.isIgnored(app.resolve("scratch.py"), false));
        assertFalse(rules.isIgnored(app.resolve("main.py"), false));
    }

    @Test
    void outsideARepositoryOnlyTheWalkedFoldersFilesCount(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve(".gitignore"), "*.py\n");
        Path app = Files.createDirectories(dir.resolve("app"));
        assertFalse(IgnoreRules.at(app).isIgnored(app.resolve("x.py"), false));
        assertTrue(IgnoreRules.at(dir).isIgnored(app.resolve("x.py"), false));
    }
}
