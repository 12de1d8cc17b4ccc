package dev.greenlight.python.antlr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Token;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PythonLexerTest {

    // ------------------------------------------------------------------------------------------
    // Helpers

    private static final class Lexed {
        final PythonLexer lexer;
        final List<Token> tokens = new ArrayList<>();

        Lexed(String source) {
            lexer = new PythonLexer(CharStreams.fromString(source));
            for (Token t = lexer.nextToken(); ; t = lexer.nextToken()) {
                tokens.add(t);
                if (t.getType() == Token.EOF) {
                    break;
                }
            }
        }

        /** Default-channel tokens as "TYPE" or "TYPE:text" (text left out when empty). */
        String render() {
            return tokens.stream()
                .filter(t -> t.getChannel() == Token.DEFAULT_CHANNEL && t.getType() != Token.EOF)
                .map(PythonLexerTest::render)
                .collect(Collectors.joining(" "));
        }

        List<String> errors() {
            return lexer.lexicalErrors().stream().map(LexicalError::message).collect(Collectors.toList());
        }

        List<Token> ofType(int type) {
            return tokens.stream().filter(t -> t.getType() == type).collect(Collectors.toList());
        }
    }

    private static String render(Token t) {
        String name = PythonLexer.VOCABULARY.getSymbolicName(t.getType());
        String text = t.getText();
        return text.isEmpty() ? name : name + ":" + text.replace("\r", "\\r").replace("\n", "\\n");
    }

    private static String tokens(String source) {
        return new Lexed(source).render();
    }

    private static List<String> errors(String source) {
        return new Lexed(source).errors();
    }

    private static void assertNoErrors(String source) {
        assertEquals(List.of(), errors(source), source);
    }

    // ------------------------------------------------------------------------------------------

    @Nested
    class LinesAndIndentation {

        @Test
        void indentAndDedentWithSpaces() {
            String src = "def f(x):\n    if x:\n        return 1\n    return 2\n";
            assertEquals("DEF:def NAME:f LPAR:( NAME:x RPAR:) COLON:: NEWLINE:\\n"
                + " INDENT IF:if NAME:x COLON:: NEWLINE:\\n"
                + " INDENT RETURN:return NUMBER:1 NEWLINE:\\n"
                + " DEDENT RETURN:return NUMBER:2 NEWLINE:\\n DEDENT", tokens(src));
            assertNoErrors(src);
        }

        @Test
        void indentTokensAreZeroLengthAtTheFirstTokenOfTheLine() {
            Lexed l = new Lexed("if x:\n    y = 1\nz\n");
            Token indent = l.ofType(PythonLexer.INDENT).get(0);
            Token y = l.tokens.stream().filter(t -> t.getText().equals("y")).findFirst().orElseThrow();
            assertEquals(y.getStartIndex(), indent.getStartIndex());
            assertEquals(indent.getStartIndex() - 1, indent.getStopIndex());
            assertEquals(2, indent.getLine());
            assertEquals(4, indent.getCharPositionInLine());
            assertEquals("", indent.getText());
            Token dedent = l.ofType(PythonLexer.DEDENT).get(0);
            Token z = l.tokens.stream().filter(t -> t.getText().equals("z")).findFirst().orElseThrow();
            assertEquals(z.getStartIndex(), dedent.getStartIndex());
            assertEquals(3, dedent.getLine());
            assertEquals(0, dedent.getCharPositionInLine());
        }

        @Test
        void tabsCountToTheNextMultipleOfEight() {
            // A tab and eight spaces are the same width, but CPython's tab-size-1 check rejects the mix.
            assertEquals(List.of("inconsistent use of tabs and spaces in indentation"),
                errors("if x:\n\ty = 1\n        z = 2\n"));
            assertNoErrors("if x:\n\tif y:\n\t\tz = 1\n\tw = 2\n");
            assertEquals("IF:if NAME:x COLON:: NEWLINE:\\n INDENT IF:if NAME:y COLON:: NEWLINE:\\n"
                + " INDENT NAME:z EQUAL:= NUMBER:1 NEWLINE:\\n DEDENT NAME:w EQUAL:= NUMBER:2 NEWLINE:\\n DEDENT",
                tokens("if x:\n\tif y:\n\t\tz = 1\n\tw = 2\n"));
            // Spaces then a tab reach column 8 just as a tab does, and are consistent with ' \t'.
            assertNoErrors("if x:\n  \ty\n  \tz\n");
        }

        @Test
        void dedentToAnUnknownLevel() {
            Lexed l = new Lexed("if x:\n        a\n    b\nc\n");
            assertEquals(List.of("unindent does not match any outer indentation level"), l.errors());
            // The odd line stays in the block; the block still ends with one DEDENT.
            assertEquals(1, l.ofType(PythonLexer.INDENT).size());
            assertEquals(1, l.ofType(PythonLexer.DEDENT).size());
        }

        @Test
        void unexpectedIndentIsLeftToTheParser() {
            assertEquals("INDENT NAME:x NEWLINE:\\n DEDENT", tokens("  x\n"));
            assertNoErrors("  x\n");
        }

        @Test
        void blankAndCommentLinesGiveNoTokens() {
            String src = "a = 1\n\n   \n# comment\n    # indented comment\nb = 2  # trailing\n";
            assertEquals("NAME:a EQUAL:= NUMBER:1 NEWLINE:\\n NAME:b EQUAL:= NUMBER:2 NEWLINE:\\n", tokens(src));
            Lexed l = new Lexed(src);
            List<Token> comments = l.ofType(PythonLexer.COMMENT);
            assertEquals(List.of("# comment", "# indented comment", "# trailing"),
                comments.stream().map(Token::getText).collect(Collectors.toList()));
            assertTrue(comments.stream().allMatch(t -> t.getChannel() == Token.HIDDEN_CHANNEL));
        }

        @Test
        void commentsAreSeenByATokenStreamOnTheHiddenChannel() {
            PythonLexer lexer = new PythonLexer(CharStreams.fromString("import os  # noqa: F401\n"));
            CommonTokenStream stream = new CommonTokenStream(lexer);
            stream.fill();
            Token noqa = stream.getTokens().stream().filter(t -> t.getType() == PythonLexer.COMMENT)
                .findFirst().orElseThrow();
            assertEquals("# noqa: F401", noqa.getText());
            assertEquals(Token.HIDDEN_CHANNEL, noqa.getChannel());
        }

        @Test
        void bracketsJoinLines() {
            String src = "x = foo(1,\n        2,\n  [3,\n4], {5:\n6})\ny\n";
            assertEquals("NAME:x EQUAL:= NAME:foo LPAR:( NUMBER:1 COMMA:, NUMBER:2 COMMA:, LSQB:[ NUMBER:3 COMMA:,"
                + " NUMBER:4 RSQB:] COMMA:, LBRACE:{ NUMBER:5 COLON:: NUMBER:6 RBRACE:} RPAR:) NEWLINE:\\n"
                + " NAME:y NEWLINE:\\n", tokens(src));
            assertNoErrors(src);
        }

        @Test
        void backslashJoinsLines() {
            assertEquals("NAME:x EQUAL:= NUMBER:1 PLUS:+ NUMBER:2 NEWLINE:\\n NAME:y NEWLINE:\\n",
                tokens("x = 1 + \\\n    2\ny\n"));
            assertEquals("IF:if NAME:a AND:and \\ NAME:b COLON:: NEWLINE:\\r\\n INDENT PASS:pass NEWLINE:\\r\\n DEDENT"
                .replace(" \\ ", " "), tokens("if a and \\\r\nb:\r\n    pass\r\n"));
        }

        @Test
        void allLineBreakStyles() {
            assertEquals("NAME:a NEWLINE:\\r\\n NAME:b NEWLINE:\\r NAME:c NEWLINE:\\n", tokens("a\r\nb\rc\n"));
            assertEquals("IF:if NAME:x COLON:: NEWLINE:\\r INDENT NAME:y NEWLINE:\\r DEDENT",
                tokens("if x:\r    y\r"));
        }

        @Test
        void newlineAndDedentsAtEofWithoutFinalLineBreak() {
            Lexed l = new Lexed("if x:\n    y");
            assertEquals("IF:if NAME:x COLON:: NEWLINE:\\n INDENT NAME:y NEWLINE DEDENT", l.render());
            Token nl = l.ofType(PythonLexer.NEWLINE).get(1);
            assertEquals("", nl.getText());
            assertEquals(11, nl.getStartIndex());
        }

        @Test
        void emptyAndCommentOnlyInput() {
            assertEquals("", tokens(""));
            assertEquals("", tokens("# just a comment"));
            assertEquals("", tokens("\n\n  \n"));
        }

        @Test
        void formFeedResetsTheIndentation() {
            assertNoErrors("if x:\n    a\n\f\nb\n");
            assertEquals("NAME:a NEWLINE:\\n NAME:b NEWLINE:\\n", tokens("a\n    \fb\n"));
        }
    }

    // ------------------------------------------------------------------------------------------

    @Nested
    class NamesKeywordsOperators {

        @Test
        void keywordsAndSoftKeywords() {
            assertEquals("FALSE:False NONE:None TRUE:True AND:and AS:as ASSERT:assert ASYNC:async AWAIT:await"
                    + " BREAK:break CLASS:class CONTINUE:continue DEF:def DEL:del ELIF:elif ELSE:else EXCEPT:except"
                    + " FINALLY:finally FOR:for FROM:from GLOBAL:global IF:if IMPORT:import IN:in IS:is LAMBDA:lambda"
                    + " NONLOCAL:nonlocal NOT:not OR:or PASS:pass RAISE:raise RETURN:return TRY:try WHILE:while"
                    + " WITH:with YIELD:yield NEWLINE:\\n",
                tokens("False None True and as assert async await break class continue def del elif else except"
                    + " finally for from global if import in is lambda nonlocal not or pass raise return try while"
                    + " with yield\n"));
            assertEquals("MATCH:match CASE:case TYPE:type UNDERSCORE:_ NAME:__ NAME:_x NAME:matches NAME:types"
                + " NAME:Match NAME:iff NEWLINE:\\n", tokens("match case type _ __ _x matches types Match iff\n"));
        }

        @Test
        void nonAsciiIdentifiers() {
            assertEquals("NAME:café EQUAL:= NAME:日本語 PLUS:+ NAME:Ωmega_2 PLUS:+ NAME:℘x PLUS:+ NAME:x\u0301"
                    + " NEWLINE:\\n",
                tokens("café = 日本語 + Ωmega_2 + ℘x + x\u0301\n"));
            assertNoErrors("ñ = 1\n");
        }

        @Test
        void everyOperator() {
            String ops = "( ) [ ] { } : , ; + - * / | & < > = . % == != <= >= ~ ^ << >> ** += -= *= /= %= &= |= ^="
                + " <<= >>= **= // //= @ @= -> ... := !";
            String expected = "LPAR RPAR LSQB RSQB LBRACE RBRACE COLON COMMA SEMI PLUS MINUS STAR SLASH VBAR AMPER"
                + " LESS GREATER EQUAL DOT PERCENT EQEQUAL NOTEQUAL LESSEQUAL GREATEREQUAL TILDE CIRCUMFLEX LEFTSHIFT"
                + " RIGHTSHIFT DOUBLESTAR PLUSEQUAL MINEQUAL STAREQUAL SLASHEQUAL PERCENTEQUAL AMPEREQUAL VBAREQUAL"
                + " CIRCUMFLEXEQUAL LEFTSHIFTEQUAL RIGHTSHIFTEQUAL DOUBLESTAREQUAL DOUBLESLASH DOUBLESLASHEQUAL AT"
                + " ATEQUAL RARROW ELLIPSIS COLONEQUAL EXCLAMATION";
            Lexed l = new Lexed(ops);
            String actual = l.tokens.stream()
                .filter(t -> t.getType() != Token.EOF && t.getType() != PythonLexer.NEWLINE)
                .map(t -> PythonLexer.VOCABULARY.getSymbolicName(t.getType()))
                .collect(Collectors.joining(" "));
            assertEquals(expected, actual);
            // Every operator and keyword has a literal name, so a parser can write '(' or LPAR.
            String[] opTexts = ops.split(" ");
            String[] names = expected.split(" ");
            for (int i = 0; i < names.length; i++) {
                int type = l.tokens.get(i).getType();
                assertEquals("'" + opTexts[i] + "'", PythonLexer.VOCABULARY.getLiteralName(type), names[i]);
            }
            assertEquals("'def'", PythonLexer.VOCABULARY.getLiteralName(PythonLexer.DEF));
            assertEquals("'_'", PythonLexer.VOCABULARY.getLiteralName(PythonLexer.UNDERSCORE));
        }

        @Test
        void longestMatchOnOperators() {
            assertEquals("NAME:a RARROW:-> NAME:b DOUBLESLASHEQUAL://= NAME:c RIGHTSHIFTEQUAL:>>= NAME:d"
                + " ELLIPSIS:... DOT:. NEWLINE:\\n", tokens("a->b//=c>>=d....\n"));
        }
    }

    // ------------------------------------------------------------------------------------------

    @Nested
    class Numbers {

        @Test
        void everyValidForm() {
            String[] numbers = {"0", "00", "0_0", "7", "2147483648", "1_000_000", "0x1F", "0X_ff", "0o17", "0O_7",
                "0b1010", "0B_1", "1.", ".5", "1.5", "1_0.2_5", "1e10", "1E-5", "1.e+3", ".5e1_0", "1j", "1J",
                "1.5j", ".5j", "1e3j", "0123j", "09.5", "00.0", "1_2.3_4e5_6J"};
            for (String n : numbers) {
                assertEquals("NUMBER:" + n + " NEWLINE", tokens(n), n);
                assertNoErrors(n);
            }
        }

        @Test
        void numbersBesideOtherTokens() {
            assertEquals("NUMBER:1 DOT:. NAME:real NEWLINE", tokens("1 .real"));
            assertEquals("NAME:x LSQB:[ NUMBER:1 COLON:: NUMBER:2 RSQB:] NEWLINE", tokens("x[1:2]"));
            assertEquals("NUMBER:1 PLUS:+ NUMBER:2 MINUS:- NUMBER:3e5 NEWLINE", tokens("1+2-3e5"));
            // CPython accepts a keyword right after a number (with a warning).
            assertEquals("NUMBER:1 IF:if NAME:x ELSE:else NUMBER:2 NEWLINE", tokens("1if x else 2"));
            assertNoErrors("1if x else 2");
            assertNoErrors("[0x1for x in y]");
        }

        @Test
        void malformedNumbers() {
            assertEquals(List.of("invalid decimal literal"), errors("1_"));
            assertEquals(List.of("invalid decimal literal"), errors("1__0"));
            assertEquals(List.of("invalid decimal literal"), errors("1abc"));
            assertEquals(List.of("invalid decimal literal"), errors("1e"));
            assertEquals(List.of("invalid decimal literal"), errors("1.__class__"));
            assertEquals(List.of("invalid hexadecimal literal"), errors("0x"));
            assertEquals(List.of("invalid hexadecimal literal"), errors("0x1g"));
            assertEquals(List.of("invalid octal literal"), errors("0o"));
            assertEquals(List.of("invalid digit '8' in octal literal"), errors("0o8"));
            assertEquals(List.of("invalid digit '8' in octal literal"), errors("0o1_8"));
            assertEquals(List.of("invalid binary literal"), errors("0b"));
            assertEquals(List.of("invalid binary literal"), errors("0b1_"));
            assertEquals(List.of("invalid digit '2' in binary literal"), errors("0b12"));
            assertEquals(List.of("invalid imaginary literal"), errors("1j2"));
            String leadingZeros = "leading zeros in decimal integer literals are not permitted;"
                + " use an 0o prefix for octal integers";
            assertEquals(List.of(leadingZeros), errors("012"));
            assertEquals(List.of(leadingZeros), errors("0_7"));
        }

        @Test
        void malformedNumberKeepsItsValidPartAndSkipsTheRest() {
            Lexed l = new Lexed("x = 1abc + 2\n");
            assertEquals("NAME:x EQUAL:= NUMBER:1 PLUS:+ NUMBER:2 NEWLINE:\\n", l.render());
            LexicalError e = l.lexer.lexicalErrors().get(0);
            assertEquals(4, e.start());
            assertEquals(8, e.end());
        }
    }

    // ------------------------------------------------------------------------------------------

    @Nested
    class Strings {

        @Test
        void everyPrefix() {
            String[] prefixes = {"", "r", "u", "R", "U", "b", "B", "br", "Br", "bR", "BR", "rb", "rB", "Rb", "RB"};
            for (String p : prefixes) {
                for (String q : new String[] {"'", "\"", "'''", "\"\"\""}) {
                    String s = p + q + "x" + q;
                    assertEquals("STRING:" + s + " NEWLINE", tokens(s), s);
                    assertNoErrors(s);
                }
            }
            // Not prefixes: the name and the string are separate tokens.
            assertEquals("NAME:ur STRING:'x' NEWLINE", tokens("ur'x'"));
            assertEquals("NAME:bu STRING:'x' NEWLINE", tokens("bu'x'"));
        }

        @Test
        void escapedQuotesAndBackslashes() {
            assertEquals("STRING:'it\\'s' NEWLINE", tokens("'it\\'s'"));
            assertEquals("STRING:\"a\\\\\" NAME:b NEWLINE", tokens("\"a\\\\\" b"));
            assertEquals("STRING:r'\\'' NEWLINE", tokens("r'\\''"));
            assertEquals("STRING:'a\\\\nb' NEWLINE:\\n", tokens("'a\\\nb'\n"));
        }

        @Test
        void tripleQuotedStrings() {
            String src = "x = '''line 1\nit's \"\" '' here\n'''\ny = \"\"\"a\"\"\" \"\"\"b\"\"\"\n";
            assertEquals("NAME:x EQUAL:= STRING:'''line 1\\nit's \"\" '' here\\n''' NEWLINE:\\n"
                + " NAME:y EQUAL:= STRING:\"\"\"a\"\"\" STRING:\"\"\"b\"\"\" NEWLINE:\\n", tokens(src));
            // The literal ends at the first three quotes.
            assertEquals("STRING:'''a''' STRING:'' NEWLINE", tokens("'''a'''''"));
            assertEquals("STRING:'''a\\'''' NEWLINE", tokens("'''a\\''''"));
            assertEquals("STRING:'''\\r\\n''' NEWLINE", tokens("'''\r\n'''"));
        }

        @Test
        void unterminatedStrings() {
            Lexed l = new Lexed("x = 'abc\ny = 2\n");
            assertEquals(List.of("unterminated string literal (detected at line 1)"), l.errors());
            assertEquals("NAME:x EQUAL:= STRING:'abc NEWLINE:\\n NAME:y EQUAL:= NUMBER:2 NEWLINE:\\n", l.render());
            LexicalError e = l.lexer.lexicalErrors().get(0);
            assertEquals(4, e.start());
            assertEquals(List.of("unterminated string literal (detected at line 2)"), errors("a\nb = \"x\\\"\n"));
            assertEquals(List.of("unterminated triple-quoted string literal (detected at line 3)"),
                errors("x = 1\ny = '''abc\ndef"));
            assertEquals(List.of("unterminated triple-quoted string literal (detected at line 1)"),
                errors("\"\"\"abc\n"));
            assertEquals(List.of("unterminated triple-quoted string literal (detected at line 2)"),
                errors("\"\"\"abc\nx\n"));
        }
    }

    // ------------------------------------------------------------------------------------------

    @Nested
    class FStrings {

        @Test
        void simpleReplacementField() {
            assertEquals("FSTRING_START:f\" FSTRING_MIDDLE:a LBRACE:{ NAME:x RBRACE:} FSTRING_MIDDLE:b"
                + " FSTRING_END:\" NEWLINE", tokens("f\"a{x}b\""));
            assertEquals("FSTRING_START:f' FSTRING_END:' NEWLINE", tokens("f''"));
        }

        @Test
        void everyPrefixAndQuote() {
            for (String p : new String[] {"f", "F", "fr", "fR", "Fr", "FR", "rf", "rF", "Rf", "RF"}) {
                for (String q : new String[] {"'", "\"", "'''", "\"\"\""}) {
                    String s = p + q + "a{b}c" + q;
                    assertEquals("FSTRING_START:" + p + q + " FSTRING_MIDDLE:a LBRACE:{ NAME:b RBRACE:}"
                        + " FSTRING_MIDDLE:c FSTRING_END:" + q + " NEWLINE", tokens(s), s);
                    assertNoErrors(s);
                }
            }
        }

        @Test
        void doubledBracesStayInTheMiddle() {
            assertEquals("FSTRING_START:f' FSTRING_MIDDLE:{{a}} LBRACE:{ NAME:b RBRACE:} FSTRING_MIDDLE:}}"
                + " FSTRING_END:' NEWLINE", tokens("f'{{a}}{b}}}'"));
            assertEquals("FSTRING_START:f' FSTRING_MIDDLE:{{ LBRACE:{ NAME:x RBRACE:} FSTRING_MIDDLE:}}"
                + " FSTRING_END:' NEWLINE", tokens("f'{{{x}}}'"));
        }

        @Test
        void conversionAndDebugSpecifier() {
            assertEquals("FSTRING_START:f\" LBRACE:{ NAME:x EXCLAMATION:! NAME:r RBRACE:} FSTRING_END:\" NEWLINE",
                tokens("f\"{x!r}\""));
            assertEquals("FSTRING_START:f\" LBRACE:{ NAME:x EQUAL:= RBRACE:} FSTRING_END:\" NEWLINE",
                tokens("f\"{x=}\""));
            assertEquals("FSTRING_START:f\" LBRACE:{ NAME:x EQUAL:= EXCLAMATION:! NAME:r COLON::"
                    + " FSTRING_MIDDLE:>10 RBRACE:} FSTRING_END:\" NEWLINE",
                tokens("f\"{x = !r:>10}\""));
            assertEquals("FSTRING_START:f\" LBRACE:{ NAME:x NOTEQUAL:!= NAME:y RBRACE:} FSTRING_END:\" NEWLINE",
                tokens("f\"{x!=y}\""));
            assertEquals("FSTRING_START:f\" LBRACE:{ NAME:x EQEQUAL:== NAME:y RBRACE:} FSTRING_END:\" NEWLINE",
                tokens("f\"{x==y}\""));
        }

        @Test
        void formatSpecs() {
            assertEquals("FSTRING_START:f'' LBRACE:{ NAME:x COLON:: FSTRING_MIDDLE:>10.2f RBRACE:} FSTRING_END:'"
                .replace("f''", "f'"), tokens("f'{x:>10.2f}'").replace(" NEWLINE", ""));
            assertEquals("FSTRING_START:f' LBRACE:{ NAME:x COLON:: FSTRING_MIDDLE:> LBRACE:{ NAME:width RBRACE:}"
                    + " FSTRING_MIDDLE:. LBRACE:{ NAME:p RBRACE:} RBRACE:} FSTRING_END:' NEWLINE",
                tokens("f'{x:>{width}.{p}}'"));
            // Nested fields inside a nested field's spec.
            assertEquals("FSTRING_START:f' LBRACE:{ NAME:x COLON:: LBRACE:{ NAME:y COLON:: LBRACE:{ NAME:z"
                    + " RBRACE:} RBRACE:} RBRACE:} FSTRING_END:' NEWLINE",
                tokens("f'{x:{y:{z}}}'"));
            // An empty spec, and ':=' at the top of a field: the spec is "=10".
            assertEquals("FSTRING_START:f' LBRACE:{ NAME:x COLON:: RBRACE:} FSTRING_END:' NEWLINE",
                tokens("f'{x:}'"));
            assertEquals("FSTRING_START:f' LBRACE:{ NAME:x COLON:: FSTRING_MIDDLE:=10 RBRACE:} FSTRING_END:'"
                + " NEWLINE", tokens("f'{x:=10}'"));
            // A walrus in parentheses is a walrus.
            assertEquals("FSTRING_START:f' LBRACE:{ LPAR:( NAME:x COLONEQUAL::= NUMBER:10 RPAR:) RBRACE:}"
                + " FSTRING_END:' NEWLINE", tokens("f'{(x:=10)}'"));
            // Dates: the spec text may hold anything but braces and the quote.
            assertEquals("FSTRING_START:f\" LBRACE:{ NAME:d COLON:: FSTRING_MIDDLE:%Y-%m-%d %H:%M RBRACE:}"
                + " FSTRING_END:\" NEWLINE", tokens("f\"{d:%Y-%m-%d %H:%M}\""));
        }

        @Test
        void colonsInsideBracketsOfAField() {
            assertEquals("FSTRING_START:f\" LBRACE:{ NAME:x LSQB:[ NUMBER:1 COLON:: NUMBER:2 RSQB:] RBRACE:}"
                + " FSTRING_END:\" NEWLINE", tokens("f\"{x[1:2]}\""));
            assertEquals("FSTRING_START:f\" LBRACE:{ LPAR:( LAMBDA:lambda NAME:y COLON:: NAME:y RPAR:) LPAR:("
                + " NUMBER:1 RPAR:) RBRACE:} FSTRING_END:\" NEWLINE", tokens("f\"{(lambda y: y)(1)}\""));
            assertEquals("FSTRING_START:f\" LBRACE:{ NAME:d LSQB:[ STRING:'a' RSQB:] COLON:: FSTRING_MIDDLE:>"
                    + " LBRACE:{ NAME:width RBRACE:} RBRACE:} FSTRING_END:\" NEWLINE",
                tokens("f\"{d['a']:>{width}}\""));
            assertEquals("FSTRING_START:f\" LBRACE:{ LBRACE:{ STRING:'a' COLON:: NUMBER:1 RBRACE:} LSQB:["
                    + " STRING:'a' RSQB:] RBRACE:} FSTRING_END:\" NEWLINE",
                tokens("f\"{ {'a': 1}['a'] }\""));
        }

        @Test
        void nestedFStringsWithTheSameQuotes() {
            String src = "f\"{f\"{x}\"}\"";
            assertEquals("FSTRING_START:f\" LBRACE:{ FSTRING_START:f\" LBRACE:{ NAME:x RBRACE:} FSTRING_END:\""
                + " RBRACE:} FSTRING_END:\" NEWLINE", tokens(src));
            assertNoErrors(src);
            String deeper = "f'{f'{f'{1}'}'}' + 'done'";
            assertNoErrors(deeper);
            assertTrue(tokens(deeper).endsWith("FSTRING_END:' PLUS:+ STRING:'done' NEWLINE"));
            assertEquals("FSTRING_START:f' LBRACE:{ STRING:\"a\" PLUS:+ STRING:'b' RBRACE:} FSTRING_END:' NEWLINE",
                tokens("f'{\"a\" + 'b'}'"));
        }

        @Test
        void multiLineFields() {
            String src = "x = f\"{', '.join([\n    'a',  # first\n    'b',\n])}\"\ny\n";
            assertEquals("NAME:x EQUAL:= FSTRING_START:f\" LBRACE:{ STRING:', ' DOT:. NAME:join LPAR:( LSQB:["
                + " STRING:'a' COMMA:, STRING:'b' COMMA:, RSQB:] RPAR:) RBRACE:} FSTRING_END:\" NEWLINE:\\n"
                + " NAME:y NEWLINE:\\n", tokens(src));
            assertNoErrors(src);
        }

        @Test
        void tripleQuotedFStrings() {
            String src = "f'''a\n'{x}' \"\"\n''{y}'' b'''";
            // Quotes right before a brace are a FSTRING_MIDDLE of their own.
            assertEquals("FSTRING_START:f''' FSTRING_MIDDLE:a\\n FSTRING_MIDDLE:' LBRACE:{ NAME:x RBRACE:}"
                    + " FSTRING_MIDDLE:' \"\"\\n FSTRING_MIDDLE:'' LBRACE:{ NAME:y RBRACE:} FSTRING_MIDDLE:'' b"
                    + " FSTRING_END:''' NEWLINE",
                tokens(src));
            assertNoErrors(src);
            // The f-string ends at the first three quotes.
            assertEquals("FSTRING_START:f\"\"\" FSTRING_MIDDLE:a FSTRING_END:\"\"\" STRING:\"\" NEWLINE",
                tokens("f\"\"\"a\"\"\"\"\""));
        }

        @Test
        void backslashesInTheText() {
            assertEquals("FSTRING_START:f\" FSTRING_MIDDLE:\\x1b]9;\\\\ FSTRING_END:\" NEWLINE",
                tokens("f\"\\x1b]9;\\\\\""));
            assertEquals("FSTRING_START:f' FSTRING_MIDDLE:it\\'s FSTRING_END:' NEWLINE", tokens("f'it\\'s'"));
            // A backslash before a brace escapes nothing; the brace opens a field.
            assertEquals("FSTRING_START:f' FSTRING_MIDDLE:\\\\ LBRACE:{ NAME:x RBRACE:} FSTRING_END:' NEWLINE",
                tokens("f'\\\\{x}'"));
            assertEquals("FSTRING_START:f' FSTRING_MIDDLE:\\ LBRACE:{ NAME:x RBRACE:} FSTRING_END:' NEWLINE",
                tokens("f'\\{x}'"));
            assertEquals("FSTRING_START:rf\" FSTRING_MIDDLE:(?=[a-z])\\\\ FSTRING_END:\" COMMA:, NAME:y NEWLINE",
                tokens("rf\"(?=[a-z])\\\\\", y"));
        }

        @Test
        void namedUnicodeEscapesAreNotFields() {
            assertEquals("FSTRING_START:f' FSTRING_MIDDLE:\\N{DIGIT ONE} LBRACE:{ NAME:x RBRACE:} FSTRING_END:'"
                + " NEWLINE", tokens("f'\\N{DIGIT ONE}{x}'"));
            assertEquals("FSTRING_START:f' LBRACE:{ NAME:x COLON:: FSTRING_MIDDLE:\\N{BULLET} RBRACE:}"
                + " FSTRING_END:' NEWLINE", tokens("f'{x:\\N{BULLET}}'"));
            // In a raw f-string, \N is two characters and the brace opens a field.
            assertEquals("FSTRING_START:rf' FSTRING_MIDDLE:\\N LBRACE:{ NAME:x RBRACE:} FSTRING_END:' NEWLINE",
                tokens("rf'\\N{x}'"));
        }

        @Test
        void fStringErrors() {
            Lexed l = new Lexed("x = f\"abc\ny = 1\n");
            assertEquals(List.of("unterminated f-string literal (detected at line 1)"), l.errors());
            assertEquals("NAME:x EQUAL:= FSTRING_START:f\" FSTRING_MIDDLE:abc FSTRING_END NEWLINE:\\n"
                + " NAME:y EQUAL:= NUMBER:1 NEWLINE:\\n", l.render());
            assertEquals(List.of("unterminated triple-quoted f-string literal (detected at line 2)"),
                errors("f'''abc\nx\n"));
            assertEquals(List.of("f-string: single '}' is not allowed"), errors("f'a}b'"));
            assertEquals(List.of("f-string: expecting '}'"), errors("f'{x:abc'"));
            assertEquals(List.of("f-string: unmatched ')'"), errors("f'{x)}'"));
            assertEquals(List.of("f-string: newlines are not allowed in format specifiers for single quoted"
                + " f-strings"), errors("f'{x:\n}'\n").subList(0, 1));
            // A string in a field that starts with the f-string's quote: the '}' is missing. The quote ends
            // the f-string and lexing goes on normally.
            Lexed open = new Lexed("print(f\"{x\")\ny = 2\n");
            assertEquals(List.of("f-string: expecting '}'"), open.errors());
            assertEquals("NAME:print LPAR:( FSTRING_START:f\" LBRACE:{ NAME:x RBRACE FSTRING_END:\" RPAR:) NEWLINE:\\n"
                + " NAME:y EQUAL:= NUMBER:2 NEWLINE:\\n", open.render());
            assertEquals(List.of("f-string: expecting '}'"), errors("f'''{x'''\n"));
        }
    }

    // ------------------------------------------------------------------------------------------

    @Nested
    class Errors {

        @Test
        void invalidCharacters() {
            Lexed l = new Lexed("a € b\n");
            assertEquals("NAME:a NAME:b NEWLINE:\\n", l.render());
            assertEquals(List.of(new LexicalError("invalid character '€' (U+20AC)", 2, 3)), l.lexer.lexicalErrors());
            assertEquals(List.of("invalid non-printable character U+0000"), errors("x = 1\0\n"));
            assertEquals(List.of("invalid non-printable character U+00A0"), errors("x =\u00a01\n"));
            assertEquals(List.of("invalid syntax"), errors("a $ b\n"));
            assertEquals(List.of("invalid syntax"), errors("a ? b\n"));
            assertEquals(List.of("unexpected character after line continuation character"), errors("x = 1 \\ y\n"));
            assertEquals(List.of("unexpected EOF while parsing"), errors("x = 1 +\\"));
            assertEquals(List.of("unexpected EOF while parsing"), errors("x = 1 +\\\n"));
        }

        @Test
        void offsetsAreCodePointOffsets() {
            // U+1F600 is one code point (two UTF-16 chars).
            Lexed l = new Lexed("s = '\uD83D\uDE00' $\n");
            assertEquals(List.of(new LexicalError("invalid syntax", 8, 9)), l.lexer.lexicalErrors());
            assertEquals(List.of("invalid character '\uD83D\uDE00' (U+1F600)"), errors("\uD83D\uDE00\n"));
        }

        @Test
        void utf16IndexedStreams() {
            // The project's SourceCharStream indexes UTF-16 units; a surrogate pair is one symbol.
            PythonLexer lexer = new PythonLexer(new dev.greenlight.python.parse.SourceCharStream("\uD835\uDC65 = '\uD83D\uDE00' \uD83D\uDE00\uD83D\uDE00 (\n"));
            List<Token> tokens = new ArrayList<>();
            for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
                tokens.add(t);
            }
            assertEquals("NAME:\uD835\uDC65 EQUAL:= STRING:'\uD83D\uDE00' LPAR:( RPAR NEWLINE",
                tokens.stream().map(PythonLexerTest::render).collect(Collectors.joining(" ")));
            assertEquals(1, tokens.get(0).getStopIndex());
            assertEquals(List.of(new LexicalError("invalid character '\uD83D\uDE00' (U+1F600)", 10, 14),
                new LexicalError("'(' was never closed", 15, 16)), lexer.lexicalErrors());
        }

        @Test
        void surrogatesAndReplacementCharacters() {
            assertEquals(List.of("invalid non-printable character U+D800"), errors("x = \uD800\n"));
            assertEquals(List.of("invalid character '\uFFFD' (U+FFFD)"), errors("x = \uFFFD\n"));
            assertNoErrors("x = '\uFFFD\uD800'\n");
            // A byte order mark at the very start is skipped.
            assertNoErrors("\uFEFFx = 1\n");
        }

        @Test
        void unmatchedAndMismatchedBrackets() {
            Lexed l = new Lexed("x = 1)\ny = 2\n");
            assertEquals(List.of("unmatched ')'"), l.errors());
            assertEquals("NAME:x EQUAL:= NUMBER:1 NEWLINE:\\n NAME:y EQUAL:= NUMBER:2 NEWLINE:\\n", l.render());
            assertEquals(List.of("closing parenthesis ']' does not match opening parenthesis '('",
                "'(' was never closed"), errors("(]"));
            assertEquals(List.of("closing parenthesis ')' does not match opening parenthesis '[' on line 1"),
                errors("f(a[1,\n2)\n"));
            // The inner bracket is closed for the parser, then the outer.
            assertEquals("NAME:f LPAR:( NAME:a LSQB:[ NUMBER:1 COMMA:, NUMBER:2 RSQB RPAR:) NEWLINE:\\n",
                tokens("f(a[1,\n2)\n"));
        }

        @Test
        void neverClosedAtEof() {
            Lexed l = new Lexed("x = foo(1,\n  [2,");
            assertEquals(List.of("'[' was never closed"), l.errors());
            assertEquals(new LexicalError("'[' was never closed", 13, 14), l.lexer.lexicalErrors().get(0));
            // Zero-length closers right after the last token, then NEWLINE.
            assertEquals("NAME:x EQUAL:= NAME:foo LPAR:( NUMBER:1 COMMA:, LSQB:[ NUMBER:2 COMMA:, RSQB RPAR NEWLINE",
                l.render());
            Token rsqb = l.ofType(PythonLexer.RSQB).get(0);
            assertEquals(16, rsqb.getStartIndex());
            assertEquals(2, rsqb.getLine());
            assertEquals(5, rsqb.getCharPositionInLine());
        }

        @Test
        void noErrorIsEverPrinted() {
            PrintStream old = System.err;
            ByteArrayOutputStream captured = new ByteArrayOutputStream();
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            try {
                new Lexed("$ ? ` \0 € (] ) 'abc\nf'{\n\"\"\"");
            } finally {
                System.setErr(old);
            }
            assertEquals("", captured.toString(StandardCharsets.UTF_8));
        }

        @Test
        void errorsAreCapped() {
            Lexed l = new Lexed("$ ".repeat(10_000));
            assertTrue(l.lexer.lexicalErrors().size() <= PythonLexerBase.MAX_ERRORS);
            // A run of the same bad character is one error.
            Lexed nul = new Lexed("\0".repeat(100_000));
            assertEquals(List.of(new LexicalError("invalid non-printable character U+0000", 0, 100_000)),
                nul.lexer.lexicalErrors());
        }
    }

    // ------------------------------------------------------------------------------------------

    @Nested
    class Pathological {

        @Test
        void hundredThousandOpeningBrackets() {
            Lexed l = new Lexed("(".repeat(100_000));
            assertEquals(List.of("too many nested parentheses", "'(' was never closed"), l.errors());
            assertEquals(PythonLexerBase.MAX_BRACKET_DEPTH, l.ofType(PythonLexer.LPAR).size());
            assertEquals(PythonLexerBase.MAX_BRACKET_DEPTH, l.ofType(PythonLexer.RPAR).size());
        }

        @Test
        void deepButBalancedBrackets() {
            Lexed l = new Lexed("x = " + "[".repeat(100_000) + "]".repeat(100_000) + "\ny = 1\n");
            assertEquals(List.of("too many nested parentheses"), l.errors());
            assertEquals(200, l.ofType(PythonLexer.LSQB).size());
            assertEquals(200, l.ofType(PythonLexer.RSQB).size());
            assertTrue(l.render().endsWith("NEWLINE:\\n NAME:y EQUAL:= NUMBER:1 NEWLINE:\\n"));
            // 200 levels are still fine.
            assertNoErrors("x = " + "(".repeat(200) + ")".repeat(200));
        }

        @Test
        void deeplyNestedFStrings() {
            int depth = 10_000;
            String src = "f'{".repeat(depth) + "x" + "}'".repeat(depth) + "\ny = 1\n";
            Lexed l = new Lexed(src);
            assertEquals(List.of("too many nested f-strings"), l.errors());
            assertEquals(PythonLexerBase.MAX_FSTRING_DEPTH, l.ofType(PythonLexer.FSTRING_START).size());
            assertEquals(PythonLexerBase.MAX_FSTRING_DEPTH, l.ofType(PythonLexer.FSTRING_END).size());
            assertTrue(l.render().endsWith("NEWLINE:\\n NAME:y EQUAL:= NUMBER:1 NEWLINE:\\n"));
        }

        @Test
        void deepIndentation() {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 150; i++) {
                sb.append(" ".repeat(i)).append("if x:\n");
            }
            sb.append(" ".repeat(150)).append("pass\n");
            Lexed l = new Lexed(sb.toString());
            assertEquals(List.of("too many levels of indentation"), l.errors().subList(0, 1));
            assertEquals(l.ofType(PythonLexer.INDENT).size(), l.ofType(PythonLexer.DEDENT).size());
        }

        @Test
        void fiftyMegabytes() {
            String unit = "def f(a, b=1, *args, **kw):\n    '''doc'''\n    return a + b * 2  # comment\n\n";
            int copies = 50_000_000 / unit.length();
            String src = unit.repeat(copies);
            PythonLexer lexer = new PythonLexer(CharStreams.fromString(src));
            int defs = 0;
            for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
                if (t.getType() == PythonLexer.DEF) {
                    defs++;
                }
            }
            assertEquals(copies, defs);
            assertTrue(lexer.lexicalErrors().isEmpty());
        }

        @Test
        void fiftyMegabyteUnterminatedString() {
            String src = "x = '''" + "abc \"\" '' \\' \n".repeat(3_000_000);
            Lexed l = new Lexed(src);
            assertEquals(1, l.errors().size());
            assertTrue(l.errors().get(0).startsWith("unterminated triple-quoted string literal"));
        }
    }

    // ------------------------------------------------------------------------------------------

    @Nested
    class UnclosedBracketRecovery {

        @Test
        void statementKeywordAfterAnUnclosedCall() {
            String src = "x = foo(1,\ndef g():\n    return 2\n";
            Lexed l = new Lexed(src);
            assertEquals(List.of("'(' was never closed"), l.errors());
            assertEquals(new LexicalError("'(' was never closed", 7, 8), l.lexer.lexicalErrors().get(0));
            assertEquals("NAME:x EQUAL:= NAME:foo LPAR:( NUMBER:1 COMMA:, RPAR NEWLINE DEF:def NAME:g LPAR:( RPAR:)"
                + " COLON:: NEWLINE:\\n INDENT RETURN:return NUMBER:2 NEWLINE:\\n DEDENT", l.render());
            // The made-up ')' and NEWLINE sit right after the last real token.
            Token rpar = l.ofType(PythonLexer.RPAR).get(0);
            assertEquals(10, rpar.getStartIndex());
            assertEquals(1, rpar.getLine());
            assertEquals(10, rpar.getCharPositionInLine());
        }

        @Test
        void insideAFunctionBody() {
            String src = "def f():\n    x = [1,\n         2\n    return x\n\ndef g():\n    pass\n";
            Lexed l = new Lexed(src);
            assertEquals(List.of("'[' was never closed"), l.errors());
            assertEquals("DEF:def NAME:f LPAR:( RPAR:) COLON:: NEWLINE:\\n INDENT NAME:x EQUAL:= LSQB:[ NUMBER:1"
                + " COMMA:, NUMBER:2 RSQB NEWLINE RETURN:return NAME:x NEWLINE:\\n DEDENT DEF:def NAME:g LPAR:("
                + " RPAR:) COLON:: NEWLINE:\\n INDENT PASS:pass NEWLINE:\\n DEDENT", l.render());
        }

        @Test
        void dedentingKeywordClosesTheBlockToo() {
            String src = "class A:\n    def f(self):\n        self.x = dict(a=1,\n    def g(self):\n        pass\n";
            Lexed l = new Lexed(src);
            assertEquals(List.of("'(' was never closed"), l.errors());
            assertTrue(l.render().contains("NUMBER:1 COMMA:, RPAR NEWLINE DEDENT DEF:def NAME:g"), l.render());
        }

        @Test
        void asyncDefAndWithTriggerButAsyncForDoesNot() {
            assertEquals(List.of("'(' was never closed"), errors("x = f(\nasync def g():\n    pass\n"));
            assertEquals(List.of("'(' was never closed"), errors("x = f(\nasync with a:\n    pass\n"));
            assertNoErrors("async def f():\n    r = [x\n    async for x in y]\n");
        }

        @Test
        void unterminatedFieldInAnFString() {
            String src = "print(f\"{x\n)\ndef g():\n    pass\n";
            Lexed l = new Lexed(src);
            assertEquals(List.of("f-string: unmatched ')'", "unterminated f-string literal (detected at line 1)"),
                l.errors());
            assertTrue(l.render().endsWith("DEF:def NAME:g LPAR:( RPAR:) COLON:: NEWLINE:\\n INDENT PASS:pass"
                + " NEWLINE:\\n DEDENT"), l.render());
        }

        @Test
        void deeperIndentedKeywordDoesNotTrigger() {
            Lexed l = new Lexed("x = foo(\n        return)\n");
            assertEquals(List.of(), l.errors());
            assertEquals("NAME:x EQUAL:= NAME:foo LPAR:( RETURN:return RPAR:) NEWLINE:\\n", l.render());
        }

        @Test
        void validContinuationLinesNeverTrigger() {
            String[] valid = {
                "x = (a\nif b\nelse c)\n",
                "x = [y\nfor y in z\nif y\nnot in w]\n",
                "x = (a\nis b)\n",
                "x = (a\nin b)\n",
                "from m import (a,\nb)\n",
                "x = (\nlambda: 1)\n",
                "x = (a\n@ b)\n",
                "x = (\nnot a)\n",
                "x = (\nyield)\n",
                "x = (\nawait y)\n",
                "def f():\n    x = (a\n    if b else c)\n",
                "call(a,\n     b,\n)\n",
                "x = {\n    'a': 1,\n}\n",
                "s = ('a'\n     'b')\n",
            };
            for (String src : valid) {
                assertNoErrors(src);
            }
        }
    }
}
