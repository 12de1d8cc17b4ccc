/**
 * The typed syntax tree of a Python module: immutable records named after CPython's {@code ast}
 * classes. Constant values are {@link java.lang.String} (str), {@link dev.greenlight.python.ast.Bytes},
 * {@link java.math.BigInteger} (int), {@link java.lang.Double} (float),
 * {@link dev.greenlight.python.ast.Imaginary} (complex), {@link java.lang.Boolean} and
 * {@link dev.greenlight.python.ast.Singleton} (None, Ellipsis).
 */
package dev.greenlight.python.ast;
