package dev.greenlight.python.parse;

import dev.greenlight.python.antlr.PythonLexer;
import dev.greenlight.python.antlr.PythonParser;
import dev.greenlight.python.ast.Module;
import dev.greenlight.python.ast.Statement;
import java.util.List;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ListTokenSource;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Reads Python source into the typed AST. Never throws on bad input: syntax errors come back in
 * the {@link ParseResult} next to the tree of every statement that did parse.
 *
 * <p>The token stream is cut into top-level statements as it is lexed, and each is parsed alone:
 * in ANTLR's fast SLL mode first, then in full LL mode if SLL gave up. One broken statement costs
 * its own tree and not the rest of the module, and only one statement's parse tree is ever alive.
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
        return ParsedModule.parse(text).result();
    }

    /** Parses one top-level statement in SLL mode, then in full LL mode if SLL gave up. */
    static void parseStatement(List<Token> tokens, SourceMap source, AstBuilder builder,
            List<SyntaxError> errors, List<Statement> body) {
        CommonTokenStream stream = new CommonTokenStream(new ListTokenSource(tokens));
        PythonParser parser = new PythonParser(stream);
        parser.removeErrorListeners();
        parser.setErrorHandler(new BailErrorStrategy());
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        PythonParser.FileInputContext parsed;
        try {
            parsed = parser.fileInput();
        } catch (ParseCancellationException sllFailed) {
            stream.seek(0);
            parser.reset();
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            try {
                parsed = parser.fileInput();
            } catch (ParseCancellationException failed) {
                errors.add(describe(failed, parser, source));
                return;
            }
        }
        for (PythonParser.StatementContext statement : parsed.statement()) {
            builder.statement(statement, body);
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
        String message = message(offending, expected);
        int start = offending.getStartIndex();
        int end = Math.max(start, offending.getStopIndex() + 1);
        if (offending.getType() == Token.EOF || offending.getType() == PythonLexer.NEWLINE || start < 0) {
            start = Math.max(0, offending.getStartIndex());
            end = start;
        }
        return new SyntaxError(message, source.span(start, end));
    }

    private static String message(Token offending, IntervalSet expected) {
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
        }
        if (type == Token.EOF) {
            return "unexpected EOF while parsing";
        }
        return "invalid syntax";
    }
}
