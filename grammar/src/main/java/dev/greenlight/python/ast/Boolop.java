package dev.greenlight.python.ast;

/** CPython's {@code ast.boolop}; constants keep CPython's class names. */
public enum Boolop {
    And, Or
}
