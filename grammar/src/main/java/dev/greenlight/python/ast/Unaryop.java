package dev.greenlight.python.ast;

/** CPython's {@code ast.unaryop}; constants keep CPython's class names. */
public enum Unaryop {
    Invert, Not, UAdd, USub
}
