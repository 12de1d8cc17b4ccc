package dev.greenlight.python.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenlight.python.ast.AsyncFunctionDef;
import dev.greenlight.python.ast.Await;
import dev.greenlight.python.ast.Expr;
import dev.greenlight.python.ast.FunctionDef;
import dev.greenlight.python.ast.Module;
import dev.greenlight.python.ast.Span;
import dev.greenlight.python.ast.Statement;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PythonParsingTest {

    private static List<String> messages(ParseResult result) {
        return result.errors().stream().map(SyntaxError::message).collect(Collectors.toList());
    }

    private static List<String> functionNames(Module module) {
        return module.body().stream()
                .map(s -> s instanceof FunctionDef f ? f.name() : s instanceof AsyncFunctionDef f ? f.name() : null)
                .filter(n -> n != null)
                .collect(Collectors.toList());
    }

    @Test
    void awaitInPlainDefParsesAndIsLeftToRules() {
        ParseResult result = PythonParsing.parse("""
                def list_users(db):
                    return await db.execute(select(User))
                """);
        assertEquals(List.of(), result.errors());
        FunctionDef function = (FunctionDef) result.module().body().get(0);
        Statement body = function.body().get(0);
        assertInstanceOf(Await.class, ((dev.greenlight.python.ast.Return) body).value());
    }

    @Test
    void positionsCountUtf8BytesLikeCPython() {
        ParseResult result = PythonParsing.parse("é = 'ü'; x\n");
        Expr x = (Expr) result.module().body().get(1);
        Span span = x.span();
        assertEquals(1, span.lineno());
        // 'é' and 'ü' take two bytes each in UTF-8, one char each in UTF-16.
        assertEquals(11, span.colOffset());
        assertEquals(9, span.start());
    }

    @Nested
    class SyntaxErrors {

        @Test
        void missingColonIsReportedAndTheNextFunctionSurvives() {
            ParseResult result = PythonParsing.parse("""
                    def get_user(user_id)
                        return user_id

                    async def list_users(db):
                        return await db.scalars(select(User))
                    """);
            assertEquals(List.of("expected ':'"), messages(result));
            SyntaxError error = result.errors().get(0);
            assertEquals(1, error.span().lineno());
            assertEquals(21, error.span().colOffset());
            assertEquals(List.of("list_users"), functionNames(result.module()));
        }

        @Test
        void unclosedBracketDoesNotSwallowTheRestOfTheFile() {
            ParseResult result = PythonParsing.parse("""
                    def create_user(db, name):
                        user = User(name=name,
                    def delete_user(db, user):
                        db.delete(user)
                    """);
            assertEquals(List.of("'(' was never closed"), messages(result));
            assertEquals(2, result.errors().get(0).span().lineno());
            // The lexer closes the bracket where the next statement starts, so both functions survive.
            assertEquals(List.of("create_user", "delete_user"), functionNames(result.module()));
        }

        @Test
        void invalidTargetsGetCPythonsMessages() {
            assertEquals(List.of("cannot assign to literal"), messages(PythonParsing.parse("1 = x\n")));
            assertEquals(List.of("cannot assign to function call"), messages(PythonParsing.parse("f() = 1\n")));
            assertEquals(List.of("cannot delete function call"), messages(PythonParsing.parse("del f()\n")));
            assertEquals(List.of("'tuple' is an illegal expression for augmented assignment"),
                    messages(PythonParsing.parse("a, b += 1\n")));
            assertEquals(List.of("only single target (not tuple) can be annotated"),
                    messages(PythonParsing.parse("a, b: int\n")));
        }

        @Test
        void argumentOrderIsChecked() {
            assertEquals(List.of("positional argument follows keyword argument"),
                    messages(PythonParsing.parse("f(a=1, b)\n")));
            assertEquals(List.of("Generator expression must be parenthesized"),
                    messages(PythonParsing.parse("f(x for x in y, 1)\n")));
            assertEquals(List.of("non-default argument follows default argument"),
                    messages(PythonParsing.parse("def f(a=1, b): pass\n")));
        }

        @Test
        void indentationErrors() {
            assertEquals(List.of("unexpected indent"), messages(PythonParsing.parse("x = 1\n    y = 2\n")));
            assertEquals(List.of("expected an indented block"), messages(PythonParsing.parse("def f():\nreturn 1\n")));
            assertTrue(messages(PythonParsing.parse("if x:\n        a\n    b\n"))
                    .contains("unindent does not match any outer indentation level"));
        }

        @Test
        void python2PrintIsRejected() {
            ParseResult result = PythonParsing.parse("print 'hello'\n");
            assertEquals(List.of("invalid syntax"), messages(result));
            assertEquals(6, result.errors().get(0).span().colOffset());
        }
    }

    @Nested
    class PathologicalInput {

        @Test
        void hundredThousandOpenBrackets() {
            ParseResult result = PythonParsing.parse("(".repeat(100_000) + "\n");
            assertTrue(result.hasErrors());
            assertTrue(messages(result).contains("too many nested parentheses"), messages(result)::toString);
        }

        @Test
        void hundredThousandBalancedBrackets() {
            ParseResult result = PythonParsing.parse("x = " + "(".repeat(100_000) + "1" + ")".repeat(100_000) + "\n");
            assertTrue(messages(result).contains("too many nested parentheses"), messages(result)::toString);
        }

        @Test
        void deepNestingWithoutBrackets() {
            ParseResult result = PythonParsing.parse("x = " + "not ".repeat(50_000) + "y\n");
            // Either a tree or an error, never an exception or a StackOverflowError.
            assertTrue(result.hasErrors() || result.module().body().size() == 1);
        }

        @Test
        void nulBytes() {
            ParseResult result = PythonParsing.parse("x = 1\0\ny = 2\n");
            assertEquals(List.of("invalid non-printable character U+0000"), messages(result));
        }

        @Test
        void replacementCharactersFromInvalidUtf8() {
            SourceDecoder.DecodedSource decoded = SourceDecoder.decode(new byte[] {'x', ' ', '=', ' ', '"', (byte) 0xf6, '"', '\n'});
            assertTrue(decoded.error() != null);
            ParseResult result = PythonParsing.parse(decoded.text());
            assertFalse(result.hasErrors());
            assertEquals(1, result.module().body().size());
        }

        @Test
        void fiftyMegabyteFile() {
            String line = "VALUE = 'a fairly long string literal repeated to make a big file, see?'  # comment\n";
            String text = line.repeat(50 * 1024 * 1024 / line.length());
            ParseResult result = PythonParsing.parse(text);
            assertFalse(result.hasErrors());
            assertEquals(50 * 1024 * 1024 / line.length(), result.module().body().size());
        }

        @Test
        void emptyAndWhitespaceOnlyFiles() {
            for (String text : List.of("", "\n", "   ", "# only a comment", "\n\n  \n", "\r\n", "\\\n")) {
                ParseResult result = PythonParsing.parse(text);
                assertEquals(0, result.module().body().size(), text);
            }
        }
    }
}
