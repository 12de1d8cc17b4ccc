package dev.greenlight.python.parse;

import dev.greenlight.python.antlr.LexicalError;
import dev.greenlight.python.antlr.PythonLexer;
import dev.greenlight.python.ast.Module;
import dev.greenlight.python.ast.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import org.antlr.v4.runtime.Token;

/**
 * A module's parse kept as a sequence of top-level statements, so that an edit re-lexes and
 * re-parses only the statements it touches. Every other statement is reused as it is: its tree
 * is not rebuilt, only moved, and the move is deferred until the tree is asked for
 * ({@link #result()}), where it costs a copy of the moved statements' nodes.
 *
 * <p>The invariant, tested with random edit sequences: {@code parse(a).edit(...)} gives the same
 * result as {@code parse(b)} for the edited text {@code b}.
 */
public final class ParsedModule {

    /**
     * One top-level statement (or a run that had to be parsed together), with the comments before
     * it. {@code start}/{@code end} delimit its tokens in the text it was parsed from; the pending
     * shift says how far the text has moved since. {@code origin} stays the same while the piece
     * is only moved, and is new when it is parsed again (see {@link Part}).
     */
    private record Piece(int start, int codeStart, int end, List<Statement> statements, List<SyntaxError> errors,
            int offsetShift, int lineShift, Object origin) {

        Piece(int start, int codeStart, int end, List<Statement> statements, List<SyntaxError> errors) {
            this(start, codeStart, end, statements, errors, 0, 0, new Object());
        }

        Piece moved(int offsetDelta, int lineDelta) {
            return new Piece(start, codeStart, end, statements, errors, offsetShift + offsetDelta,
                    lineShift + lineDelta, origin);
        }

        int currentStart() {
            return start + offsetShift;
        }

        /** This piece with its tree and errors moved to where the text now has them. */
        Piece settled(SpanShifter shifter) {
            if (offsetShift == 0 && lineShift == 0) {
                return this;
            }
            return new Piece(currentStart(), currentCodeStart(), currentEnd(),
                    shifter.shiftStatements(statements, offsetShift, lineShift),
                    shifter.shiftErrors(errors, offsetShift, lineShift), 0, 0, origin);
        }

        /** Where its first token that is not a comment starts: what decides where it begins. */
        int currentCodeStart() {
            return codeStart + offsetShift;
        }

        int currentEnd() {
            return end + offsetShift;
        }

        /** Whether its errors all lie in its own text (not in what came before the first statement). */
        boolean errorsWithin() {
            for (SyntaxError error : errors) {
                int at = error.span().start() + offsetShift;
                if (at < currentStart() || at > currentEnd()) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * What one reparse did: the cost tracks the edited statements, not the file. {@code nested}
     * says the edited statement was reparsed in place inside its top-level statement.
     */
    public record Statistics(int relexedChars, int reparsedStatements, int reusedStatements, boolean nested) {
    }

    private final String text;
    private final SourceMap source;
    private final Piece[] pieces;
    private final Statistics statistics;
    private ParseResult result;

    private ParsedModule(String text, SourceMap source, Piece[] pieces, Statistics statistics) {
        this.text = text;
        this.source = source;
        this.pieces = pieces;
        this.statistics = statistics;
    }

    public static ParsedModule parse(String text) {
        List<Piece> pieces = new ArrayList<>();
        SourceMap source = new SourceMap(text);
        int relexed = readPieces(source, 0, null, pieces);
        int statements = 0;
        for (Piece piece : pieces) {
            statements += piece.statements.size();
        }
        return new ParsedModule(text, source, pieces.toArray(new Piece[0]), new Statistics(relexed, statements, 0, false));
    }

    public String text() {
        return text;
    }

    public Statistics statistics() {
        return statistics;
    }

    /**
     * The edit of one statement nested in a top-level statement, already reparsed in place by
     * {@link NestedReparse}: the piece at {@code index} gets {@code statement} as its tree.
     */
    ParsedModule withNestedEdit(int index, Statement statement, SourceMap newSource, int delta, int lineDelta,
            Statistics statistics) {
        Piece old = pieces[index];
        Piece[] out = new Piece[pieces.length];
        System.arraycopy(pieces, 0, out, 0, index);
        out[index] = new Piece(old.currentStart(), old.currentCodeStart(), old.currentEnd() + delta,
                List.of(statement), List.of());
        for (int j = index + 1; j < pieces.length; j++) {
            out[j] = pieces[j].moved(delta, lineDelta);
        }
        return new ParsedModule(newSource.text(), newSource, out, statistics);
    }

    /** The index of the piece holding {@code [start, end)} if it is one clean statement, else -1. */
    int cleanPieceHolding(int start, int end) {
        int index = lastPieceStartingBefore(start);
        if (index < 0) {
            return -1;
        }
        Piece piece = pieces[index];
        boolean inside = start > piece.currentCodeStart() && end <= piece.currentEnd();
        return inside && piece.errors.isEmpty() && piece.statements.size() == 1 ? index : -1;
    }

    /** The tree of one piece in the current text's positions (moving it now if it had to move). */
    Statement statementOf(int index) {
        Piece piece = pieces[index].settled(new SpanShifter());
        if (piece != pieces[index]) {
            pieces[index] = piece;
            result = null;
        }
        return piece.statements.get(0);
    }

    int statementCount() {
        int count = 0;
        for (Piece piece : pieces) {
            count += piece.statements.size();
        }
        return count;
    }

    SourceMap source() {
        return source;
    }

    /** Where each top-level piece starts and ends in the current text, for tests. */
    List<String> pieceBounds() {
        List<String> bounds = new ArrayList<>(pieces.length);
        for (Piece piece : pieces) {
            bounds.add(piece.currentStart() + "-" + piece.currentEnd());
        }
        return bounds;
    }

    /**
     * Top-level statements {@code [from, to)} of {@link #result()}'s module, parsed together. A
     * part of the next version (after {@link #edit}) with the same {@code key} holds the same
     * statements, moved only: their text is unchanged, and so are the lines it is on.
     */
    public record Part(Object key, int from, int to) {
    }

    /** The parts of this version's module, in order, covering every top-level statement. */
    public List<Part> parts() {
        result();
        List<Part> parts = new ArrayList<>(pieces.length);
        int at = 0;
        for (Piece piece : pieces) {
            parts.add(new Part(piece.origin, at, at + piece.statements.size()));
            at += piece.statements.size();
        }
        return parts;
    }

    /** How many lines the text has (a text that ends with a line break has an empty last one). */
    public int lineCount() {
        return source.lineCount();
    }

    /** The whole module's tree and syntax errors; statements moved by edits are copied here, once. */
    public ParseResult result() {
        if (result == null) {
            List<Statement> body = new ArrayList<>();
            List<SyntaxError> errors = new ArrayList<>();
            SpanShifter shifter = new SpanShifter();
            for (int i = 0; i < pieces.length; i++) {
                Piece piece = pieces[i].settled(shifter);
                pieces[i] = piece;
                body.addAll(piece.statements);
                errors.addAll(piece.errors);
            }
            errors.sort(Comparator.comparingInt(e -> e.span().start()));
            result = new ParseResult(new Module(body, List.of()), errors);
        }
        return result;
    }

    /**
     * The parse of this text with {@code [start, end)} replaced by {@code inserted} (UTF-16 offsets
     * into this module's text, as {@link dev.greenlight.python.text.Edit} gives them).
     */
    public ParsedModule edit(int start, int end, String inserted) {
        String newText = text.substring(0, start) + inserted + text.substring(end);
        return edit(start, end, inserted, newText);
    }

    /** As {@link #edit(int, int, String)}, when the caller already has the new text. */
    public ParsedModule edit(int start, int end, String inserted, String newText) {
        int delta = inserted.length() - (end - start);
        SourceMap newSource = source.edited(start, end, inserted, newText);
        int lineDelta = newSource.lineCount() - source.lineCount();
        ParsedModule nested = NestedReparse.attempt(this, start, end, inserted, newSource, delta, lineDelta);
        if (nested != null) {
            return nested;
        }

        // Re-lex from the statement holding the edit; when the edit touches
        // that statement's first line of code or the comments before it, from the statement
        // before, since the edit may join the two.
        int first = lastPieceStartingBefore(start);
        if (first > 0 && lineStart(text, pieces[first].currentCodeStart()) >= lineStart(text, start)) {
            first--;
        }
        if (first > 0 && pieces[first - 1].currentEnd() >= start) {
            first--;
        }
        // After a syntax error the lexer may have ended a statement in a state that a fresh
        // lexer would not start in (an unmatched bracket, an unterminated string): start from a
        // statement that follows a clean one.
        while (first > 0 && !pieces[first - 1].errors.isEmpty()) {
            first--;
        }
        // Lexing restarts where the statement before ended (after its line break, or at the
        // column-zero token its DEDENT stands on), which is also where a logical line begins:
        // the first token of a statement may follow a backslash continuation.
        first = Math.max(first, 0);
        int lexFrom = first == 0 ? 0 : pieces[first - 1].currentEnd();

        // A later statement can be reused once the re-lexing reaches its start, in a clean state,
        // on a line the edit did not touch.
        ReuseCheck reusable = newStart -> {
            int oldStart = newStart - delta;
            if (newStart < start + inserted.length() || oldStart < end) {
                return -1;
            }
            int j = pieceStartingAt(oldStart);
            // The old piece too must have started where a fresh lexer would: after a clean one.
            boolean cleanBefore = j == 0 || (j > 0 && pieces[j - 1].errors.isEmpty());
            return j >= 0 && cleanBefore && pieces[j].errorsWithin() && lineStart(text, oldStart) >= end ? j : -1;
        };
        List<Piece> reparsed = new ArrayList<>();
        int[] reuseFrom = {-1};
        int relexed = readPieces(newSource, lexFrom, newStart -> {
            int j = reusable.pieceAt(newStart);
            if (j >= 0) {
                reuseFrom[0] = j;
                return true;
            }
            return false;
        }, reparsed);

        List<Piece> out = new ArrayList<>(pieces.length + reparsed.size());
        out.addAll(Arrays.asList(pieces).subList(0, first));
        out.addAll(reparsed);
        int reused = 0;
        if (reuseFrom[0] >= 0) {
            for (int j = reuseFrom[0]; j < pieces.length; j++) {
                out.add(pieces[j].moved(delta, lineDelta));
                reused += pieces[j].statements.size();
            }
        }
        for (int i = 0; i < first; i++) {
            reused += pieces[i].statements.size();
        }
        int reparsedStatements = 0;
        for (Piece piece : reparsed) {
            reparsedStatements += piece.statements.size();
        }
        return new ParsedModule(newText, newSource, out.toArray(new Piece[0]),
                new Statistics(relexed, reparsedStatements, reused, false));
    }

    @FunctionalInterface
    private interface ReuseCheck {
        int pieceAt(int newStart);
    }

    @FunctionalInterface
    private interface StopBefore {
        /** Whether reading should stop before a statement that starts at {@code offset}. */
        boolean test(int offset);
    }

    /**
     * Lexes {@code text} from {@code from} and parses statement after statement into {@code out},
     * until the end or until {@code stop} says a statement is already known. Returns how many
     * characters were lexed.
     */
    private static int readPieces(SourceMap source, int from, StopBefore stop, List<Piece> out) {
        String text = source.text();
        PythonLexer lexer = new PythonLexer(new SourceCharStream(text, from));
        lexer.removeErrorListeners();
        // The lexer's messages name lines ("detected at line 12"): start counting where a fresh lexer would be.
        lexer.setLine(1 + source.lineIndex(from));
        TopLevelStatements statements = new TopLevelStatements(lexer);
        List<SyntaxError> errors = new ArrayList<>();
        AstBuilder builder = new AstBuilder(source, errors);
        int lexedTo = from;
        int stoppedAt = Integer.MAX_VALUE;
        List<PendingPiece> pending = new ArrayList<>();
        // A known statement is only recognised after a re-lexed one that ended cleanly, so that
        // nothing read before it (a line continuation, an unclosed string) can have changed it.
        boolean previousClean = false;
        int lexicalErrorsBefore = 0;
        for (List<Token> tokens = statements.next(); tokens != null; tokens = statements.next()) {
            int start = tokens.get(0).getStartIndex();
            if (stop != null && previousClean && stop.test(start)) {
                stoppedAt = start;
                break;
            }
            List<Statement> body = new ArrayList<>();
            errors.clear();
            PythonParsing.parseStatement(tokens, source, builder, errors, body);
            Token last = tokens.get(tokens.size() - 1);
            int end = Math.max(start, last.getStopIndex() + 1);
            lexedTo = Math.max(lexedTo, end);
            pending.add(new PendingPiece(start, codeStart(tokens), end, body, new ArrayList<>(errors)));
            previousClean = errors.isEmpty() && lexer.lexicalErrors().size() == lexicalErrorsBefore;
            lexicalErrorsBefore = lexer.lexicalErrors().size();
        }
        // Lexical errors go to the statement whose text holds them; those of the statement that
        // was read only to be recognised as known are already in its piece.
        for (LexicalError lexical : lexer.lexicalErrors()) {
            if (lexical.start() >= stoppedAt) {
                continue;
            }
            int errorEnd = Math.max(lexical.start(), lexical.end());
            SyntaxError error = new SyntaxError(withDetectionLine(lexical.message(), source, errorEnd),
                    source.span(lexical.start(), errorEnd));
            if (pending.isEmpty()) {
                pending.add(new PendingPiece(from, from, from, new ArrayList<>(), new ArrayList<>()));
            }
            int owner = 0;
            while (owner + 1 < pending.size() && pending.get(owner + 1).start <= lexical.start()) {
                owner++;
            }
            pending.get(owner).errors.add(error);
        }
        for (PendingPiece piece : pending) {
            piece.errors.sort(Comparator.comparingInt(e -> e.span().start()));
            out.add(new Piece(piece.start, piece.codeStart, piece.end, piece.statements, piece.errors));
        }
        return lexedTo - from;
    }

    private static final Pattern DETECTED_AT = Pattern.compile("\\(detected at line \\d+\\)");

    /**
     * "(detected at line N)" names the line where the lexer found the problem, the line that
     * holds the end of the error's range; taken from the source map, it is the same whether the
     * text was lexed from its start or from a statement in the middle.
     */
    private static String withDetectionLine(String message, SourceMap source, int errorEnd) {
        if (!message.endsWith(")") || message.indexOf("(detected at line ") < 0) {
            return message;
        }
        int line = source.lineIndex(Math.max(0, errorEnd - 1)) + 1;
        return DETECTED_AT.matcher(message).replaceFirst("(detected at line " + line + ")");
    }

    private record PendingPiece(int start, int codeStart, int end, List<Statement> statements,
            List<SyntaxError> errors) {
    }

    private static int codeStart(List<Token> tokens) {
        for (Token token : tokens) {
            if (token.getChannel() == Token.DEFAULT_CHANNEL) {
                return token.getStartIndex();
            }
        }
        return tokens.get(tokens.size() - 1).getStopIndex() + 1;
    }

    private int lastPieceStartingBefore(int offset) {
        int low = 0;
        int high = pieces.length - 1;
        int found = -1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (pieces[mid].currentStart() <= offset) {
                found = mid;
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return found;
    }

    private int pieceStartingAt(int offset) {
        int j = lastPieceStartingBefore(offset);
        return j >= 0 && pieces[j].currentStart() == offset ? j : -1;
    }


    /** Where the line holding {@code offset} starts. */
    static int lineStart(String text, int offset) {
        int i = Math.min(offset, text.length());
        while (i > 0) {
            char c = text.charAt(i - 1);
            if (c == '\n' || c == '\r') {
                break;
            }
            i--;
        }
        return i;
    }

}
