package dev.greenlight.rules;

import dev.greenlight.analysis.Binding;
import dev.greenlight.analysis.ModuleModel;
import dev.greenlight.analysis.Scope;
import dev.greenlight.analysis.Value;
import dev.greenlight.python.ast.Attribute;
import dev.greenlight.python.ast.Call;
import dev.greenlight.python.ast.Expression;
import dev.greenlight.python.ast.Name;
import dev.greenlight.python.ast.Starred;
import dev.greenlight.python.ast.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The relationship loader options of a statement ({@code selectinload(User.addresses)},
 * {@code joinedload(User.orders).selectinload(Order.items)}, {@code raiseload(...)}), as the
 * strategy each relationship path gets. An option it cannot read makes the whole set unknown:
 * the rules then stay silent about the statement's objects.
 */
final class LoaderOptions {

    /** What an option does to the relationship at the end of its path. */
    enum Strategy {
        /** {@code selectinload}, {@code joinedload}, {@code subqueryload}, {@code immediateload}. */
        EAGER,
        /** {@code contains_eager}: populated from the statement's join; forgotten by {@code refresh}. */
        CONTAINS_EAGER,
        /** {@code defaultload}: the relationship's own {@code lazy=} applies. */
        DEFAULT,
        /** {@code lazyload}. */
        LAZY,
        /** {@code raiseload}. */
        RAISE,
        /** {@code noload}. */
        NOLOAD
    }

    /** One relationship path with its strategy and the option expression that sets it. */
    record Entry(List<String> path, Strategy strategy, Expression option) {
    }

    private static final Map<String, Strategy> FUNCTIONS = Map.of(
            "selectinload", Strategy.EAGER, "joinedload", Strategy.EAGER, "subqueryload", Strategy.EAGER,
            "immediateload", Strategy.EAGER, "contains_eager", Strategy.CONTAINS_EAGER, "defaultload", Strategy.DEFAULT,
            "lazyload", Strategy.LAZY, "raiseload", Strategy.RAISE, "noload", Strategy.NOLOAD);

    /** Column options: they leave relationships alone. */
    private static final java.util.Set<String> COLUMN_OPTIONS = java.util.Set.of(
            "load_only", "defer", "undefer", "undefer_group", "with_expression", "with_loader_criteria",
            "selectin_polymorphic");

    private final List<Entry> entries;
    private final boolean understood;

    private LoaderOptions(List<Entry> entries, boolean understood) {
        this.entries = entries;
        this.understood = understood;
    }

    static final LoaderOptions NONE = new LoaderOptions(List.of(), true);
    static final LoaderOptions UNKNOWN = new LoaderOptions(List.of(), false);

    boolean understood() {
        return understood;
    }

    List<Entry> entries() {
        return entries;
    }

    /**
     * The strategy the options give {@code path}, or null when no option names it. A
     * {@code defaultload} (or a path passed through on the way to a deeper hop) leaves the
     * strategy another option sets.
     */
    Entry find(List<String> path) {
        Entry found = null;
        for (Entry entry : entries) {
            if (entry.path().equals(path) && (found == null || entry.strategy() != Strategy.DEFAULT)) {
                found = entry;
            }
        }
        return found;
    }

    /** These options plus the options read from {@code expressions} (arguments of {@code .options()}). */
    LoaderOptions with(ModuleModel model, List<Expression> expressions) {
        if (!understood) {
            return this;
        }
        List<Entry> all = new ArrayList<>(entries);
        for (Expression expression : expressions) {
            List<Expression> spread = expression instanceof Starred starred ? items(model, starred.value()) : List.of(expression);
            if (spread == null) {
                return UNKNOWN;
            }
            for (Expression option : spread) {
                if (!read(model, option, all)) {
                    return UNKNOWN;
                }
            }
        }
        return new LoaderOptions(List.copyOf(all), true);
    }

    /** The items of a list or tuple of options, written out or in a variable bound once to one; else null. */
    static List<Expression> items(ModuleModel model, Expression expression) {
        Expression list = expression instanceof Name name ? boundOnce(model, name) : expression;
        if (list instanceof dev.greenlight.python.ast.List literal) {
            return literal.elts();
        }
        return list instanceof Tuple tuple ? tuple.elts() : null;
    }

    /**
     * The value of a variable assigned exactly once and only ever read as a whole (so
     * {@code loaders.append(...)} or {@code loaders[0] = ...} never changed it), or null.
     */
    private static Expression boundOnce(ModuleModel model, Name name) {
        Scope scope = model.scopeOf(name).resolve(name.id());
        List<Binding> bindings = scope == null ? List.of() : scope.local(name.id());
        if (bindings.size() != 1 || bindings.get(0).kind() != Binding.Kind.ASSIGN) {
            return null;
        }
        for (Name use : model.uses(name.id(), scope)) {
            if (model.parent(use) instanceof Attribute || model.parent(use) instanceof dev.greenlight.python.ast.Subscript) {
                return null;
            }
        }
        return bindings.get(0).value();
    }

    /** Reads one option (a chain of loader calls) into {@code out}; false when it cannot. */
    private static boolean read(ModuleModel model, Expression expression, List<Entry> out) {
        if (expression instanceof Name name && boundOnce(model, name) instanceof Call bound) {
            return read(model, bound, out);
        }
        if (!(expression instanceof Call call)) {
            return false;
        }
        List<String> prefix;
        String function;
        if (call.func() instanceof Attribute method && method.value() instanceof Call inner && FUNCTIONS.containsKey(method.attr())) {
            List<Entry> chain = new ArrayList<>();
            if (!read(model, inner, chain) || chain.isEmpty()) {
                return isLoadRoot(model, inner) && chain.isEmpty() && readCall(method.attr(), List.of(), call, expression, out);
            }
            out.addAll(chain);
            prefix = chain.get(chain.size() - 1).path();
            function = method.attr();
        } else if (model.valueOf(call.func()) instanceof Value.Dotted dotted && dotted.name().startsWith("sqlalchemy.orm.")) {
            function = dotted.name().substring("sqlalchemy.orm.".length());
            if (COLUMN_OPTIONS.contains(function)) {
                return true;
            }
            if (!FUNCTIONS.containsKey(function)) {
                return false;
            }
            prefix = List.of();
        } else {
            return false;
        }
        return readCall(function, prefix, call, expression, out);
    }

    private static boolean isLoadRoot(ModuleModel model, Call call) {
        return model.valueOf(call.func()) instanceof Value.Dotted dotted && dotted.name().equals("sqlalchemy.orm.Load");
    }

    private static boolean readCall(String function, List<String> prefix, Call call, Expression option, List<Entry> out) {
        if (call.args().isEmpty()) {
            return false;
        }
        Strategy strategy = FUNCTIONS.get(function);
        List<String> path = new ArrayList<>(prefix);
        for (int i = 0; i < call.args().size(); i++) {
            String name = relationshipName(call.args().get(i));
            if (name == null) {
                return false;
            }
            path.add(name);
            boolean last = i == call.args().size() - 1;
            out.add(new Entry(List.copyOf(path), last ? strategy : Strategy.DEFAULT, option));
        }
        return true;
    }

    /** {@code User.addresses}, {@code User.addresses.of_type(Special)}: the relationship's name. */
    private static String relationshipName(Expression expression) {
        if (expression instanceof Call call && call.func() instanceof Attribute method && method.attr().equals("of_type")) {
            return relationshipName(method.value());
        }
        return expression instanceof Attribute attribute ? attribute.attr() : null;
    }
}
