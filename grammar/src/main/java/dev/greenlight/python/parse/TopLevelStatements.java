package dev.greenlight.python.parse;

import dev.greenlight.python.antlr.PythonLexer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenSource;

/**
 * Cuts the lexer's token stream into top-level statements as it is read, so that each statement
 * is parsed on its own: a syntax error costs only its statement, and only one statement's parse
 * tree is alive at a time. A statement ends with a NEWLINE at indentation zero or with the DEDENT
 * that returns there, unless what follows continues it: the INDENT of its block, {@code else},
 * {@code elif}, {@code except}, {@code finally}, or the {@code def}/{@code class} that a run of
 * decorators is waiting for.
 */
final class TopLevelStatements {

    private final TokenSource lexer;
    /** Tokens read ahead to see what follows a possible end of statement. */
    private final ArrayDeque<Token> pending = new ArrayDeque<>();
    private boolean exhausted;

    TopLevelStatements(TokenSource lexer) {
        this.lexer = lexer;
    }

    /** The tokens of the next top-level statement (with the comments before it), or null at the end. */
    List<Token> next() {
        if (exhausted && pending.isEmpty()) {
            return null;
        }
        List<Token> statement = new ArrayList<>();
        int depth = 0;
        // Open brackets and f-strings: a line break inside them (after an error the lexer may
        // still end the line) is not a clean place to start lexing again.
        int open = 0;
        boolean decoratorsWaiting = false;
        boolean seenDefault = false;
        while (true) {
            Token token = take();
            if (token.getType() == Token.EOF) {
                exhausted = true;
                return statement.isEmpty() ? null : statement;
            }
            statement.add(token);
            if (token.getChannel() != Token.DEFAULT_CHANNEL) {
                continue;
            }
            int type = token.getType();
            open += opening(type);
            if (type == PythonLexer.INDENT) {
                depth++;
            } else if (type == PythonLexer.DEDENT) {
                depth = Math.max(0, depth - 1);
            } else if (depth == 0 && type == PythonLexer.AT && !seenDefault) {
                decoratorsWaiting = true;
            } else if (depth == 0 && (type == PythonLexer.DEF || type == PythonLexer.CLASS)) {
                decoratorsWaiting = false;
            }
            seenDefault = true;
            boolean atEnd = depth == 0 && open <= 0 && (type == PythonLexer.NEWLINE || type == PythonLexer.DEDENT);
            if (atEnd && !decoratorsWaiting && !continues(peekDefaultType())) {
                return statement;
            }
        }
    }

    /** +1 for a token that opens a bracket or an f-string, -1 for one that closes it, else 0. */
    static int opening(int type) {
        return switch (type) {
            case PythonLexer.LPAR, PythonLexer.LSQB, PythonLexer.LBRACE, PythonLexer.FSTRING_START -> 1;
            case PythonLexer.RPAR, PythonLexer.RSQB, PythonLexer.RBRACE, PythonLexer.FSTRING_END -> -1;
            default -> 0;
        };
    }

    private static boolean continues(int nextType) {
        return nextType == PythonLexer.ELSE || nextType == PythonLexer.ELIF || nextType == PythonLexer.EXCEPT
                || nextType == PythonLexer.FINALLY || nextType == PythonLexer.INDENT || nextType == PythonLexer.DEDENT;
    }

    private Token take() {
        if (!pending.isEmpty()) {
            return pending.removeFirst();
        }
        return lexer.nextToken();
    }

    private int peekDefaultType() {
        for (Token token : pending) {
            if (token.getChannel() == Token.DEFAULT_CHANNEL) {
                return token.getType();
            }
        }
        while (true) {
            Token token = lexer.nextToken();
            pending.addLast(token);
            if (token.getType() == Token.EOF || token.getChannel() == Token.DEFAULT_CHANNEL) {
                return token.getType();
            }
        }
    }
}
