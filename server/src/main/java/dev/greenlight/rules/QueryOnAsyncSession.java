package dev.greenlight.rules;

import dev.greenlight.analysis.ModuleModel;
import dev.greenlight.analysis.Value;
import dev.greenlight.fix.Applicability;
import dev.greenlight.fix.Fix;
import dev.greenlight.fix.TextEdit;
import dev.greenlight.python.ast.Attribute;
import dev.greenlight.python.ast.Call;
import dev.greenlight.python.ast.Name;
import dev.greenlight.python.ast.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * GL005: the legacy {@code Query} API, {@code session.query(...)}, on an async session, which has
 * no {@code query} attribute. The fix rewrites the chain in 2.0 style:
 * {@code db.query(User).filter(c).all()} becomes
 * {@code (await db.execute(select(User).where(c))).scalars().all()}.
 */
@RuleInfo(code = "GL005", name = "query-on-async-session",
        summary = "Legacy `.query()` called on an async session",
        severity = Severity.ERROR, fix = FixAvailability.SOMETIMES)
public final class QueryOnAsyncSession implements Rule {

    /** Query methods that {@code Select} has too, with the name they have there. */
    private static final Map<String, String> SELECT_METHODS = Map.ofEntries(
            Map.entry("filter", "where"), Map.entry("where", "where"), Map.entry("filter_by", "filter_by"),
            Map.entry("order_by", "order_by"), Map.entry("limit", "limit"), Map.entry("offset", "offset"),
            Map.entry("join", "join"), Map.entry("outerjoin", "outerjoin"), Map.entry("options", "options"),
            Map.entry("group_by", "group_by"), Map.entry("having", "having"), Map.entry("distinct", "distinct"),
            Map.entry("execution_options", "execution_options"), Map.entry("with_for_update", "with_for_update"),
            Map.entry("select_from", "select_from"));

    /** Terminal methods that fetch rows: the result method that replaces them. */
    private static final Set<String> FETCHERS = Set.of("all", "first", "one", "one_or_none");

    @Override
    public void register(Checks checks) {
        checks.on(Call.class, this::check);
    }

    private record Step(String method, Call call) {
    }

    private void check(Call call, RuleContext context) {
        if (!(call.func() instanceof Attribute attribute) || !attribute.attr().equals("query")) {
            return;
        }
        ModuleModel model = SqlSupport.model(context);
        if (!(model.valueOf(attribute.value()) instanceof Value.Session session) || !session.async()) {
            return;
        }
        String receiver = model.source(attribute.value());
        String message = "`" + SqlSupport.describe(model, call) + "` on an `AsyncSession`, which has no legacy `Query` API: "
                + "AttributeError: 'AsyncSession' object has no attribute 'query'";
        context.report(call.span(), message, fix(model, call, receiver));
    }

    private static Fix fix(ModuleModel model, Call query, String receiver) {
        if (!SqlSupport.awaitAllowed(model, query) || query.args().isEmpty() || !query.keywords().isEmpty()) {
            return null;
        }
        List<Step> steps = new ArrayList<>();
        Node node = query;
        while (model.parent(node) instanceof Attribute attribute && attribute.value() == node
                && model.parent(attribute) instanceof Call call && call.func() == attribute) {
            steps.add(new Step(attribute.attr(), call));
            node = call;
        }
        if (steps.isEmpty()) {
            return null;
        }
        Step last = steps.get(steps.size() - 1);
        String entities = argsText(model, query);
        boolean unsafe = false;
        StringBuilder statement = new StringBuilder("select(" + entities + ")");
        for (Step step : steps.subList(0, steps.size() - 1)) {
            String renamed = SELECT_METHODS.get(step.method());
            if (renamed == null) {
                unsafe = true;
                renamed = step.method();
            }
            statement.append('.').append(renamed).append('(').append(argsText(model, step.call())).append(')');
        }
        boolean single = query.args().size() == 1 && query.args().get(0) instanceof Name;
        String replacement;
        List<String> imports = new ArrayList<>(List.of("select"));
        if (FETCHERS.contains(last.method()) && last.call().args().isEmpty()) {
            replacement = "(await " + receiver + ".execute(" + statement + "))" + (single ? ".scalars()" : "")
                    + "." + last.method() + "()";
        } else if (last.method().equals("scalar") && last.call().args().isEmpty()) {
            replacement = "(await " + receiver + ".execute(" + statement + ")).scalar()";
        } else if (last.method().equals("get") && steps.size() == 1 && single && last.call().args().size() == 1) {
            replacement = "await " + receiver + ".get(" + entities + ", " + argsText(model, last.call()) + ")";
            imports.clear();
        } else if (last.method().equals("count") && last.call().args().isEmpty() && single) {
            StringBuilder counted = new StringBuilder("select(func.count()).select_from(" + entities + ")");
            for (Step step : steps.subList(0, steps.size() - 1)) {
                String renamed = SELECT_METHODS.get(step.method());
                if (renamed == null || !Set.of("where", "filter_by", "join", "outerjoin").contains(renamed)) {
                    return null;
                }
                counted.append('.').append(renamed).append('(').append(argsText(model, step.call())).append(')');
            }
            replacement = "await " + receiver + ".scalar(" + counted + ")";
            imports.add("func");
        } else {
            return null;
        }
        Call outer = last.call();
        Node parent = model.parent(outer);
        if (replacement.startsWith("await ") && (parent instanceof Attribute || parent instanceof dev.greenlight.python.ast.Subscript
                || parent instanceof Call c && c.func() == outer)) {
            replacement = "(" + replacement + ")";
        }
        List<TextEdit> edits = new ArrayList<>();
        edits.add(TextEdit.replace(outer.span().start(), outer.span().end(), replacement));
        if (!imports.isEmpty()) {
            edits.add(SqlSupport.importEdit(model, "sqlalchemy", imports.toArray(String[]::new)));
        }
        return new Fix("Rewrite as `" + shorten(replacement) + "`", unsafe ? Applicability.UNSAFE : Applicability.SAFE,
                SqlSupport.merge(edits));
    }

    private static String argsText(ModuleModel model, Call call) {
        if (call.args().isEmpty() && call.keywords().isEmpty()) {
            return "";
        }
        String source = model.source(call);
        String func = model.source(call.func());
        String inner = source.substring(func.length());
        inner = inner.strip();
        return inner.substring(1, inner.length() - 1).strip();
    }

    private static String shorten(String text) {
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() > 80 ? flat.substring(0, 77) + "..." : flat;
    }

}
