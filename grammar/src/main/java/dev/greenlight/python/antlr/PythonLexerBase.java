package dev.greenlight.python.antlr;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.LexerNoViableAltException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.ATN;
import org.antlr.v4.runtime.atn.LexerATNSimulator;
import org.antlr.v4.runtime.atn.PredictionContextCache;
import org.antlr.v4.runtime.dfa.DFA;
import org.antlr.v4.runtime.misc.Interval;

/**
 * The stateful half of the Python lexer: {@code PythonLexer.g4} recognises tokens, this class turns
 * them into the token stream CPython's tokenizer produces.
 *
 * <ul>
 *   <li>NEWLINE at the end of each logical line (blank and comment-only lines give none; none inside
 *       brackets); a zero-length NEWLINE at the end of input if the last line had tokens.
 *   <li>INDENT/DEDENT from an indentation stack (tabs to multiples of 8, CPython's tab/space
 *       consistency check); zero-length, placed at the first token of the line; DEDENTs at EOF.
 *   <li>The f-string mode machine (PEP 701): which replacement field a {@code :} or {@code }} belongs
 *       to, format specs, nested f-strings.
 *   <li>Bracket matching, and the lexical errors, which are recorded in {@link #lexicalErrors()}
 *       rather than thrown or printed. Lexing always goes on to EOF.
 *   <li>Recovery for editors: brackets still open at EOF, or when a new physical line inside
 *       brackets starts with a keyword that can only begin a statement at or left of the
 *       indentation of the logical line, are closed with zero-length tokens (after an error is
 *       recorded), so that the rest of the file parses normally.
 * </ul>
 *
 * Synthetic tokens (INDENT, DEDENT, NEWLINE at EOF or after recovery, closing brackets and
 * FSTRING_END made up for recovery) have empty text and {@code stop == start - 1}.
 *
 * <p>The ConsoleErrorListener is removed in the constructor: nothing is ever printed.
 */
public abstract class PythonLexerBase extends Lexer {

    /** CPython's MAXLEVEL: deeper brackets give "too many nested parentheses" and are dropped. */
    public static final int MAX_BRACKET_DEPTH = 200;
    /** CPython's MAXINDENT. */
    public static final int MAX_INDENT_LEVELS = 100;
    /** CPython's MAXFSTRINGLEVEL; deeper f-strings are reported and left out of the token stream. */
    public static final int MAX_FSTRING_DEPTH = 150;
    /** At most this many errors are recorded; a file of garbage must not use up memory. */
    public static final int MAX_ERRORS = 1000;

    private static final int TAB_SIZE = 8;

    // Kinds of open constructs on the open stack.
    private static final int K_PAREN = 0;
    private static final int K_SQB = 1;
    private static final int K_BRACE = 2;
    private static final int K_FIELD = 3;
    private static final int K_FSTRING = 4;

    private static final char[] OPEN_CHAR = {'(', '[', '{', '{'};
    private static final char[] CLOSE_CHAR = {')', ']', '}', '}'};

    // Per-mode tables. For an f-string text mode (FS_*) or format spec mode (SPEC_*): the spec mode
    // of the same quote kind, whether the quote is triple, whether it is a spec mode.
    private static final int MODE_COUNT = 17;
    private static final int[] SPEC_MODE = new int[MODE_COUNT];
    private static final boolean[] IS_TRIPLE = new boolean[MODE_COUNT];
    private static final boolean[] IS_SPEC = new boolean[MODE_COUNT];
    private static final char[] QUOTE = new char[MODE_COUNT];

    static {
        Arrays.fill(SPEC_MODE, -1);
        int[][] pairs = {
            {PythonLexer.FS_DQ, PythonLexer.SPEC_DQ, 0, '"'},
            {PythonLexer.FS_SQ, PythonLexer.SPEC_SQ, 0, '\''},
            {PythonLexer.FS_TDQ, PythonLexer.SPEC_TDQ, 1, '"'},
            {PythonLexer.FS_TSQ, PythonLexer.SPEC_TSQ, 1, '\''},
            {PythonLexer.FS_RDQ, PythonLexer.SPEC_RDQ, 0, '"'},
            {PythonLexer.FS_RSQ, PythonLexer.SPEC_RSQ, 0, '\''},
            {PythonLexer.FS_RTDQ, PythonLexer.SPEC_RTDQ, 1, '"'},
            {PythonLexer.FS_RTSQ, PythonLexer.SPEC_RTSQ, 1, '\''},
        };
        for (int[] p : pairs) {
            SPEC_MODE[p[0]] = p[1];
            SPEC_MODE[p[1]] = p[1];
            IS_TRIPLE[p[0]] = p[2] == 1;
            IS_TRIPLE[p[1]] = p[2] == 1;
            IS_SPEC[p[1]] = true;
            QUOTE[p[0]] = (char) p[3];
            QUOTE[p[1]] = (char) p[3];
        }
    }

    private final List<LexicalError> errors = new ArrayList<>();
    private final ArrayDeque<Token> pending = new ArrayDeque<>();

    /** One raw token read ahead (only after {@code async} at the start of a line in brackets). */
    private Token lookahead;
    private int lookaheadMode;

    // Indentation stack (widths with tabs to 8, and with tabs to 1 for the consistency check).
    private int[] indents = new int[16];
    private int[] altIndents = new int[16];
    private int indentTop;
    private int lastAltCol;

    // Stack of open constructs: brackets, replacement fields, f-strings.
    private int[] openKind = new int[16];
    private int[] openStart = new int[16];
    private int[] openLine = new int[16];
    /** FIELD: the spec mode for a ':'; FSTRING: the mode stack size before its start. */
    private int[] openInfo = new int[16];
    /** FSTRING: its text mode. */
    private int[] openMode = new int[16];
    private int openSize;
    private int bracketDepth;
    private int fstringDepth;
    private int droppedOpeners;
    private boolean nestingReported;
    /** Index on the open stack of the f-string whose tokens are being left out, or -1. */
    private int suppressedEntry = -1;

    private boolean atLineStart = true;
    private boolean lineHasTokens;
    private int lineStart;
    private boolean physLineStart;
    private int physLineStartIndex;
    private boolean afterLineJoin;
    private Token lastReal;

    protected PythonLexerBase(CharStream input) {
        super(new ClassifyingCharStream(input));
        removeErrorListeners();
        // The input may start mid-text, at the start of a line: the statement-level reparse
        // lexes from the first line of a top-level statement, in the state of a fresh file.
        lineStart = input.index();
    }

    @Override
    public void setInputStream(org.antlr.v4.runtime.IntStream input) {
        super.setInputStream(input instanceof ClassifyingCharStream ? input
            : new ClassifyingCharStream((CharStream) input));
    }

    /** The real character at {@code LA(i)} (the lexer itself sees class characters). */
    private int rawLA(int i) {
        return _input instanceof ClassifyingCharStream c ? c.rawLA(i) : _input.LA(i);
    }

    /**
     * Starts lexing inside blocks: {@code widths} are the indentation widths of the enclosing
     * blocks, outermost first, as they stand at the line where lexing begins (indented with
     * spaces only, so the tab-size-1 widths are the same). The reparse of one nested statement
     * uses this to lex it in place.
     */
    public void presetIndentation(int[] widths) {
        if (widths.length + 1 >= indents.length) {
            indents = Arrays.copyOf(indents, widths.length + 2);
            altIndents = Arrays.copyOf(altIndents, widths.length + 2);
        }
        indentTop = widths.length;
        for (int i = 0; i < widths.length; i++) {
            indents[i + 1] = widths[i];
            altIndents[i + 1] = widths[i];
        }
    }

    /**
     * ANTLR's simulator counts lines by '\n' only; CPython also ends lines with a bare '\r', and
     * its messages ("detected at line N") count them. Installed on first use, since the generated
     * constructor sets its own simulator after this class's constructor has run.
     */
    private LexerATNSimulator lineCounting;

    @Override
    public LexerATNSimulator getInterpreter() {
        if (lineCounting == null) {
            LexerATNSimulator generated = super.getInterpreter();
            lineCounting = new LineCountingSimulator(this, generated.atn, generated.decisionToDFA,
                generated.getSharedContextCache());
            _interp = lineCounting;
        }
        return lineCounting;
    }

    private static final class LineCountingSimulator extends LexerATNSimulator {
        LineCountingSimulator(Lexer recognizer, ATN atn, DFA[] decisionToDFA, PredictionContextCache cache) {
            super(recognizer, atn, decisionToDFA, cache);
        }

        @Override
        public void consume(CharStream input) {
            if (input.LA(1) == '\r' && input.LA(2) != '\n') {
                line++;
                charPositionInLine = 0;
                input.consume();
                return;
            }
            super.consume(input);
        }
    }

    /** The errors found so far, in input order of detection. */
    public List<LexicalError> lexicalErrors() {
        return Collections.unmodifiableList(errors);
    }

    @Override
    public void reset() {
        super.reset();
        if (errors == null) {
            return; // called before this class's fields exist
        }
        errors.clear();
        pending.clear();
        lookahead = null;
        indentTop = 0;
        indents[0] = 0;
        altIndents[0] = 0;
        openSize = 0;
        bracketDepth = 0;
        fstringDepth = 0;
        droppedOpeners = 0;
        nestingReported = false;
        suppressedEntry = -1;
        atLineStart = true;
        lineHasTokens = false;
        lineStart = 0;
        physLineStart = false;
        afterLineJoin = false;
        lastReal = null;
    }

    @Override
    public void notifyListeners(LexerNoViableAltException e) {
        // The grammar has a catch-all rule in every mode, so this is a safety net only.
        int start = _tokenStartCharIndex;
        error("invalid syntax", start, Math.max(start + 1, _input.index()));
    }

    @Override
    public Token nextToken() {
        for (;;) {
            Token t = pending.pollFirst();
            if (t != null) {
                return t;
            }
            int modeBefore;
            if (lookahead != null) {
                t = lookahead;
                modeBefore = lookaheadMode;
                lookahead = null;
            } else {
                modeBefore = _mode;
                t = super.nextToken();
            }
            process(t, modeBefore);
        }
    }

    // ------------------------------------------------------------------------------------------

    private void process(Token t, int modeBefore) {
        int type = t.getType();
        switch (type) {
            case Token.EOF:
                onEof(t);
                return;
            case PythonLexer.NEWLINE:
                onNewline(t);
                return;
            case PythonLexer.COMMENT:
                pending.add(t);
                return;
            case PythonLexer.LINE_JOIN:
                afterLineJoin = true;
                return;
            case PythonLexer.ERROR_CHAR:
                onErrorChar(t);
                return;
            case PythonLexer.FSTRING_NEWLINE:
                onFStringNewline(t, modeBefore);
                return;
            case PythonLexer.FSTRING_LONE_RBRACE:
                error("f-string: single '}' is not allowed", t.getStartIndex(), t.getStartIndex() + 1);
                return;
            default:
                break;
        }
        afterLineJoin = false;
        if (atLineStart) {
            startLogicalLine(t, lineStart);
        } else if (physLineStart) {
            physLineStart = false;
            if (bracketDepth > 0 && modeBefore == DEFAULT_MODE && startsOnlyStatements(t)) {
                int col = indentWidth(physLineStartIndex, t.getStartIndex());
                if (col <= indents[indentTop]) {
                    unwindAll(t, false);
                    if (lineHasTokens) {
                        emitAfterLastReal(PythonLexer.NEWLINE, t);
                    }
                    startLogicalLine(t, physLineStartIndex);
                }
            }
        }
        lineHasTokens = true;

        switch (type) {
            case PythonLexer.LPAR:
                open(t, K_PAREN);
                break;
            case PythonLexer.LSQB:
                open(t, K_SQB);
                break;
            case PythonLexer.LBRACE:
                if (modeBefore != DEFAULT_MODE) {
                    push(K_FIELD, t, SPEC_MODE[modeBefore], 0);
                    bracketDepth++;
                    pushMode(DEFAULT_MODE);
                    output(t);
                } else {
                    open(t, K_BRACE);
                }
                break;
            case PythonLexer.RPAR:
                close(t, K_PAREN);
                break;
            case PythonLexer.RSQB:
                close(t, K_SQB);
                break;
            case PythonLexer.RBRACE:
                if (IS_SPEC[modeBefore] && openSize > 0 && openKind[openSize - 1] == K_FIELD) {
                    openSize--;
                    bracketDepth--;
                    popMode(); // the spec mode
                    popMode(); // DEFAULT_MODE of the field
                    output(t);
                } else {
                    close(t, K_BRACE);
                }
                break;
            case PythonLexer.COLON:
                if (modeBefore == DEFAULT_MODE && topIsField()) {
                    pushMode(openInfo[openSize - 1]);
                }
                output(t);
                break;
            case PythonLexer.COLONEQUAL:
                if (modeBefore == DEFAULT_MODE && topIsField()) {
                    // f"{x:=10}": the ':' starts a format spec "=10".
                    CommonToken ct = (CommonToken) t;
                    ct.setType(PythonLexer.COLON);
                    ct.setStopIndex(ct.getStartIndex());
                    _input.seek(ct.getStartIndex() + 1);
                    setCharPositionInLine(getCharPositionInLine() - 1);
                    pushMode(openInfo[openSize - 1]);
                }
                output(t);
                break;
            case PythonLexer.FSTRING_START:
                onFStringStart(t);
                break;
            case PythonLexer.FSTRING_END:
                onFStringEnd(t);
                break;
            case PythonLexer.NUMBER:
                checkNumberEnd(t);
                output(t);
                break;
            case PythonLexer.UNTERMINATED_STRING:
            case PythonLexer.UNTERMINATED_TRIPLE_STRING:
                if (endsAnFString(t)) {
                    break;
                }
                if (type == PythonLexer.UNTERMINATED_TRIPLE_STRING) {
                    error("unterminated triple-quoted string literal (detected at line " + lastLineOf(t) + ")",
                        t.getStartIndex(), t.getStopIndex() + 1);
                    ((CommonToken) t).setType(PythonLexer.STRING);
                    output(t);
                    break;
                }
                error("unterminated string literal (detected at line " + t.getLine() + ")",
                    t.getStartIndex(), t.getStopIndex() + 1);
                ((CommonToken) t).setType(PythonLexer.STRING);
                output(t);
                break;
            default:
                output(t);
                break;
        }
    }

    // ------------------------------------------------------------------------------------------
    // Lines and indentation

    private void onNewline(Token t) {
        if (bracketDepth > 0) {
            physLineStart = true;
            physLineStartIndex = t.getStopIndex() + 1;
            return;
        }
        afterLineJoin = false;
        physLineStart = false;
        lineStart = t.getStopIndex() + 1;
        if (lineHasTokens) {
            lineHasTokens = false;
            output(t);
        }
        atLineStart = true;
    }

    /** Emits INDENT/DEDENT for the logical line whose first token is {@code t}. */
    private void startLogicalLine(Token t, int lineStartIndex) {
        atLineStart = false;
        int start = t.getStartIndex();
        int col = indentWidth(lineStartIndex, start);
        int alt = lastAltCol;
        int top = indents[indentTop];
        if (col == top) {
            if (alt != altIndents[indentTop]) {
                inconsistentTabs(lineStartIndex, start);
            }
        } else if (col > top) {
            if (alt <= altIndents[indentTop]) {
                inconsistentTabs(lineStartIndex, start);
            }
            if (indentTop + 1 >= MAX_INDENT_LEVELS) {
                error("too many levels of indentation", lineStartIndex, start);
                return;
            }
            indentTop++;
            if (indentTop == indents.length) {
                indents = Arrays.copyOf(indents, indentTop * 2);
                altIndents = Arrays.copyOf(altIndents, indentTop * 2);
            }
            indents[indentTop] = col;
            altIndents[indentTop] = alt;
            pending.add(synthetic(PythonLexer.INDENT, start, t.getLine(), t.getCharPositionInLine()));
        } else {
            while (indentTop > 0 && col < indents[indentTop]) {
                if (col > indents[indentTop - 1]) {
                    // Between two levels: report it, and keep the line in the inner block.
                    error("unindent does not match any outer indentation level", lineStartIndex, start);
                    indents[indentTop] = col;
                    altIndents[indentTop] = alt;
                    return;
                }
                indentTop--;
                pending.add(synthetic(PythonLexer.DEDENT, start, t.getLine(), t.getCharPositionInLine()));
            }
            if (alt != altIndents[indentTop]) {
                inconsistentTabs(lineStartIndex, start);
            }
        }
    }

    private void inconsistentTabs(int from, int to) {
        error("inconsistent use of tabs and spaces in indentation", from, to);
    }

    /**
     * Width of the leading whitespace of {@code [from, to)} with tabs to multiples of 8; the width
     * with tabs counted as 1 is left in {@link #lastAltCol}.
     */
    private int indentWidth(int from, int to) {
        int col = 0;
        int alt = 0;
        if (to > from) {
            String ws = _input.getText(Interval.of(from, to - 1));
            for (int i = 0; i < ws.length(); i++) {
                char c = ws.charAt(i);
                if (c == ' ') {
                    col++;
                    alt++;
                } else if (c == '\t') {
                    col = (col / TAB_SIZE + 1) * TAB_SIZE;
                    alt++;
                } else if (c == '\f') {
                    col = 0;
                    alt = 0;
                } else {
                    break;
                }
            }
        }
        lastAltCol = alt;
        return col;
    }

    private void onEof(Token t) {
        int at = t.getStartIndex();
        if (afterLineJoin) {
            afterLineJoin = false;
            error("unexpected EOF while parsing", at, at);
        }
        if (openSize > 0) {
            unwindAll(t, true);
        }
        if (lineHasTokens) {
            lineHasTokens = false;
            pending.add(synthetic(PythonLexer.NEWLINE, at, t.getLine(), t.getCharPositionInLine()));
        }
        while (indentTop > 0) {
            indentTop--;
            pending.add(synthetic(PythonLexer.DEDENT, at, t.getLine(), t.getCharPositionInLine()));
        }
        pending.add(t);
    }

    // ------------------------------------------------------------------------------------------
    // Brackets

    private void open(Token t, int kind) {
        if (bracketDepth >= MAX_BRACKET_DEPTH) {
            if (!nestingReported) {
                nestingReported = true;
                error("too many nested parentheses", t.getStartIndex(), t.getStartIndex() + 1);
            }
            droppedOpeners++;
            return;
        }
        push(kind, t, 0, 0);
        bracketDepth++;
        output(t);
    }

    private void close(Token t, int kind) {
        if (droppedOpeners > 0) {
            droppedOpeners--;
            return;
        }
        int start = t.getStartIndex();
        char closer = CLOSE_CHAR[kind];
        int top = openSize - 1;
        if (top >= 0 && openKind[top] == kind) {
            openSize--;
            bracketDepth--;
            if (bracketDepth < MAX_BRACKET_DEPTH) {
                nestingReported = false;
            }
            output(t);
            return;
        }
        if (top >= 0 && openKind[top] == K_FIELD) {
            if (kind == K_BRACE) {
                openSize--;
                bracketDepth--;
                popMode();
                output(t);
            } else {
                error("f-string: unmatched '" + closer + "'", start, start + 1);
            }
            return;
        }
        if (top < 0 || openKind[top] == K_FSTRING) {
            error("unmatched '" + closer + "'", start, start + 1);
            return;
        }
        String msg = "closing parenthesis '" + closer + "' does not match opening parenthesis '"
            + OPEN_CHAR[openKind[top]] + "'";
        if (openLine[top] != t.getLine()) {
            msg += " on line " + openLine[top];
        }
        error(msg, start, start + 1);
        int match = top;
        while (match >= 0 && openKind[match] != kind && openKind[match] <= K_BRACE) {
            match--;
        }
        if (match >= 0 && openKind[match] == kind) {
            // Close the inner brackets that were left open, then this one.
            for (int i = top; i > match; i--) {
                pending.add(synthetic(closerType(openKind[i]), start, t.getLine(), t.getCharPositionInLine()));
                openSize--;
                bracketDepth--;
            }
            openSize--;
            bracketDepth--;
            output(t);
        }
        // else: the closer matches nothing; it is left out.
    }

    private boolean topIsField() {
        return openSize > 0 && openKind[openSize - 1] == K_FIELD;
    }

    private void push(int kind, Token t, int info, int mode) {
        if (openSize == openKind.length) {
            int n = openSize * 2;
            openKind = Arrays.copyOf(openKind, n);
            openStart = Arrays.copyOf(openStart, n);
            openLine = Arrays.copyOf(openLine, n);
            openInfo = Arrays.copyOf(openInfo, n);
            openMode = Arrays.copyOf(openMode, n);
        }
        openKind[openSize] = kind;
        openStart[openSize] = t.getStartIndex();
        openLine[openSize] = t.getLine();
        openInfo[openSize] = info;
        openMode[openSize] = mode;
        openSize++;
    }

    private static int closerType(int kind) {
        switch (kind) {
            case K_PAREN:
                return PythonLexer.RPAR;
            case K_SQB:
                return PythonLexer.RSQB;
            case K_FSTRING:
                return PythonLexer.FSTRING_END;
            default:
                return PythonLexer.RBRACE;
        }
    }

    /**
     * Closes everything open (brackets, fields, f-strings) with zero-length tokens placed right after
     * the last real token, records one error for the innermost construct, and returns to
     * DEFAULT_MODE. Used at EOF and for the statement-keyword recovery.
     */
    private void unwindAll(Token at, boolean atEof) {
        int innerF = -1;
        for (int i = openSize - 1; i >= 0; i--) {
            if (openKind[i] == K_FSTRING) {
                innerF = i;
                break;
            }
        }
        int end = atEof ? at.getStartIndex() : Math.max(at.getStartIndex(), 0);
        if (innerF >= 0) {
            int line = atEof ? lastLineOfInput(at) : lastRealEndLine(at);
            String what = IS_TRIPLE[openMode[innerF]] ? "unterminated triple-quoted f-string literal"
                : "unterminated f-string literal";
            error(what + " (detected at line " + line + ")", openStart[innerF], end);
        } else {
            int top = openSize - 1;
            error("'" + OPEN_CHAR[openKind[top]] + "' was never closed", openStart[top], openStart[top] + 1);
        }
        int limit = suppressedEntry >= 0 ? suppressedEntry : openSize;
        for (int i = openSize - 1; i >= 0; i--) {
            if (i < limit) {
                emitAfterLastReal(closerType(openKind[i]), at);
            }
        }
        openSize = 0;
        bracketDepth = 0;
        fstringDepth = 0;
        droppedOpeners = 0;
        nestingReported = false;
        suppressedEntry = -1;
        _modeStack.clear();
        _mode = DEFAULT_MODE;
    }

    /**
     * Closes the innermost f-string and what is open inside it with zero-length tokens at
     * {@code at}'s position, and restores the mode it started in.
     */
    private void closeInnermostFString(Token at, boolean synthesizeEnd) {
        int f = openSize - 1;
        while (f >= 0 && openKind[f] != K_FSTRING) {
            f--;
        }
        if (f < 0) {
            return;
        }
        for (int i = openSize - 1; i > f; i--) {
            if (openKind[i] != K_FSTRING) {
                bracketDepth--;
            }
            if (suppressedEntry < 0) {
                pending.add(synthetic(closerType(openKind[i]), at.getStartIndex(), at.getLine(),
                    at.getCharPositionInLine()));
            }
        }
        openSize = f;
        fstringDepth--;
        int saved = openInfo[f];
        while (_modeStack.size() > saved) {
            popMode();
        }
        if (synthesizeEnd && suppressedEntry < 0) {
            pending.add(synthetic(PythonLexer.FSTRING_END, at.getStartIndex(), at.getLine(),
                at.getCharPositionInLine()));
        }
    }

    // ------------------------------------------------------------------------------------------
    // f-strings

    private void onFStringStart(Token t) {
        // The grammar has already pushed the text mode.
        push(K_FSTRING, t, _modeStack.size() - 1, _mode);
        fstringDepth++;
        if (fstringDepth > MAX_FSTRING_DEPTH && suppressedEntry < 0) {
            error("too many nested f-strings", t.getStartIndex(), t.getStopIndex() + 1);
            suppressedEntry = openSize - 1;
        }
        output(t);
    }

    private void onFStringEnd(Token t) {
        if (openSize > 0 && openKind[openSize - 1] != K_FSTRING) {
            // The quote ended a format spec: f"{x:>10"
            error("f-string: expecting '}'", t.getStartIndex(), t.getStartIndex());
        }
        int f = openSize - 1;
        while (f >= 0 && openKind[f] != K_FSTRING) {
            f--;
        }
        closeInnermostFString(t, false);
        output(t);
        if (suppressedEntry >= 0 && f <= suppressedEntry) {
            suppressedEntry = -1;
        }
    }

    /**
     * CPython: an unterminated string inside a replacement field that starts with the enclosing
     * f-string's quote means the field's '}' is missing ({@code f"{x"}). The quote is taken as the
     * end of the f-string, and lexing resumes after it.
     */
    private boolean endsAnFString(Token t) {
        int f = openSize - 1;
        while (f >= 0 && openKind[f] != K_FSTRING) {
            f--;
        }
        if (f < 0 || suppressedEntry >= 0) {
            return false;
        }
        int mode = openMode[f];
        String text = t.getText();
        int size = IS_TRIPLE[mode] ? 3 : 1;
        if (text.length() < size || text.charAt(0) != QUOTE[mode]
            || (size == 3 && (text.charAt(1) != QUOTE[mode] || text.charAt(2) != QUOTE[mode]))
            || (size == 1 && t.getType() != PythonLexer.UNTERMINATED_STRING)) {
            return false;
        }
        int start = t.getStartIndex();
        error("f-string: expecting '}'", start, start);
        closeInnermostFString(t, false);
        CommonToken end = new CommonToken(_tokenFactorySourcePair, PythonLexer.FSTRING_END, DEFAULT_TOKEN_CHANNEL,
            start, start + size - 1);
        end.setLine(t.getLine());
        end.setCharPositionInLine(t.getCharPositionInLine());
        output(end);
        _input.seek(start + size);
        setLine(t.getLine());
        setCharPositionInLine(t.getCharPositionInLine() + size);
        return true;
    }

    /** A line break inside a single-quoted f-string's text or format spec. */
    private void onFStringNewline(Token t, int modeBefore) {
        int f = openSize - 1;
        while (f >= 0 && openKind[f] != K_FSTRING) {
            f--;
        }
        if (IS_SPEC[modeBefore]) {
            error("f-string: newlines are not allowed in format specifiers for single quoted f-strings",
                t.getStartIndex(), t.getStartIndex());
        } else if (f >= 0) {
            error("unterminated f-string literal (detected at line " + t.getLine() + ")",
                openStart[f], t.getStartIndex());
        }
        closeInnermostFString(t, true);
        if (suppressedEntry >= 0 && f <= suppressedEntry) {
            suppressedEntry = -1;
        }
        // Lex the line break again in the enclosing mode.
        _input.seek(t.getStartIndex());
        setLine(t.getLine());
        setCharPositionInLine(t.getCharPositionInLine());
    }

    // ------------------------------------------------------------------------------------------
    // Recovery

    /**
     * Whether {@code t} is a keyword that can only begin a statement, so that meeting it at the
     * start of a line inside brackets means a bracket was left open. {@code async} counts when a
     * {@code def} or {@code with} follows ({@code async for} may continue a comprehension).
     */
    private boolean startsOnlyStatements(Token t) {
        switch (t.getType()) {
            case PythonLexer.DEF:
            case PythonLexer.CLASS:
            case PythonLexer.RETURN:
            case PythonLexer.IMPORT:
            case PythonLexer.WHILE:
            case PythonLexer.WITH:
            case PythonLexer.TRY:
            case PythonLexer.PASS:
            case PythonLexer.BREAK:
            case PythonLexer.CONTINUE:
            case PythonLexer.RAISE:
            case PythonLexer.DEL:
            case PythonLexer.GLOBAL:
            case PythonLexer.NONLOCAL:
            case PythonLexer.ASSERT:
            case PythonLexer.ELIF:
            case PythonLexer.EXCEPT:
            case PythonLexer.FINALLY:
                return true;
            case PythonLexer.ASYNC:
                if (lookahead == null) {
                    lookaheadMode = _mode;
                    lookahead = super.nextToken();
                }
                int next = lookahead.getType();
                return next == PythonLexer.DEF || next == PythonLexer.WITH;
            default:
                return false;
        }
    }

    private void emitAfterLastReal(int type, Token fallback) {
        if (lastReal == null) {
            pending.add(synthetic(type, fallback.getStartIndex(), fallback.getLine(),
                fallback.getCharPositionInLine()));
            return;
        }
        int[] pos = endPosition(lastReal);
        pending.add(synthetic(type, lastReal.getStopIndex() + 1, pos[0], pos[1]));
    }

    /**
     * Line and column just after a token, counted as ANTLR counts them: one column per consumed
     * symbol (a code point), a new line after each '\n'.
     */
    private static int[] endPosition(Token t) {
        int line = t.getLine();
        int col = t.getCharPositionInLine();
        String text = t.getText();
        if (text == null || text.isEmpty()) {
            return new int[] {line, col};
        }
        // Lines end at '\n', '\r\n' or a bare '\r', as the line-counting simulator counts them.
        int breaks = 0;
        int lastBreak = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
                breaks++;
                lastBreak = i;
            }
        }
        int symbols = text.codePointCount(lastBreak + 1, text.length());
        return breaks == 0 ? new int[] {line, col + symbols} : new int[] {line + breaks, symbols};
    }

    private int lastRealEndLine(Token fallback) {
        return lastReal == null ? fallback.getLine() : endPosition(lastReal)[0];
    }

    /** The line of the last character of the input (CPython's "detected at line" at EOF). */
    private int lastLineOfInput(Token eof) {
        int size = _input.size();
        if (size == 0) {
            return 1;
        }
        String last = _input.getText(Interval.of(size - 1, size - 1));
        boolean endsWithBreak = last.equals("\n") || last.equals("\r");
        return endsWithBreak ? Math.max(1, eof.getLine() - 1) : eof.getLine();
    }

    /** The line of a token's last character, not counting a line break it ends with. */
    private static int lastLineOf(Token t) {
        String text = t.getText();
        int end = text.length();
        if (end > 0 && text.charAt(end - 1) == '\n') {
            end--;
        }
        if (end > 0 && text.charAt(end - 1) == '\r') {
            end--;
        }
        int line = t.getLine();
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 == end || text.charAt(i + 1) != '\n'))) {
                line++;
            }
        }
        return line;
    }

    // ------------------------------------------------------------------------------------------
    // Numbers and bad characters

    /**
     * CPython's verify_end_of_number: a number directly followed by a letter, digit or underscore is
     * malformed ("1_", "0x", "012", "1abc"). The error is recorded and the rest of the word is
     * skipped; the NUMBER token keeps its valid text.
     */
    private void checkNumberEnd(Token t) {
        int c = rawLA(1);
        if (!isPotentialIdentifierChar(c)) {
            return;
        }
        String text = t.getText();
        String msg;
        char second = text.length() > 1 ? Character.toLowerCase(text.charAt(1)) : 0;
        boolean radix = text.charAt(0) == '0' && (second == 'x' || second == 'o' || second == 'b');
        boolean zeros = isZeros(text);
        if (zeros && (c == 'x' || c == 'X' || c == 'o' || c == 'O' || c == 'b' || c == 'B')) {
            msg = radixError(Character.toLowerCase((char) c), rawLA(2));
        } else if (zeros && (isDigit(c) || (c == '_' && isDigit(rawLA(2))))) {
            msg = "leading zeros in decimal integer literals are not permitted; "
                + "use an 0o prefix for octal integers";
        } else if (followedByKeyword()) {
            return; // "1if x else y": allowed (CPython only warns)
        } else if (radix) {
            msg = radixError(second, c == '_' ? rawLA(2) : c);
        } else {
            char last = Character.toLowerCase(text.charAt(text.length() - 1));
            msg = last == 'j' ? "invalid imaginary literal" : "invalid decimal literal";
        }
        int n = 0;
        while (isPotentialIdentifierChar(rawLA(1))) {
            _input.consume();
            n++;
        }
        setCharPositionInLine(getCharPositionInLine() + n);
        error(msg, t.getStartIndex(), t.getStopIndex() + 1 + n);
    }

    private static String radixError(char radix, int digit) {
        switch (radix) {
            case 'x':
                return "invalid hexadecimal literal";
            case 'o':
                return isDigit(digit) ? "invalid digit '" + (char) digit + "' in octal literal"
                    : "invalid octal literal";
            default:
                return isDigit(digit) ? "invalid digit '" + (char) digit + "' in binary literal"
                    : "invalid binary literal";
        }
    }

    private static boolean isZeros(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '0' && c != '_') {
                return false;
            }
        }
        return true;
    }

    private static final String[] KEYWORDS_AFTER_NUMBER = {"and", "else", "for", "if", "in", "is", "not", "or"};

    private boolean followedByKeyword() {
        outer:
        for (String kw : KEYWORDS_AFTER_NUMBER) {
            for (int i = 0; i < kw.length(); i++) {
                if (rawLA(i + 1) != kw.charAt(i)) {
                    continue outer;
                }
            }
            if (!isPotentialIdentifierChar(rawLA(kw.length() + 1))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isPotentialIdentifierChar(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
            || c >= 128;
    }

    private void onErrorChar(Token t) {
        int start = t.getStartIndex();
        int cp = t.getText().codePointAt(0);
        if (cp == 0xFEFF && start == 0) {
            return; // byte order mark
        }
        // A run of the same bad character is one error.
        if (cp != '\\') {
            int n = 0;
            while (rawLA(1) == cp) {
                _input.consume();
                n++;
            }
            setCharPositionInLine(getCharPositionInLine() + n);
        }
        int end = _input.index();
        if (errors.size() >= MAX_ERRORS) {
            return;
        }
        String msg;
        if (cp == '\\') {
            msg = _input.LA(1) == EOF ? "unexpected EOF while parsing"
                : "unexpected character after line continuation character";
        } else if (!isPrintable(cp)) {
            msg = String.format("invalid non-printable character U+%04X", cp);
        } else if (cp < 128) {
            msg = "invalid syntax";
        } else {
            msg = String.format("invalid character '%s' (U+%04X)", new String(Character.toChars(cp)), cp);
        }
        error(msg, start, end);
    }

    /** Python's str.isprintable for one code point. */
    private static boolean isPrintable(int cp) {
        if (cp == ' ') {
            return true;
        }
        switch (Character.getType(cp)) {
            case Character.CONTROL:
            case Character.FORMAT:
            case Character.SURROGATE:
            case Character.PRIVATE_USE:
            case Character.UNASSIGNED:
            case Character.LINE_SEPARATOR:
            case Character.PARAGRAPH_SEPARATOR:
            case Character.SPACE_SEPARATOR:
                return false;
            default:
                return true;
        }
    }

    // ------------------------------------------------------------------------------------------

    private void output(Token t) {
        if (suppressedEntry >= 0) {
            return;
        }
        pending.add(t);
        lastReal = t;
    }

    private CommonToken synthetic(int type, int start, int line, int col) {
        CommonToken t = new CommonToken(_tokenFactorySourcePair, type, DEFAULT_TOKEN_CHANNEL, start, start - 1);
        t.setLine(line);
        t.setCharPositionInLine(col);
        t.setText("");
        return t;
    }

    /** Records an error; an error right after an identical one extends it instead. */
    protected void error(String message, int start, int end) {
        int n = errors.size();
        if (n > 0) {
            LexicalError last = errors.get(n - 1);
            if (last.end() == start && last.message().equals(message)) {
                errors.set(n - 1, new LexicalError(message, last.start(), end));
                return;
            }
        }
        if (n < MAX_ERRORS) {
            errors.add(new LexicalError(message, start, end));
        }
    }

    // ------------------------------------------------------------------------------------------

    /**
     * The input as the grammar sees it: each non-ASCII code point replaced by a class character
     * (see PythonLexer.g4): {@code \u0001} XID_Start, {@code \u0002} other XID_Continue,
     * {@code \u0003} anything else; real {@code \u0001} and {@code \u0002} become {@code \u0003}.
     * Text comes from the real input.
     */
    static final class ClassifyingCharStream implements CharStream {
        static final int XID_START = 1;
        static final int XID_CONTINUE = 2;
        static final int OTHER = 3;

        final CharStream in;

        ClassifyingCharStream(CharStream in) {
            this.in = in;
        }

        static int classOf(int c) {
            if (c < 128) {
                return c == XID_START || c == XID_CONTINUE ? OTHER : c;
            }
            return classify(c);
        }

        /** XID_Start / XID_Continue as Python's str.isidentifier (from the JDK's Unicode tables). */
        static int classify(int c) {
            if (c == 0x037A || c == 0x2E2F || c == 0x309B || c == 0x309C || (c >= 0xFC5E && c <= 0xFC63)
                || c == 0xFDFA || c == 0xFDFB || (c >= 0xFE70 && c <= 0xFE7E && (c & 1) == 0)) {
                return OTHER; // ID_Start/ID_Continue but not their NFKC-closed X variants
            }
            if (Character.isUnicodeIdentifierStart(c) && c != 0x0E33 && c != 0x0EB3 && c != 0xFF9E && c != 0xFF9F) {
                return XID_START;
            }
            if (Character.isUnicodeIdentifierPart(c) && !Character.isIdentifierIgnorable(c)) {
                return XID_CONTINUE;
            }
            return OTHER;
        }

        /** The real symbol at {@code LA(i)}. */
        int rawLA(int i) {
            return in.LA(i);
        }

        @Override
        public int LA(int i) {
            // Classified on every look: ASCII costs one compare, and lexing can start anywhere
            // in a large text without a pass over all of it first.
            return classOf(in.LA(i));
        }

        @Override
        public String getText(Interval interval) {
            return in.getText(interval);
        }

        @Override
        public void consume() {
            in.consume();
        }

        @Override
        public int mark() {
            return in.mark();
        }

        @Override
        public void release(int marker) {
            in.release(marker);
        }

        @Override
        public int index() {
            return in.index();
        }

        @Override
        public void seek(int index) {
            in.seek(index);
        }

        @Override
        public int size() {
            return in.size();
        }

        @Override
        public String getSourceName() {
            return in.getSourceName();
        }

        @Override
        public String toString() {
            return in.toString();
        }
    }
}
