package dev.greenlight.python.ast;

/** CPython's {@code ast.cmpop}; constants keep CPython's class names. */
public enum Cmpop {
    Eq, NotEq, Lt, LtE, Gt, GtE, Is, IsNot, In, NotIn
}
