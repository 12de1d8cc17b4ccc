package dev.greenlight.cli;

import static dev.greenlight.cli.CliTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenlight.BuildInfo;
import dev.greenlight.cli.CliTestSupport.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rule}, {@code parse}, {@code version}, and a command line without a command. */
class CommandsTest {

    @TempDir
    Path dir;

    @Test
    void ruleDocumentation() {
        Run run = run(dir, "rule", "GL006");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().startsWith("# await-outside-async (GL006)\n\n"), run.out());
        assertTrue(run.out().contains("\n## What it does\n"), run.out());
        assertTrue(run.out().contains("Default severity: error. A fix is sometimes available."), run.out());
        assertEquals(run.out(), run(dir, "rule", "await-outside-async").out());
    }

    @Test
    void ruleList() {
        Run run = run(dir, "rule", "--all");
        assertEquals(0, run.exitCode());
        assertEquals("""
                GL000  syntax-error                        Python cannot read this code: the module does not import
                GL001  async-driver-in-sync-engine         `create_engine()` with a URL that names an async driver
                GL002  sync-session-in-async-function      A synchronous `Session`, `sessionmaker` product or `create_engine` engine used inside `async def`
                GL003  missing-await                       A coroutine of an async session, connection, engine or result, or of an `async def`, never awaited
                GL004  session-annotation-mismatch         A `Session` annotation on an injected `AsyncSession`, or the reverse
                GL005  query-on-async-session              Legacy `.query()` called on an async session
                GL006  await-outside-async                 `await`, `async with`, `async for` or an async comprehension inside a plain `def`
                GL007  sync-driver-in-async-engine         `create_async_engine()` with a URL whose driver is synchronous or missing
                GL101  lazy-load-in-async                  A relationship that is not loaded is read in async code: the lazy load raises `MissingGreenlet`
                GL102  expired-attribute-after-commit      An attribute is read after `commit()`, `rollback()` or `expire()` expired it: the reload raises `MissingGreenlet`
                GL103  sync-sessionmaker-for-async-engine  `sessionmaker()` or `Session()` bound to an `AsyncEngine` without `class_=AsyncSession`
                GL104  sync-api-on-async-engine            A sync-only API (`create_all`, `inspect`, `autoload_with`, pandas) given an async engine or connection
                GL105  lazy-load-in-response               An async route returns ORM objects whose response model reads a relationship that is not loaded
                GL106  dynamic-relationship-in-async       A `lazy="dynamic"` relationship is used in async code, which asyncio does not support
                GL107  concurrent-session-use              One `AsyncSession` used by concurrently running coroutines (`gather`, `create_task`, `TaskGroup`)
                GL108  refresh-unloads-relationship        A relationship is read after `refresh()` expired it without naming it in `attribute_names`
                GL109  server-default-after-flush          A column the database computes on UPDATE is read after the UPDATE was flushed
                """, run.out());
    }

    @Test
    void unknownRule() {
        Run run = run(dir, "rule", "GL999");
        assertEquals(2, run.exitCode());
        assertEquals("greenlight: error: unknown rule `GL999` (greenlight rule --all lists them)\n", run.err());
        assertEquals(2, run(dir, "rule").exitCode());
    }

    @Test
    void parseDump() throws IOException {
        Files.writeString(dir.resolve("m.py"), "x = 1\n");
        Run run = run(dir, "parse", "m.py", "--dump", "--indent", "-1");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("Module(body=[Assign(targets=[Name(id='x', ctx=Store(), lineno=1, col_offset=0, end_lineno=1, "
                + "end_col_offset=1)], value=Constant(value=1, lineno=1, col_offset=4, end_lineno=1, end_col_offset=5), "
                + "lineno=1, col_offset=0, end_lineno=1, end_col_offset=5)])\n", run.out());
    }

    @Test
    void parseReportsSyntaxErrors() throws IOException {
        Files.writeString(dir.resolve("bad.py"), "def f()\n    pass\n");
        Run run = run(dir, "parse", "bad.py");
        assertEquals(1, run.exitCode());
        assertTrue(run.err().startsWith("bad.py:1:"), run.err());
        assertEquals(2, run(dir, "parse", "missing.py").exitCode());
    }

    @Test
    void version() {
        Run run = run(dir, "version");
        assertEquals(0, run.exitCode());
        assertEquals("greenlight " + BuildInfo.version() + "\n", run.out());
        assertTrue(!BuildInfo.version().equals("unknown"));
        assertEquals(run.out(), run(dir, "--version").out());
    }

    @Test
    void helpOfEveryCommand() {
        for (String command : new String[] {"check", "rule", "parse", "version", "server"}) {
            Run run = run(dir, command, "--help");
            assertEquals(0, run.exitCode(), command);
            assertTrue(run.out().startsWith("Usage: greenlight " + command), run.out());
        }
    }

    @Test
    void noCommandIsAUsageError() {
        Run run = run(dir);
        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("greenlight: error: a command is required\n"), run.err());
    }
}
