package dev.greenlight.python.parse;

import dev.greenlight.python.antlr.LexicalError;
import dev.greenlight.python.antlr.PythonLexer;
import dev.greenlight.python.antlr.PythonParser;
import dev.greenlight.python.ast.Module;
import dev.greenlight.python.ast.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.ListTokenSource;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Reads Python source into the typed AST. Never throws on bad input: syntax errors come back in
 * the {@link ParseResult} next to the tree of every statement that did parse.
 *
 * <p>The whole module is parsed in ANTLR's fast SLL mode first, then in full LL mode if SLL gave
 * up. Only when both fail is the token stream cut into top-level statements, each parsed alone,
 * so that one broken statement costs its own tree and not the rest of the module.
 */
public final class PythonParsing {

    private static final int DEEP_STACK_BYTES = 512 * 1024 * 1024;

    private PythonParsing() {
    }

    public static ParseResult parse(String text) {
        try {
            return parseOnThisThread(text);
        } catch (StackOverflowError deep) {
            return parseOnDeepStack(text);
        }
    }

    /** Deeply nested code may need more stack than the caller's thread has; retry on a big one. */
    private static ParseResult parseOnDeepStack(String text) {
        ParseResult[] result = new ParseResult[1];
        Thread worker = new Thread(null, () -> {
            try {
                result[0] = parseOnThisThread(text);
            } catch (StackOverflowError tooDeep) {
                SourceMap source = new SourceMap(text);
                result[0] = new ParseResult(new Module(List.of(), List.of()),
                        List.of(new SyntaxError("too many nested expressions", source.span(0, 0))));
            }
        }, "greenlight-deep-parse", DEEP_STACK_BYTES);
        worker.start();
        try {
            worker.join();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while parsing", interrupted);
        }
        return result[0];
    }

    private static ParseResult parseOnThisThread(String text) {
        SourceMap source = new SourceMap(text);
        PythonLexer lexer = new PythonLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        tokens.fill();
        List<SyntaxError> errors = new ArrayList<>();
        for (LexicalError lexical : lexer.lexicalErrors()) {
            errors.add(new SyntaxError(lexical.message(), source.span(lexical.start(), Math.max(lexical.start(), lexical.end()))));
        }
        AstBuilder builder = new AstBuilder(source, errors);
        List<Statement> body = new ArrayList<>();

        PythonParser parser = new PythonParser(tokens);
        parser.removeErrorListeners();
        parser.setErrorHandler(new BailErrorStrategy());
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        PythonParser.FileInputContext file = null;
        try {
            file = parser.fileInput();
        } catch (ParseCancellationException sllFailed) {
            tokens.seek(0);
            parser.reset();
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            try {
                file = parser.fileInput();
            } catch (ParseCancellationException llFailed) {
                file = null;
            }
        }
        if (file != null) {
            for (PythonParser.StatementContext statement : file.statement()) {
                builder.statement(statement, body);
            }
        } else {
            parseStatementByStatement(tokens.getTokens(), source, builder, errors, body);
        }
        errors.sort(Comparator.comparingInt(e -> e.span().start()));
        return new ParseResult(new Module(body, List.of()), errors);
    }

    private static void parseStatementByStatement(List<Token> all, SourceMap source, AstBuilder builder,
            List<SyntaxError> errors, List<Statement> body) {
        for (List<Token> chunk : TopLevelStatements.split(all)) {
            PythonParser parser = new PythonParser(new CommonTokenStream(new ListTokenSource(chunk)));
            parser.removeErrorListeners();
            parser.setErrorHandler(new BailErrorStrategy());
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            try {
                PythonParser.SingleStatementContext statement = parser.singleStatement();
                builder.statement(statement.statement(), body);
            } catch (ParseCancellationException failed) {
                errors.add(describe(failed, parser, source));
            }
        }
    }

    private static SyntaxError describe(ParseCancellationException failed, PythonParser parser, SourceMap source) {
        RecognitionException cause = failed.getCause() instanceof RecognitionException r ? r : null;
        Token offending = cause != null && cause.getOffendingToken() != null ? cause.getOffendingToken()
                : parser.getCurrentToken();
        IntervalSet expected = null;
        try {
            expected = cause != null ? cause.getExpectedTokens() : parser.getExpectedTokens();
        } catch (RuntimeException noContext) {
            // No expectation is known where prediction failed; the plain message will do.
        }
        String message = message(offending, expected, cause);
        int start = offending.getStartIndex();
        int end = Math.max(start, offending.getStopIndex() + 1);
        if (offending.getType() == Token.EOF || start < 0) {
            start = Math.max(0, offending.getStartIndex());
            end = start;
        }
        return new SyntaxError(message, source.span(start, end));
    }

    private static String message(Token offending, IntervalSet expected, RecognitionException cause) {
        int type = offending.getType();
        if (type == PythonLexer.INDENT) {
            return "unexpected indent";
        }
        if (expected != null && expected.size() == 1) {
            int only = expected.getMinElement();
            if (only == PythonLexer.INDENT) {
                return "expected an indented block";
            }
            if (only == PythonLexer.COLON) {
                return "expected ':'";
            }
            if (only == PythonLexer.RPAR || only == PythonLexer.RSQB || only == PythonLexer.RBRACE) {
                return "invalid syntax. Perhaps you forgot a comma?";
            }
        }
        if (type == Token.EOF) {
            return "unexpected EOF while parsing";
        }
        if (cause instanceof NoViableAltException || cause instanceof InputMismatchException) {
            return "invalid syntax";
        }
        return "invalid syntax";
    }
}
