package dev.greenlight.python.ast;

/** CPython's abstract {@code ast.mod}; only {@link Module} is produced. */
public interface Mod extends Node {
}
