package dev.greenlight.analysis;

import java.util.Map;
import java.util.Set;

/**
 * A database URL as far as it is known from the source: at least its scheme
 * ({@code dialect[+driver]://}). {@code source} is the string it was read from; its literal is
 * where a fix rewrites the scheme.
 */
public record Url(String dialect, String driver, Value.Str source) {

    /** Drivers that are asynchronous, or that SQLAlchemy switches to their async variant itself. */
    private static final Set<String> ASYNC_DRIVERS = Set.of(
            "asyncpg", "aiosqlite", "aiomysql", "asyncmy", "psycopg_async", "oracledb_async", "aioodbc");

    /** Drivers that serve both ways: {@code create_async_engine} picks their async variant. */
    private static final Set<String> DUAL_DRIVERS = Set.of("psycopg", "oracledb");

    /** The dialects whose default and common drivers are known, with their default driver. */
    private static final Map<String, String> DEFAULT_DRIVERS = Map.of(
            "postgresql", "psycopg2", "postgres", "psycopg2", "mysql", "mysqldb", "mariadb", "mysqldb",
            "sqlite", "pysqlite", "oracle", "cx_oracle", "mssql", "pyodbc");

    private static final Set<String> SYNC_DRIVERS = Set.of(
            "psycopg2", "psycopg2cffi", "pg8000", "pymysql", "mysqldb", "mysqlconnector", "cymysql",
            "pysqlite", "pysqlcipher", "cx_oracle", "pyodbc", "pymssql");

    /** The async driver to use instead, per dialect (the scheme a fix writes). */
    private static final Map<String, String> ASYNC_SCHEMES = Map.of(
            "postgresql", "postgresql+asyncpg", "postgres", "postgresql+asyncpg", "mysql", "mysql+aiomysql",
            "sqlite", "sqlite+aiosqlite", "oracle", "oracle+oracledb_async", "mssql", "mssql+aioodbc");

    /** The URL that {@code str} starts with, or null when its scheme is not in the known text. */
    public static Url of(Value.Str str) {
        String text = str.text();
        int colon = text.indexOf("://");
        if (colon <= 0) {
            if (str.complete() && text.indexOf(':') > 0) {
                return scheme(text.substring(0, text.indexOf(':')), str);
            }
            return null;
        }
        return scheme(text.substring(0, colon), str);
    }

    /** From a {@code drivername} such as {@code postgresql+asyncpg}. */
    public static Url scheme(String scheme, Value.Str source) {
        if (!scheme.matches("[A-Za-z0-9_]+(\\+[A-Za-z0-9_]+)?")) {
            return null;
        }
        int plus = scheme.indexOf('+');
        String dialect = plus < 0 ? scheme : scheme.substring(0, plus);
        String driver = plus < 0 ? null : scheme.substring(plus + 1);
        return new Url(dialect.toLowerCase(java.util.Locale.ROOT), driver == null ? null : driver.toLowerCase(java.util.Locale.ROOT), source);
    }

    public String scheme() {
        return driver == null ? dialect : dialect + "+" + driver;
    }

    /** The driver SQLAlchemy loads: the named one, or the dialect's default. */
    public String effectiveDriver() {
        return driver != null ? driver : DEFAULT_DRIVERS.get(dialect);
    }

    public boolean isAsyncDriver() {
        return driver != null && ASYNC_DRIVERS.contains(driver);
    }

    /** Known to be synchronous: a known dialect with no driver or a known sync driver. */
    public boolean isSyncDriver() {
        if (!DEFAULT_DRIVERS.containsKey(dialect)) {
            return false;
        }
        if (driver == null) {
            return true;
        }
        return SYNC_DRIVERS.contains(driver) && !DUAL_DRIVERS.contains(driver);
    }

    /** The scheme with the dialect's async driver, or null when none is known. */
    public String asyncScheme() {
        return ASYNC_SCHEMES.get(dialect);
    }
}
