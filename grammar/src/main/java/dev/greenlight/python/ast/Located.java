package dev.greenlight.python.ast;

/** A node that CPython gives a position ({@code lineno}, {@code col_offset}, ...). */
public interface Located extends Node {

    Span span();
}
