package dev.greenlight.python.conformance;

import dev.greenlight.python.parse.ParseResult;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * How the conformance tooling reaches the parser and the source decoder.
 *
 * <p>TODO(greenlight): {@code PythonParsing} and {@code SourceDecoder} were being written while
 * this tooling was, so they are reached by reflection, and the tests compile without them. Once
 * both exist, replace the bodies with direct calls:
 * {@code PythonParsing.parse(text)} and {@code SourceDecoder.decode(bytes)} (its
 * {@code DecodedSource(String text, String error)}), and drop {@link #available()}.
 */
public final class ParserAccess {

    private static final String PARSER = "dev.greenlight.python.parse.PythonParsing";
    /** Where SourceDecoder may live; the first that exists is used. */
    private static final String[] DECODERS = {
        "dev.greenlight.python.parse.SourceDecoder",
        "dev.greenlight.python.antlr.SourceDecoder",
        "dev.greenlight.python.lex.SourceDecoder",
    };

    /** Decoded source text, or the reason it could not be decoded (then {@code text} is null). */
    public record Decoded(String text, String error) {
    }

    private static final Method PARSE = find(PARSER, "parse", String.class);
    private static final Method DECODE = findDecoder();

    private ParserAccess() {
    }

    /** Whether the parser exists yet. */
    public static boolean available() {
        return PARSE != null;
    }

    /** What is missing, for a skip or failure message; null when nothing is. */
    public static String missing() {
        if (PARSE == null && DECODE == null) {
            return PARSER + ".parse(String) and SourceDecoder.decode(byte[]) are not there yet";
        }
        if (PARSE == null) {
            return PARSER + ".parse(String) is not there yet";
        }
        if (DECODE == null) {
            return "SourceDecoder.decode(byte[]) is not there yet";
        }
        return null;
    }

    /** {@code PythonParsing.parse(text)}. */
    public static ParseResult parse(String text) {
        if (PARSE == null) {
            throw new IllegalStateException(missing());
        }
        return (ParseResult) invoke(PARSE, text);
    }

    /** {@code SourceDecoder.decode(bytes)}: the text, or why the bytes are not valid source. */
    public static Decoded decode(byte[] bytes) {
        if (DECODE == null) {
            throw new IllegalStateException(missing());
        }
        Object decoded = invoke(DECODE, (Object) bytes);
        try {
            Class<?> type = decoded.getClass();
            String text = (String) type.getMethod("text").invoke(decoded);
            String error = (String) type.getMethod("error").invoke(decoded);
            return new Decoded(error == null ? text : null, error);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("DecodedSource is not (String text, String error)", e);
        }
    }

    private static Method findDecoder() {
        for (String name : DECODERS) {
            Method m = find(name, "decode", byte[].class);
            if (m != null) {
                return m;
            }
        }
        return null;
    }

    private static Method find(String className, String method, Class<?> parameter) {
        try {
            return Class.forName(className).getMethod(method, parameter);
        } catch (ClassNotFoundException | NoSuchMethodException e) {
            return null;
        }
    }

    private static Object invoke(Method method, Object argument) {
        try {
            return method.invoke(null, argument);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot call " + method, e);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }
}
