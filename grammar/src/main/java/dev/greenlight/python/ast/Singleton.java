package dev.greenlight.python.ast;

/** The constants {@code None} and {@code ...} as values of {@link Constant} and {@link MatchSingleton}. */
public enum Singleton {
    NONE, ELLIPSIS
}
