package dev.greenlight.analysis;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The names of the libraries' objects that the model knows, by canonical dotted name, and the
 * methods of SQLAlchemy's asyncio objects that return coroutines.
 */
public final class Api {

    public static final String CREATE_ENGINE = "sqlalchemy.create_engine";
    public static final String ENGINE_FROM_CONFIG = "sqlalchemy.engine_from_config";
    public static final String CREATE_ASYNC_ENGINE = "sqlalchemy.ext.asyncio.create_async_engine";
    public static final String ASYNC_ENGINE_FROM_CONFIG = "sqlalchemy.ext.asyncio.async_engine_from_config";
    public static final String ASYNC_ENGINE = "sqlalchemy.ext.asyncio.AsyncEngine";
    public static final String ASYNC_SESSION = "sqlalchemy.ext.asyncio.AsyncSession";
    public static final String ASYNC_SESSIONMAKER = "sqlalchemy.ext.asyncio.async_sessionmaker";
    public static final String ASYNC_SCOPED_SESSION = "sqlalchemy.ext.asyncio.async_scoped_session";
    public static final String ASYNC_CONNECTION = "sqlalchemy.ext.asyncio.AsyncConnection";
    public static final String SESSION = "sqlalchemy.orm.Session";
    public static final String SESSIONMAKER = "sqlalchemy.orm.sessionmaker";
    public static final String SCOPED_SESSION = "sqlalchemy.orm.scoped_session";
    public static final String ENGINE = "sqlalchemy.Engine";
    public static final String CONNECTION = "sqlalchemy.Connection";
    public static final String URL = "sqlalchemy.URL";
    public static final String MAKE_URL = "sqlalchemy.make_url";
    public static final String DEPENDS = "fastapi.Depends";
    public static final String GETENV = "os.getenv";
    public static final String ENVIRON_GET = "os.environ.get";
    public static final String BASE_SETTINGS = "pydantic_settings.BaseSettings";
    public static final String ANNOTATED = "typing.Annotated";
    public static final String OPTIONAL = "typing.Optional";
    public static final String UNION = "typing.Union";
    public static final String ASYNC_CONTEXT_MANAGER = "contextlib.asynccontextmanager";
    public static final String CONTEXT_MANAGER = "contextlib.contextmanager";
    public static final String SELECT = "sqlalchemy.select";
    public static final String DECLARATIVE_BASE = "sqlalchemy.orm.declarative_base";
    public static final String DECLARATIVE_BASE_CLASS = "sqlalchemy.orm.DeclarativeBase";
    public static final String DECLARATIVE_BASE_NO_META = "sqlalchemy.orm.DeclarativeBaseNoMeta";
    public static final String REGISTRY = "sqlalchemy.orm.registry";
    /** An instance of {@code registry}: its {@code mapped} decorator maps a class. */
    public static final String REGISTRY_INSTANCE = "sqlalchemy.orm.registry()";
    public static final String ASYNC_ATTRS = "sqlalchemy.ext.asyncio.AsyncAttrs";
    public static final String RELATIONSHIP = "sqlalchemy.orm.relationship";
    public static final String SQLMODEL = "sqlmodel.SQLModel";
    public static final String SQLMODEL_RELATIONSHIP = "sqlmodel.Relationship";
    public static final String MAPPED = "sqlalchemy.orm.Mapped";
    public static final String MAPPED_COLUMN = "sqlalchemy.orm.mapped_column";
    public static final String COLUMN = "sqlalchemy.Column";
    public static final String DEFERRED = "sqlalchemy.orm.deferred";
    public static final String BACKREF = "sqlalchemy.orm.backref";
    public static final String PYDANTIC_BASE_MODEL = "pydantic.BaseModel";

    private static final Map<String, String> CANONICAL = new HashMap<>();

    static {
        alias(CREATE_ENGINE, "sqlalchemy.engine.create_engine", "sqlalchemy.engine.create.create_engine",
                "sqlmodel.create_engine");
        alias(ENGINE_FROM_CONFIG, "sqlalchemy.engine.engine_from_config", "sqlalchemy.engine.create.engine_from_config");
        alias(CREATE_ASYNC_ENGINE, "sqlalchemy.ext.asyncio.engine.create_async_engine");
        alias(ASYNC_ENGINE_FROM_CONFIG, "sqlalchemy.ext.asyncio.engine.async_engine_from_config");
        alias(ASYNC_ENGINE, "sqlalchemy.ext.asyncio.engine.AsyncEngine");
        alias(ASYNC_CONNECTION, "sqlalchemy.ext.asyncio.engine.AsyncConnection");
        alias(ASYNC_SESSION, "sqlalchemy.ext.asyncio.session.AsyncSession", "sqlmodel.ext.asyncio.session.AsyncSession",
                "sqlmodel.ext.asyncio.AsyncSession");
        alias(ASYNC_SESSIONMAKER, "sqlalchemy.ext.asyncio.session.async_sessionmaker");
        alias(ASYNC_SCOPED_SESSION, "sqlalchemy.ext.asyncio.scoping.async_scoped_session");
        alias(SESSION, "sqlalchemy.orm.session.Session", "sqlmodel.Session", "sqlmodel.orm.session.Session");
        alias(SESSIONMAKER, "sqlalchemy.orm.session.sessionmaker");
        alias(SCOPED_SESSION, "sqlalchemy.orm.scoping.scoped_session");
        alias(ENGINE, "sqlalchemy.engine.Engine", "sqlalchemy.engine.base.Engine");
        alias(CONNECTION, "sqlalchemy.engine.Connection", "sqlalchemy.engine.base.Connection");
        alias(URL, "sqlalchemy.engine.URL", "sqlalchemy.engine.url.URL");
        alias(MAKE_URL, "sqlalchemy.engine.make_url", "sqlalchemy.engine.url.make_url");
        alias(DEPENDS, "fastapi.params.Depends", "fastapi.Security", "fastapi.param_functions.Depends");
        alias(ENVIRON_GET, "os.environ.setdefault");
        alias(BASE_SETTINGS, "pydantic.BaseSettings", "pydantic.v1.BaseSettings");
        alias(ANNOTATED, "typing_extensions.Annotated");
        alias(OPTIONAL, "typing_extensions.Optional");
        alias(UNION, "typing_extensions.Union");
        alias(DECLARATIVE_BASE, "sqlalchemy.ext.declarative.declarative_base", "sqlalchemy.orm.decl_api.declarative_base");
        alias(DECLARATIVE_BASE_CLASS, "sqlalchemy.orm.decl_api.DeclarativeBase");
        alias(ASYNC_ATTRS, "sqlalchemy.ext.asyncio.session.AsyncAttrs");
        alias(RELATIONSHIP, "sqlalchemy.orm.relation", "sqlalchemy.orm.relationships.relationship");
        alias(MAPPED, "sqlalchemy.orm.base.Mapped");
        alias(COLUMN, "sqlalchemy.schema.Column", "sqlalchemy.sql.schema.Column", "sqlmodel.Column");
        alias(SQLMODEL_RELATIONSHIP, "sqlmodel.main.Relationship");
        alias(SQLMODEL, "sqlmodel.main.SQLModel");
        alias(SELECT, "sqlalchemy.sql.select", "sqlalchemy.future.select", "sqlmodel.select");
    }

    private static void alias(String canonical, String... aliases) {
        for (String alias : aliases) {
            CANONICAL.put(alias, canonical);
        }
    }

    private Api() {
    }

    public static String canonical(String dotted) {
        return CANONICAL.getOrDefault(dotted, dotted);
    }

    /** Coroutine methods of {@code AsyncSession}. */
    public static final Set<String> ASYNC_SESSION_COROUTINES = Set.of(
            "commit", "rollback", "close", "aclose", "flush", "refresh", "execute", "scalar", "scalars", "get",
            "get_one", "delete", "merge", "stream", "stream_scalars", "run_sync", "connection", "invalidate",
            "reset");

    /** Coroutine methods of {@code AsyncConnection}. */
    public static final Set<String> ASYNC_CONNECTION_COROUTINES = Set.of(
            "commit", "rollback", "close", "aclose", "execute", "scalar", "scalars", "stream", "stream_scalars",
            "run_sync", "invalidate", "exec_driver_sql", "get_raw_connection", "start");

    /** Coroutine methods of {@code AsyncEngine}. */
    public static final Set<String> ASYNC_ENGINE_COROUTINES = Set.of("dispose");

    /** Coroutine methods of {@code AsyncResult} and its scalar and mapping variants. */
    public static final Set<String> ASYNC_RESULT_COROUTINES = Set.of(
            "all", "fetchall", "fetchone", "fetchmany", "first", "one", "one_or_none", "scalar", "scalar_one",
            "scalar_one_or_none", "partitions", "close");

    /** What each coroutine method fails to do when it is never awaited. */
    private static final Map<String, String> CONSEQUENCES = Map.ofEntries(
            Map.entry("commit", "nothing is committed"),
            Map.entry("rollback", "nothing is rolled back"),
            Map.entry("close", "nothing is closed"),
            Map.entry("aclose", "nothing is closed"),
            Map.entry("flush", "nothing is flushed"),
            Map.entry("refresh", "nothing is refreshed"),
            Map.entry("execute", "the statement is never executed"),
            Map.entry("exec_driver_sql", "the statement is never executed"),
            Map.entry("scalar", "the statement is never executed"),
            Map.entry("scalars", "the statement is never executed"),
            Map.entry("stream", "the statement is never executed"),
            Map.entry("stream_scalars", "the statement is never executed"),
            Map.entry("get", "nothing is loaded"),
            Map.entry("get_one", "nothing is loaded"),
            Map.entry("delete", "nothing is deleted"),
            Map.entry("merge", "nothing is merged"),
            Map.entry("run_sync", "the function is never run"),
            Map.entry("connection", "no connection is acquired"),
            Map.entry("invalidate", "nothing is invalidated"),
            Map.entry("reset", "nothing is reset"),
            Map.entry("dispose", "the connection pool is not disposed"),
            Map.entry("start", "the connection is never started"));

    public static String consequence(String method) {
        return CONSEQUENCES.getOrDefault(method, "nothing is fetched");
    }
}
