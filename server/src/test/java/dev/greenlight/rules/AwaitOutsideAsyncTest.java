package dev.greenlight.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.greenlight.config.RuleSelection;
import dev.greenlight.engine.Checker;
import dev.greenlight.fix.Applicability;
import dev.greenlight.fix.Fix;
import dev.greenlight.fix.TextEdit;
import dev.greenlight.source.SourceFile;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The whole of GL006's diagnostics, once each: message, range, related information, fix. */
class AwaitOutsideAsyncTest {

    private static List<Diagnostic> check(String text) {
        return new Checker().check(SourceFile.of("t.py", text), RuleSelection.of(List.of("GL006"), List.of())).diagnostics();
    }

    @Test
    void awaitInARoute() {
        String text = """
                @router.get("/users/{user_id}")
                def read_user(user_id: int, db: AsyncSession = Depends(get_db)):
                    return await db.get(User, user_id)
                """;
        List<Diagnostic> diagnostics = check(text);
        assertEquals(1, diagnostics.size());
        Diagnostic diagnostic = diagnostics.get(0);
        assertEquals("GL006", diagnostic.code());
        assertEquals(Severity.ERROR, diagnostic.severity());
        assertEquals("`await` inside `def read_user`, which is not `async def`: the module does not import "
                + "(SyntaxError: 'await' outside async function)", diagnostic.message());
        int start = text.indexOf("await");
        assertEquals(start, diagnostic.range().start());
        assertEquals(text.indexOf("\n", start), diagnostic.range().end());
        assertEquals(3, diagnostic.range().lineno());
        assertEquals(11, diagnostic.range().colOffset());
        int def = text.indexOf("def read_user");
        assertEquals(new Fix("Make `read_user` an `async def`", Applicability.SAFE, List.of(TextEdit.insert(def, "async "))),
                diagnostic.fix());
        assertEquals(1, diagnostic.related().size());
        RelatedInformation related = diagnostic.related().get(0);
        assertEquals("`read_user` is declared here with plain `def`", related.message());
        assertEquals(def, related.span().start());
        assertEquals(def + "def read_user".length(), related.span().end());
    }

    @Test
    void asyncWithIsAnchoredAtItsHeader() {
        String text = """
                def get_db():
                    async with SessionLocal() as session:
                        yield session
                """;
        Diagnostic diagnostic = check(text).get(0);
        assertEquals("`async with` inside `def get_db`, which is not `async def`: the module does not import "
                + "(SyntaxError: 'async with' outside async function)", diagnostic.message());
        assertEquals("async with SessionLocal() as session",
                text.substring(diagnostic.range().start(), diagnostic.range().end()));
        // Not given to Depends() in this module, not a route: callers would get an async generator.
        assertEquals(Applicability.UNSAFE, diagnostic.fix().applicability());
    }

    @Test
    void asyncForIsAnchoredAtItsHeader() {
        String text = "def names(result):\n    async for row in result:\n        print(row)\n";
        Diagnostic diagnostic = check(text).get(0);
        assertEquals("async for row in result", text.substring(diagnostic.range().start(), diagnostic.range().end()));
        assertEquals("`async for` inside `def names`, which is not `async def`: the module does not import "
                + "(SyntaxError: 'async for' outside async function)", diagnostic.message());
    }

    @Test
    void dependencyFixIsSafeUnlessCalledDirectly() {
        String dependency = """
                def get_db():
                    async with SessionLocal() as session:
                        yield session

                async def route(db=Depends(get_db)):
                    pass
                """;
        assertEquals(Applicability.SAFE, check(dependency).get(0).fix().applicability());
        String calledToo = dependency + "\nget_db()\n";
        assertEquals(Applicability.UNSAFE, check(calledToo).get(0).fix().applicability());
    }

    @Test
    void everyOccurrenceIsReported() {
        String text = "def f(db):\n    await db.commit()\n    await db.close()\n";
        List<Diagnostic> diagnostics = check(text);
        assertEquals(2, diagnostics.size());
        assertEquals(diagnostics.get(0).fix(), diagnostics.get(1).fix());
    }

    @Test
    void asyncComprehensionIsTheOffendingExpression() {
        String text = "def f(rows):\n    return [[a async for a in r] for r in rows]\n";
        List<Diagnostic> diagnostics = check(text);
        assertEquals(1, diagnostics.size());
        Diagnostic diagnostic = diagnostics.get(0);
        assertEquals("[[a async for a in r] for r in rows]",
                text.substring(diagnostic.range().start(), diagnostic.range().end()));
        assertEquals("asynchronous comprehension inside `def f`, which is not `async def`: the module does not import "
                + "(SyntaxError: asynchronous comprehension outside of an asynchronous function)", diagnostic.message());
    }

    @Test
    void lambdaHasNoFix() {
        List<Diagnostic> diagnostics = check("async def f(s):\n    g = lambda: await s.close()\n");
        assertEquals(1, diagnostics.size());
        assertEquals("`await` inside a `lambda`, which cannot be async: the module does not import "
                + "(SyntaxError: 'await' outside async function)", diagnostics.get(0).message());
        assertNull(diagnostics.get(0).fix());
    }

    @Test
    void notReported() {
        assertEquals(List.of(), check("await main()\n"));
        assertEquals(List.of(), check("class A:\n    x = await y\n"));
        assertEquals(List.of(), check("def f(y):\n    return (await x for x in y)\n"));
        assertEquals(List.of(), check("async def f(y):\n    def g(a=await y):\n        pass\n"));
        assertEquals(List.of(), check("def f(y):\n    return ([await a for a in x] for x in y)\n"));
        assertEquals(List.of(), check("async def f(y):\n    return [x for x in (await z for z in y)]\n"));
    }

    @Test
    void firstIterableOfAComprehensionBelongsToTheFunction() {
        String text = "def f(y):\n    return [x for x in await y]\n";
        List<Diagnostic> diagnostics = check(text);
        assertEquals(1, diagnostics.size());
        assertEquals("await y", text.substring(diagnostics.get(0).range().start(), diagnostics.get(0).range().end()));
    }

    @Test
    void decoratorsAndDefaultsRunInTheEnclosingScope() {
        String text = "def outer(y):\n    @register(await y)\n    async def inner():\n        pass\n";
        List<Diagnostic> diagnostics = check(text);
        assertEquals(1, diagnostics.size());
        assertEquals("`await` inside `def outer`, which is not `async def`: the module does not import "
                + "(SyntaxError: 'await' outside async function)", diagnostics.get(0).message());
    }
}
