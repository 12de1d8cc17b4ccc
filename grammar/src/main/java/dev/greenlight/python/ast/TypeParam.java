package dev.greenlight.python.ast;

/** CPython's abstract {@code ast.type_param}. */
public interface TypeParam extends Located {
}
