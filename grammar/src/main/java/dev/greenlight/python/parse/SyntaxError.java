package dev.greenlight.python.parse;

import dev.greenlight.python.ast.Span;

/** A syntax error found while reading a module, worded like CPython's where that makes sense. */
public record SyntaxError(String message, Span span) {
}
