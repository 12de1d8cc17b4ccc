package dev.greenlight.python.ast;

/** CPython's {@code ast.operator}; constants keep CPython's class names. */
public enum Operator {
    Add, Sub, Mult, MatMult, Div, Mod, Pow, LShift, RShift, BitOr, BitXor, BitAnd, FloorDiv
}
