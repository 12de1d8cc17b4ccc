package dev.greenlight.python.ast;

/** CPython's {@code ast.expr_context}; constants keep CPython's class names. */
public enum ExprContext {
    Load, Store, Del
}
