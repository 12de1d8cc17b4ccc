package dev.greenlight.rules;

import dev.greenlight.analysis.ModuleModel;
import dev.greenlight.analysis.Scope;
import dev.greenlight.analysis.Scopes;
import dev.greenlight.analysis.Value;
import dev.greenlight.fix.TextEdit;
import dev.greenlight.python.ast.Alias;
import dev.greenlight.python.ast.AsyncFunctionDef;
import dev.greenlight.python.ast.Attribute;
import dev.greenlight.python.ast.Call;
import dev.greenlight.python.ast.ClassDef;
import dev.greenlight.python.ast.Constant;
import dev.greenlight.python.ast.Expr;
import dev.greenlight.python.ast.Expression;
import dev.greenlight.python.ast.FunctionDef;
import dev.greenlight.python.ast.Import;
import dev.greenlight.python.ast.ImportFrom;
import dev.greenlight.python.ast.Located;
import dev.greenlight.python.ast.Name;
import dev.greenlight.python.ast.Node;
import dev.greenlight.python.ast.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What the SQLAlchemy rules share: the module model, names for messages, await and import edits. */
final class SqlSupport {

    private SqlSupport() {
    }

    /** The module's model, built once and shared by every rule. */
    static ModuleModel model(RuleContext context) {
        return context.shared(ModuleModel.class,
                () -> ModuleModel.of(context.source().path(), context.text(), context.module()));
    }

    /** How a message names an expression: its source, shortened when long. */
    static String describe(ModuleModel model, Expression expression) {
        if (expression instanceof Call call) {
            String func = model.source(call.func());
            String inner = call.args().isEmpty() && call.keywords().isEmpty() ? "" : model.source(call).length() > 48 ? "..."
                    : model.source(call).substring(func.length() + 1, model.source(call).length() - 1);
            if (inner.contains("\n")) {
                inner = "...";
            }
            return func + "(" + inner + ")";
        }
        String text = model.source((Located) expression);
        return text.length() > 48 || text.contains("\n") ? text.substring(0, Math.min(text.length(), 40)).split("\n")[0] + "..." : text;
    }

    /** The name of the function whose body {@code node} runs in, for messages ({@code async def x}). */
    static Node function(ModuleModel model, Node node) {
        Scope scope = model.scopeOf(node).function();
        return scope == null ? null : scope.node();
    }

    static String functionName(Node function) {
        if (function instanceof FunctionDef def) {
            return def.name();
        }
        if (function instanceof AsyncFunctionDef def) {
            return def.name();
        }
        return "?";
    }

    /**
     * Whether an {@code await} may be written at {@code node}: in an {@code async def}, or in a
     * list, set or dict comprehension inside one. Not in a generator expression (it would become an
     * async generator), a lambda, a plain def, or at module level.
     */
    static boolean awaitAllowed(ModuleModel model, Node node) {
        for (Scope scope = model.scopeOf(node); scope != null; scope = scope.parent()) {
            switch (scope.kind()) {
                case ASYNC_FUNCTION:
                    return true;
                case COMPREHENSION:
                    continue;
                default:
                    return false;
            }
        }
        return false;
    }

    /** Whether the scope {@code node} runs in is the body of an {@code async def} (comprehensions included). */
    static boolean inAsyncFunction(ModuleModel model, Node node) {
        for (Scope scope = model.scopeOf(node); scope != null; scope = scope.parent()) {
            if (scope.kind() == Scopes.Kind.ASYNC_FUNCTION) {
                return true;
            }
            if (!scope.kind().isComprehension()) {
                return false;
            }
        }
        return false;
    }

    /** The edits that put {@code await} before {@code call}, parenthesised when a chain follows. */
    static List<TextEdit> awaitEdits(ModuleModel model, Call call) {
        Node parent = model.parent(call);
        boolean chained = parent instanceof Attribute attribute && attribute.value() == call
                || parent instanceof dev.greenlight.python.ast.Subscript subscript && subscript.value() == call
                || parent instanceof Call outer && outer.func() == call;
        if (chained) {
            return List.of(TextEdit.insert(call.span().start(), "(await "), TextEdit.insert(call.span().end(), ")"));
        }
        return List.of(TextEdit.insert(call.span().start(), "await "));
    }

    static boolean isDotted(Value value, String name) {
        return value instanceof Value.Dotted dotted && dotted.name().equals(name);
    }

    /** Whether the statement holding {@code node} is an expression statement of exactly it. */
    static boolean isDropped(ModuleModel model, Node node) {
        return model.parent(node) instanceof Expr;
    }

    // ---------------------------------------------------------------- imports

    /**
     * The edit that makes {@code names} importable from {@code module}: extends an existing
     * top-level {@code from module import ...} line, or adds one after the module's imports; null
     * when every name is imported already.
     */
    static TextEdit importEdit(ModuleModel model, String module, String... names) {
        Set<String> missing = new LinkedHashSet<>(List.of(names));
        // A name the module binds already (SQLModel's AsyncSession, an alias) is left as it is.
        missing.removeIf(name -> !model.moduleScope().local(name).isEmpty());
        ImportFrom existing = null;
        for (Statement statement : model.module().body()) {
            if (statement instanceof ImportFrom from && from.level() == 0 && module.equals(from.module())) {
                for (Alias alias : from.names()) {
                    if (alias.asname() == null) {
                        missing.remove(alias.name());
                    }
                }
                if (existing == null && from.names().stream().noneMatch(a -> a.name().equals("*"))) {
                    existing = from;
                }
            }
        }
        if (missing.isEmpty()) {
            return null;
        }
        String joined = String.join(", ", missing);
        if (existing != null) {
            Alias last = existing.names().get(existing.names().size() - 1);
            return TextEdit.insert(last.span().end(), ", " + joined);
        }
        String line = "from " + module + " import " + joined + "\n";
        Statement after = null;
        Statement sqlalchemy = null;
        for (Statement statement : model.module().body()) {
            if (statement instanceof Import || statement instanceof ImportFrom) {
                after = statement;
                if (statement instanceof ImportFrom from && from.module() != null && from.level() == 0
                        && from.module().startsWith(module.split("\\.")[0])) {
                    sqlalchemy = statement;
                }
            } else if (statement instanceof FunctionDef || statement instanceof AsyncFunctionDef
                    || statement instanceof ClassDef) {
                break;
            }
        }
        if (sqlalchemy != null) {
            after = sqlalchemy;
        }
        String text = model.text();
        if (after == null) {
            int at = 0;
            List<Statement> body = model.module().body();
            if (!body.isEmpty() && body.get(0) instanceof Expr doc && doc.value() instanceof Constant c
                    && c.value() instanceof String) {
                at = lineEnd(text, doc.span().end());
            }
            return TextEdit.insert(at, line);
        }
        return TextEdit.insert(lineEnd(text, after.span().end()), line);
    }

    /**
     * The whitespace before {@code statement} on its line, for a line inserted beside it; null when
     * other code stands before it on that line ({@code if x: stmt}), where no line can be added.
     */
    static String indentation(String text, Statement statement) {
        int lineStart = text.lastIndexOf('\n', statement.span().start() - 1) + 1;
        String indent = text.substring(lineStart, statement.span().start());
        return indent.isBlank() ? indent : null;
    }

    /** The offset just after the newline that ends the line containing {@code offset}. */
    static int lineEnd(String text, int offset) {
        int newline = text.indexOf('\n', offset);
        return newline < 0 ? text.length() : newline + 1;
    }

    /** Joins edits that insert at the same offset, so that one fix never holds two of them. */
    static List<TextEdit> merge(List<TextEdit> edits) {
        List<TextEdit> sorted = new ArrayList<>(edits);
        sorted.removeIf(java.util.Objects::isNull);
        sorted.sort(java.util.Comparator.comparingInt(TextEdit::start).thenComparingInt(TextEdit::end));
        List<TextEdit> merged = new ArrayList<>();
        for (TextEdit edit : sorted) {
            if (!merged.isEmpty()) {
                TextEdit last = merged.get(merged.size() - 1);
                if (last.start() == last.end() && edit.start() == edit.end() && last.start() == edit.start()) {
                    merged.set(merged.size() - 1, TextEdit.insert(last.start(), last.replacement() + edit.replacement()));
                    continue;
                }
                if (last.equals(edit)) {
                    continue;
                }
            }
            merged.add(edit);
        }
        return merged;
    }

    /** The simple name of a name or attribute expression ({@code get_db}, {@code deps.get_db}). */
    static String simpleName(Expression expression) {
        if (expression instanceof Name name) {
            return name.id();
        }
        if (expression instanceof Attribute attribute) {
            return attribute.attr();
        }
        return null;
    }
}
