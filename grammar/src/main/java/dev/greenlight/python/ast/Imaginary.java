package dev.greenlight.python.ast;

/** The value of an imaginary literal such as {@code 2j}: a complex number whose real part is 0. */
public record Imaginary(double imag) {
}
