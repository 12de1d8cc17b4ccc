package dev.greenlight.cli;

import static dev.greenlight.cli.CliTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenlight.cli.CliTestSupport.Run;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How {@code check} walks folders: {@code .gitignore} files, and the progress bar on a terminal. */
class FileWalkTest {

    private static final String OFFENDING = "def f(db):\n    await db.commit()\n";

    @TempDir
    Path project;

    private void write(String path, String text) throws IOException {
        Path file = project.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    /** The files {@code check} reports, one per diagnostic, in order. */
    private List<String> reported(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "check";
        all[1] = "--output-format";
        all[2] = "github";
        System.arraycopy(args, 0, all, 3, args.length);
        Run run = run(project, all);
        assertTrue(run.exitCode() <= 1, run.err());
        return run.out().lines().map(line -> line.replaceFirst("^.*file=([^,]*),.*$", "$1")).toList();
    }

    @Test
    void rootAndNestedGitignoreFiles() throws IOException {
        write(".gitignore", "# generated code\n/build/\n*_pb2.py\nscratch/\n!keep_pb2.py\n");
        write("app/.gitignore", "local_*.py\n!local_settings.py\n");
        for (String path : new String[] {"app/main.py", "app/local_dev.py", "app/local_settings.py", "app/api_pb2.py",
                "app/keep_pb2.py", "build/lib/app.py", "tools/build/gen.py", "app/scratch/try.py", "scratch/x.py",
                "top_pb2.py", "lib/local_x.py"}) {
            write(path, OFFENDING);
        }
        assertEquals(List.of("app/keep_pb2.py", "app/local_settings.py", "app/main.py", "lib/local_x.py",
                "tools/build/gen.py"), reported());
    }

    @Test
    void aRepositorysIgnoreFilesAboveTheCheckedFolderCount() throws IOException {
        Files.createDirectories(project.resolve(".git/info"));
        write(".git/info/exclude", "mine.py\n");
        write(".gitignore", "app/gen/\n");
        write("app/main.py", OFFENDING);
        write("app/mine.py", OFFENDING);
        write("app/gen/x.py", OFFENDING);
        assertEquals(List.of("app/main.py"), reported("app"));
    }

    @Test
    void explicitlyNamedFilesAndTheOptionToLookAtEverything() throws IOException {
        write(".gitignore", "gen.py\n");
        write("app/gen.py", OFFENDING);
        write("app/main.py", OFFENDING);
        assertEquals(List.of("app/main.py"), reported());
        assertEquals(List.of("app/gen.py"), reported("app/gen.py"));
        assertEquals(List.of("app/gen.py", "app/main.py"), reported("--no-respect-gitignore"));
    }

    private static Run runOnTerminal(Path cwd, boolean terminal, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = Main.run(args, new Cli(new ByteArrayInputStream(new byte[0]), o, e, cwd, terminal));
        }
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void progressGoesToAStandardErrorThatIsATerminalAndLeavesTheReportAlone() throws IOException {
        for (int i = 0; i <= Progress.THRESHOLD; i++) {
            write("pkg/m" + i + ".py", i == 0 ? OFFENDING : "x = " + i + "\n");
        }
        Run plain = runOnTerminal(project, false, "check", "pkg");
        assertEquals(1, plain.exitCode());
        assertEquals("", plain.err(), "no terminal, no bar");
        Run onTerminal = runOnTerminal(project, true, "check", "pkg");
        assertEquals(plain.out(), onTerminal.out());
        // Drawn or not (a fast run may finish first), the bar is erased: nothing else on stderr.
        assertTrue(Pattern.matches("(\r[^\r\n]*\u001b\\[K)*", onTerminal.err()), onTerminal.err());

        Files.delete(project.resolve("pkg/m1.py"));
        Run small = runOnTerminal(project, true, "check", "pkg");
        assertEquals("", small.err(), "a small tree gets no bar");
    }

    @Test
    void theBarCountsAndIsErasedWhenDone() throws InterruptedException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Progress progress = new Progress(err, 400, 0);
        for (int i = 0; i < 100; i++) {
            progress.step();
        }
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!bytes.toString(StandardCharsets.UTF_8).contains("100/400") && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        progress.close();
        String drawn = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(drawn.contains("\rChecking [#######.......................] 100/400 files (25%)\u001b[K"), drawn);
        assertTrue(drawn.endsWith("\r\u001b[K"), drawn);
        assertEquals("Checking [##############################] 400/400 files (100%)", Progress.line(400, 400));
    }
}
