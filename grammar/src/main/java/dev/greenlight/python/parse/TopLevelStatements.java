package dev.greenlight.python.parse;

import dev.greenlight.python.antlr.PythonLexer;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;

/**
 * Cuts a token stream into top-level statements, so that each can be parsed alone. A statement
 * ends with a NEWLINE at indentation zero or with the DEDENT that returns there, unless what
 * follows continues it: {@code else}, {@code elif}, {@code except}, {@code finally}, or the
 * {@code def}/{@code class} that a run of decorators is waiting for.
 */
final class TopLevelStatements {

    private TopLevelStatements() {
    }

    static List<List<Token>> split(List<Token> tokens) {
        List<List<Token>> statements = new ArrayList<>();
        List<Token> current = new ArrayList<>();
        int depth = 0;
        boolean decoratorsWaiting = false;
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.getType() == Token.EOF) {
                break;
            }
            current.add(token);
            if (token.getChannel() != Token.DEFAULT_CHANNEL) {
                continue;
            }
            int type = token.getType();
            if (type == PythonLexer.INDENT) {
                depth++;
            } else if (type == PythonLexer.DEDENT) {
                depth = Math.max(0, depth - 1);
            } else if (depth == 0 && type == PythonLexer.AT && firstDefault(current) == token) {
                decoratorsWaiting = true;
            } else if (depth == 0 && (type == PythonLexer.DEF || type == PythonLexer.CLASS)) {
                decoratorsWaiting = false;
            }
            boolean atEnd = depth == 0 && (type == PythonLexer.NEWLINE || type == PythonLexer.DEDENT);
            if (atEnd && !decoratorsWaiting && !continues(nextDefault(tokens, i + 1))) {
                statements.add(current);
                current = new ArrayList<>();
            }
        }
        if (!current.isEmpty()) {
            statements.add(current);
        }
        return statements;
    }

    private static boolean continues(int nextType) {
        return nextType == PythonLexer.ELSE || nextType == PythonLexer.ELIF || nextType == PythonLexer.EXCEPT
                || nextType == PythonLexer.FINALLY || nextType == PythonLexer.DEDENT;
    }

    private static Token firstDefault(List<Token> tokens) {
        for (Token token : tokens) {
            if (token.getChannel() == Token.DEFAULT_CHANNEL) {
                return token;
            }
        }
        return null;
    }

    private static int nextDefault(List<Token> tokens, int from) {
        for (int i = from; i < tokens.size(); i++) {
            if (tokens.get(i).getChannel() == Token.DEFAULT_CHANNEL) {
                return tokens.get(i).getType();
            }
        }
        return Token.EOF;
    }
}
