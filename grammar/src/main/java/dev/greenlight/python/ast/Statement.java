package dev.greenlight.python.ast;

/** CPython's abstract {@code ast.stmt}. */
public interface Statement extends Located {
}
