package dev.greenlight.rules;

import dev.greenlight.analysis.Inference;
import dev.greenlight.analysis.ModuleModel;
import dev.greenlight.analysis.Scopes;
import dev.greenlight.analysis.Value;
import dev.greenlight.fix.Applicability;
import dev.greenlight.fix.Fix;
import dev.greenlight.fix.TextEdit;
import dev.greenlight.python.ast.AnnAssign;
import dev.greenlight.python.ast.Assign;
import dev.greenlight.python.ast.Attribute;
import dev.greenlight.python.ast.AugAssign;
import dev.greenlight.python.ast.Call;
import dev.greenlight.python.ast.Expr;
import dev.greenlight.python.ast.Expression;
import dev.greenlight.python.ast.Keyword;
import dev.greenlight.python.ast.Name;
import dev.greenlight.python.ast.Node;
import dev.greenlight.python.ast.Return;
import dev.greenlight.python.ast.Statement;
import dev.greenlight.python.ast.Subscript;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * GL104: a synchronous-only API handed an async engine or connection
 * ({@code metadata.create_all(async_engine)}, {@code inspect(async_engine)},
 * {@code Table(..., autoload_with=async_engine)}, {@code pd.read_sql(q, async_engine)}), or, in
 * async code, its {@code .sync_engine} / {@code .sync_connection}, whose IO then runs outside the
 * greenlet that SQLAlchemy's asyncio bridge needs. {@code .sync_engine} elsewhere (event listeners,
 * functions run by {@code run_sync}) is how it is meant to be used and is not reported.
 */
@RuleInfo(code = "GL104", name = "sync-api-on-async-engine",
        summary = "A sync-only API (`create_all`, `inspect`, `autoload_with`, pandas) given an async engine or connection",
        severity = Severity.ERROR, fix = FixAvailability.SOMETIMES)
public final class SyncApiOnAsyncEngine implements Rule {

    private static final Set<String> DDL = Set.of("create_all", "drop_all");
    private static final Set<String> INSPECT = Set.of("sqlalchemy.inspect", "sqlalchemy.inspection.inspect");
    private static final Set<String> PANDAS_READERS = Set.of("pandas.read_sql", "pandas.read_sql_query", "pandas.read_sql_table");
    private static final String LAMBDA_PARAMETER = "sync_conn";

    private enum Api { DDL, REFLECT, INSPECT, AUTOLOAD, PANDAS_READ, PANDAS_WRITE }

    @Override
    public void register(Checks checks) {
        checks.on(Call.class, this::check);
    }

    private void check(Call call, RuleContext context) {
        ModuleModel model = SqlSupport.model(context);
        Api api = null;
        Expression given = null;
        Value callee = model.valueOf(call.func());
        if (call.func() instanceof Attribute method && DDL.contains(method.attr())) {
            api = Api.DDL;
            given = Inference.argument(call, 0, "bind");
        } else if (call.func() instanceof Attribute method && method.attr().equals("reflect")) {
            api = Api.REFLECT;
            given = Inference.argument(call, 0, "bind");
        } else if (callee instanceof Value.Dotted dotted && INSPECT.contains(dotted.name())) {
            api = Api.INSPECT;
            given = Inference.argument(call, 0, "subject");
        } else if (Inference.keyword(call, "autoload_with") != null) {
            api = Api.AUTOLOAD;
            given = Inference.keyword(call, "autoload_with");
        } else if (callee instanceof Value.Dotted dotted && PANDAS_READERS.contains(dotted.name())) {
            api = Api.PANDAS_READ;
            given = Inference.argument(call, 1, "con");
        } else if (call.func() instanceof Attribute method && method.attr().equals("to_sql")
                && !(model.valueOf(method.value()) instanceof Value.ClassValue)) {
            api = Api.PANDAS_WRITE;
            given = Inference.argument(call, 1, "con");
        }
        if (given == null) {
            return;
        }
        Expression owner;
        boolean syncView;
        if (isAsync(model.valueOf(given))) {
            owner = given;
            syncView = false;
        } else if (given instanceof Attribute view && (view.attr().equals("sync_engine") || view.attr().equals("sync_connection"))
                && isAsync(model.valueOf(view.value())) && SqlSupport.inAsyncFunction(model, call)) {
            owner = view.value();
            syncView = true;
        } else {
            return;
        }
        String kind = model.valueOf(owner) instanceof Value.Engine ? "AsyncEngine" : "AsyncConnection";
        String subject = "`" + SqlSupport.describe(model, call) + "`";
        String message;
        if (syncView) {
            message = subject + " runs synchronous IO through `" + model.source(given) + "` inside `async def "
                    + SqlSupport.functionName(SqlSupport.function(model, call)) + "`: raises MissingGreenlet: "
                    + "greenlet_spawn has not been called; can't call await_only() here";
        } else {
            message = subject + " is given the " + kind + " `" + model.source(given) + "`: " + switch (api) {
                case DDL -> "raises AttributeError: '" + kind + "' object has no attribute '_run_ddl_visitor'";
                case REFLECT, INSPECT, AUTOLOAD -> "raises NoInspectionAvailable: Inspection on an " + kind
                        + " is currently not supported";
                case PANDAS_READ, PANDAS_WRITE -> "pandas accepts no " + kind + " (it is not a SQLAlchemy "
                        + "connectable): it warns, treats it as a DBAPI connection and fails with "
                        + pandasFailure(model, call, api, kind);
            };
        }
        message += "; run it with `await conn.run_sync(...)`";
        context.report(call.span(), message, fix(model, call, api, given, owner));
    }

    /**
     * pandas' DBAPI path refuses a query that is not a string before it touches the connection;
     * a string query reaches {@code con.cursor()}.
     */
    private static String pandasFailure(ModuleModel model, Call call, Api api, String kind) {
        String cursor = "AttributeError: '" + kind + "' object has no attribute 'cursor'";
        String notString = "TypeError: Query must be a string unless using sqlalchemy.";
        if (api == Api.PANDAS_WRITE) {
            return cursor;
        }
        boolean table = SqlSupport.isDotted(model.valueOf(call.func()), "pandas.read_sql_table");
        Expression query = Inference.argument(call, 0, table ? "table_name" : "sql");
        if (model.valueOf(query) instanceof Value.Str) {
            return cursor;
        }
        if (query instanceof Call made && model.valueOf(made.func()) instanceof Value.Dotted dotted
                && dotted.name().startsWith("sqlalchemy.")) {
            return notString;
        }
        return notString + " (a `text()` or `select()` query) or " + cursor + " (a string query)";
    }

    private static boolean isAsync(Value value) {
        return value instanceof Value.Engine engine && engine.async()
                || value instanceof Value.Connection connection && connection.async();
    }

    // ---------------------------------------------------------------- the fix

    /**
     * {@code await conn.run_sync(...)}: the DDL method itself for {@code create_all}/{@code drop_all}
     * ({@code run_sync} passes the sync connection first), else a lambda around the expression with
     * the sync connection in place of the async object. On an engine, the statement moves into
     * {@code async with engine.begin() as conn:} ({@code connect()} for reads). Only in the body of
     * an {@code async def}, for a one-line statement; for {@code inspect()} only when a method is
     * called on the inspector at once (an inspector kept for later would outlive its connection).
     */
    private static Fix fix(ModuleModel model, Call call, Api api, Expression given, Expression owner) {
        if (model.scopeOf(call).kind() != Scopes.Kind.ASYNC_FUNCTION
                || !(owner instanceof Name || owner instanceof Attribute attribute && attribute.value() instanceof Name)) {
            return null;
        }
        boolean engine = model.valueOf(owner) instanceof Value.Engine;
        String connection = engine ? freshName(model, call) : model.source(owner);
        if (connection == null) {
            return null;
        }
        Expression replaced;
        String runSync;
        if (api == Api.DDL || api == Api.REFLECT) {
            if (!isFirstArgument(call, given)) {
                return null;
            }
            replaced = call;
            List<String> rest = new ArrayList<>();
            call.args().stream().filter(a -> a != given).forEach(a -> rest.add(model.source(a)));
            for (Keyword keyword : call.keywords()) {
                if (keyword.value() != given) {
                    rest.add(model.source(keyword));
                }
            }
            runSync = model.source(call.func()) + (rest.isEmpty() ? "" : ", " + String.join(", ", rest));
        } else {
            replaced = call;
            if (api == Api.INSPECT) {
                if (!(model.parent(call) instanceof Attribute method && model.parent(method) instanceof Call chained
                        && chained.func() == method)) {
                    return null;
                }
                replaced = chained;
            }
            String text = model.source(replaced);
            int from = given.span().start() - replaced.span().start();
            int to = given.span().end() - replaced.span().start();
            if ((text.substring(0, from) + text.substring(to)).contains(LAMBDA_PARAMETER) || text.contains("\n")) {
                return null;
            }
            runSync = "lambda " + LAMBDA_PARAMETER + ": " + text.substring(0, from) + LAMBDA_PARAMETER + text.substring(to);
        }
        String awaited = "await " + connection + ".run_sync(" + runSync + ")";
        Node parent = model.parent(replaced);
        if (parent instanceof Attribute || parent instanceof Subscript || parent instanceof Call outer && outer.func() == replaced) {
            awaited = "(" + awaited + ")";
        }
        Applicability applicability = api == Api.PANDAS_READ || api == Api.PANDAS_WRITE
                ? Applicability.UNSAFE : Applicability.SAFE;
        String title = "Run it with `" + connection + ".run_sync(...)`";
        if (!engine) {
            return new Fix(title, applicability,
                    List.of(TextEdit.replace(replaced.span().start(), replaced.span().end(), awaited)));
        }
        Statement statement = statementOf(model, replaced);
        if (statement == null || statement.span().lineno() != statement.span().endLineno()) {
            return null;
        }
        String text = model.text();
        String indent = SqlSupport.indentation(text, statement);
        if (indent == null) {
            return null;
        }
        String opener = api == Api.DDL || api == Api.PANDAS_WRITE ? "begin" : "connect";
        String body = text.substring(statement.span().start(), replaced.span().start()) + awaited
                + text.substring(replaced.span().end(), statement.span().end());
        String block = "async with " + model.source(owner) + "." + opener + "() as " + connection + ":\n"
                + indent + "    " + body;
        return new Fix(title, applicability,
                List.of(TextEdit.replace(statement.span().start(), statement.span().end(), block)));
    }

    private static boolean isFirstArgument(Call call, Expression given) {
        return !call.args().isEmpty() && call.args().get(0) == given
                || call.keywords().stream().anyMatch(k -> "bind".equals(k.arg()) && k.value() == given);
    }

    /** The simple statement that holds {@code node}, or null when it is a compound one. */
    private static Statement statementOf(ModuleModel model, Node node) {
        for (Node at = model.parent(node); at != null; at = model.parent(at)) {
            if (at instanceof Statement statement) {
                return statement instanceof Expr || statement instanceof Assign || statement instanceof AnnAssign
                        || statement instanceof AugAssign || statement instanceof Return ? statement : null;
            }
        }
        return null;
    }

    /** A name for the connection that the function does not use yet. */
    private static String freshName(ModuleModel model, Node at) {
        for (String name : List.of("conn", "connection", "db_conn")) {
            if (model.scopeOf(at).resolve(name) == null) {
                return name;
            }
        }
        return null;
    }
}
