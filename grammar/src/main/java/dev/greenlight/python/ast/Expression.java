package dev.greenlight.python.ast;

/** CPython's abstract {@code ast.expr}. */
public interface Expression extends Located {
}
