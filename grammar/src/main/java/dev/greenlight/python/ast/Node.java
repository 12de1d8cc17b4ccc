package dev.greenlight.python.ast;

import java.util.function.Consumer;

/**
 * A node of the syntax tree. Node classes carry the names and fields of CPython's {@code ast}
 * module (fields in camelCase), so that anyone who has used {@code ast} reads them on sight and
 * a dump can be compared with CPython's own.
 */
public interface Node {

    <R> R accept(Visitor<R> visitor);

    /** Calls {@code action} on each direct child node, in field order. */
    void forEachChild(Consumer<? super Node> action);

    /** The name of the matching class in CPython's {@code ast} module. */
    default String pythonType() {
        return getClass().getSimpleName();
    }
}
