package dev.greenlight.python.ast;

/** CPython's abstract {@code ast.pattern}. */
public interface Pattern extends Located {
}
