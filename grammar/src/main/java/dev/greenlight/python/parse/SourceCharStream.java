package dev.greenlight.python.parse;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.IntStream;
import org.antlr.v4.runtime.misc.Interval;

/**
 * The lexer's view of a Java string: symbols are code points, but indices are UTF-16 offsets, so
 * that every token's start and stop are offsets into the string itself (as LSP, the text model
 * and the AST count) without a translation table. Lexing can start anywhere in the string, which
 * the statement-level reparse uses to re-lex a region in place instead of copying it.
 */
public final class SourceCharStream implements CharStream {

    private final String text;
    private final int size;
    private int index;

    public SourceCharStream(String text) {
        this(text, 0);
    }

    public SourceCharStream(String text, int start) {
        this.text = text;
        this.size = text.length();
        this.index = start;
    }

    @Override
    public int LA(int i) {
        if (i == 1) {
            return codePointAt(index);
        }
        if (i > 1) {
            int at = index;
            for (int k = 1; k < i && at < size; k++) {
                at += width(at);
            }
            return codePointAt(at);
        }
        if (i == 0) {
            return 0;
        }
        int at = index;
        for (int k = 0; k < -i; k++) {
            if (at <= 0) {
                return IntStream.EOF;
            }
            at -= at >= 2 && Character.isLowSurrogate(text.charAt(at - 1))
                    && Character.isHighSurrogate(text.charAt(at - 2)) ? 2 : 1;
        }
        return codePointAt(at);
    }

    private int codePointAt(int at) {
        if (at >= size) {
            return IntStream.EOF;
        }
        char c = text.charAt(at);
        return Character.isHighSurrogate(c) ? text.codePointAt(at) : c;
    }

    private int width(int at) {
        return Character.isHighSurrogate(text.charAt(at)) && at + 1 < size
                && Character.isLowSurrogate(text.charAt(at + 1)) ? 2 : 1;
    }

    @Override
    public void consume() {
        if (index >= size) {
            throw new IllegalStateException("cannot consume EOF");
        }
        index += width(index);
    }

    @Override
    public int mark() {
        return -1;
    }

    @Override
    public void release(int marker) {
        // Everything stays in memory; nothing to release.
    }

    @Override
    public int index() {
        return index;
    }

    @Override
    public void seek(int index) {
        this.index = Math.min(Math.max(0, index), size);
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public String getSourceName() {
        return IntStream.UNKNOWN_SOURCE_NAME;
    }

    @Override
    public String getText(Interval interval) {
        int start = Math.max(0, interval.a);
        int stop = Math.min(size - 1, interval.b);
        return start > stop ? "" : text.substring(start, stop + 1);
    }

    @Override
    public String toString() {
        return text;
    }
}
