package dev.greenlight.python.parse;

import dev.greenlight.python.antlr.PythonLexer;
import dev.greenlight.python.ast.ClassDef;
import dev.greenlight.python.ast.AsyncFunctionDef;
import dev.greenlight.python.ast.FunctionDef;
import dev.greenlight.python.ast.Located;
import dev.greenlight.python.ast.MatchCase;
import dev.greenlight.python.ast.Node;
import dev.greenlight.python.ast.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.Token;

/**
 * Reparses the one statement an edit falls in, when that statement is nested in a top-level
 * statement (a line of a method body, say), instead of the whole top-level statement. The
 * statement is lexed in place with the indentation of its block, and its reparse is only taken
 * when it ends exactly where the next statement of its block begins, at the same indentation,
 * without a syntax error; otherwise the caller reparses the whole top-level statement.
 */
final class NestedReparse {

    private NestedReparse() {
    }

    static ParsedModule attempt(ParsedModule module, int start, int end, String inserted, SourceMap newSource,
            int delta, int lineDelta) {
        int index = module.cleanPieceHolding(start, end);
        if (index < 0) {
            return null;
        }
        Statement top = module.statementOf(index);
        String text = module.text();
        List<Node> path = new ArrayList<>();
        path.add(top);
        descend(top, start, end, path);
        // From the innermost statement holding the edit outwards, the first that can be lexed alone.
        for (int i = path.size() - 1; i >= 1; i--) {
            if (!(path.get(i) instanceof Statement statement)) {
                continue;
            }
            Statement sibling = nextSibling(path.get(i - 1), statement);
            if (sibling == null || !standsAlone(text, statement) || isDecorated(statement)) {
                continue;
            }
            int[] levels = indentation(text, path.subList(1, i + 1));
            if (levels == null) {
                continue;
            }
            List<Statement> replacement = reparse(newSource, statement, sibling, levels, delta);
            if (replacement == null) {
                return null;
            }
            Set<Node> onPath = Collections.newSetFromMap(new IdentityHashMap<>());
            onPath.addAll(path.subList(0, i));
            Statement rebuilt = (Statement) new SpanShifter().replace(top, onPath, statement, replacement, delta,
                    lineDelta);
            int relexed = statement.span().end() + delta - ParsedModule.lineStart(text, statement.span().start());
            ParsedModule.Statistics statistics = new ParsedModule.Statistics(relexed, replacement.size(),
                    module.statementCount() - 1, true);
            return module.withNestedEdit(index, rebuilt, newSource, delta, lineDelta, statistics);
        }
        return null;
    }

    /** Adds to {@code path} the nodes, down to the innermost statement, that hold {@code [start, end)}. */
    private static void descend(Node node, int start, int end, List<Node> path) {
        Node[] holder = new Node[1];
        node.forEachChild(child -> {
            if (holder[0] == null && holds(child, start, end)) {
                holder[0] = child;
            }
        });
        if (holder[0] instanceof Statement || holder[0] instanceof MatchCase
                || holder[0] instanceof dev.greenlight.python.ast.ExceptHandler) {
            path.add(holder[0]);
            descend(holder[0], start, end, path);
        }
    }

    private static boolean holds(Node node, int start, int end) {
        if (node instanceof Located located) {
            return located.span().start() <= start && end <= located.span().end();
        }
        if (node instanceof MatchCase matchCase) {
            int first = SpanShifter.firstPosition(matchCase);
            int last = matchCase.body().get(matchCase.body().size() - 1).span().end();
            return first <= start && end <= last;
        }
        return false;
    }

    /** The statement after {@code statement} in the same block of {@code parent}, or null. */
    private static Statement nextSibling(Node parent, Statement statement) {
        List<Node> children = new ArrayList<>();
        parent.forEachChild(children::add);
        for (int i = 0; i + 1 < children.size(); i++) {
            if (children.get(i) == statement) {
                return children.get(i + 1) instanceof Statement next
                        && next.span().lineno() > statement.span().endLineno() ? next : null;
            }
        }
        return null;
    }

    private static boolean isDecorated(Statement statement) {
        return statement instanceof FunctionDef f && !f.decoratorList().isEmpty()
                || statement instanceof AsyncFunctionDef f2 && !f2.decoratorList().isEmpty()
                || statement instanceof ClassDef c && !c.decoratorList().isEmpty();
    }

    /** Whether the statement has its lines to itself: only spaces before it, only a comment after. */
    private static boolean standsAlone(String text, Statement statement) {
        int start = statement.span().start();
        for (int i = ParsedModule.lineStart(text, start); i < start; i++) {
            if (text.charAt(i) != ' ') {
                return false;
            }
        }
        for (int i = statement.span().end(); i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || c == '#') {
                return true;
            }
            if (c != ' ') {
                return false;
            }
        }
        return true;
    }

    /**
     * The indentation stack at the statement's line: the widths of the lines of the nested
     * nodes on the path, which must be indented with spaces and deepen at each new block.
     */
    private static int[] indentation(String text, List<Node> nested) {
        List<Integer> levels = new ArrayList<>();
        for (Node node : nested) {
            int at = SpanShifter.firstPosition(node);
            int lineStart = ParsedModule.lineStart(text, at);
            int width = 0;
            while (lineStart + width < at && text.charAt(lineStart + width) == ' ') {
                width++;
            }
            if (width == 0) {
                return null;
            }
            if (levels.isEmpty() || width > levels.get(levels.size() - 1)) {
                levels.add(width);
            } else if (width < levels.get(levels.size() - 1)) {
                return null;
            }
        }
        int[] out = new int[levels.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = levels.get(i);
        }
        return out;
    }

    /** The statements the edited text holds where {@code statement} stood, or null if not clean. */
    private static List<Statement> reparse(SourceMap newSource, Statement statement, Statement sibling, int[] levels,
            int delta) {
        String newText = newSource.text();
        int from = ParsedModule.lineStart(newText, statement.span().start());
        int siblingStart = sibling.span().start() + delta;
        PythonLexer lexer = new PythonLexer(new SourceCharStream(newText, from));
        lexer.removeErrorListeners();
        lexer.setLine(1 + newSource.lineIndex(from));
        lexer.presetIndentation(levels);
        List<Token> tokens = new ArrayList<>();
        int depth = 0;
        int open = 0;
        while (true) {
            Token token = lexer.nextToken();
            int type = token.getType();
            if (type == Token.EOF || token.getStartIndex() > siblingStart) {
                return null;
            }
            if (token.getChannel() != Token.DEFAULT_CHANNEL) {
                tokens.add(token);
                continue;
            }
            if (token.getStartIndex() == siblingStart && depth == 0 && open <= 0 && type != PythonLexer.INDENT
                    && type != PythonLexer.DEDENT && !tokens.isEmpty() && endsLine(tokens)) {
                break;
            }
            tokens.add(token);
            open += TopLevelStatements.opening(type);
            if (type == PythonLexer.INDENT) {
                depth++;
            } else if (type == PythonLexer.DEDENT) {
                depth--;
            }
            if (depth < 0) {
                return null;
            }
        }
        if (!lexer.lexicalErrors().isEmpty()) {
            return null;
        }
        List<SyntaxError> errors = new ArrayList<>();
        List<Statement> body = new ArrayList<>();
        PythonParsing.parseStatement(tokens, newSource, new AstBuilder(newSource, errors), errors, body);
        return errors.isEmpty() && !body.isEmpty() ? body : null;
    }

    /** Whether the last default-channel token ends a logical line (NEWLINE, or DEDENT after one). */
    private static boolean endsLine(List<Token> tokens) {
        for (int i = tokens.size() - 1; i >= 0; i--) {
            Token token = tokens.get(i);
            if (token.getChannel() == Token.DEFAULT_CHANNEL) {
                return token.getType() == PythonLexer.NEWLINE || token.getType() == PythonLexer.DEDENT;
            }
        }
        return false;
    }
}
