package dev.greenlight.rules;

import dev.greenlight.analysis.Scopes;
import dev.greenlight.analysis.Scopes.Scope;
import dev.greenlight.fix.Fix;
import dev.greenlight.fix.TextEdit;
import dev.greenlight.python.ast.AsyncFor;
import dev.greenlight.python.ast.AsyncWith;
import dev.greenlight.python.ast.Attribute;
import dev.greenlight.python.ast.Await;
import dev.greenlight.python.ast.Call;
import dev.greenlight.python.ast.Comprehension;
import dev.greenlight.python.ast.DictComp;
import dev.greenlight.python.ast.Expression;
import dev.greenlight.python.ast.FunctionDef;
import dev.greenlight.python.ast.GeneratorExp;
import dev.greenlight.python.ast.Lambda;
import dev.greenlight.python.ast.ListComp;
import dev.greenlight.python.ast.Name;
import dev.greenlight.python.ast.Node;
import dev.greenlight.python.ast.SetComp;
import dev.greenlight.python.ast.Span;
import dev.greenlight.python.ast.TreeScanner;
import dev.greenlight.python.ast.WithItem;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GL006: {@code await}, {@code async with}, {@code async for} or an asynchronous comprehension in
 * a function that is not {@code async def}. CPython refuses to compile the module, and reports
 * only the first; every one is reported here, each with the fix that makes the function async.
 *
 * <p>Follows the compiler's rules for comprehensions: an {@code await} or {@code async for} in a
 * list, set or dict comprehension makes the comprehension asynchronous, which is then the
 * offending expression (CPython: "asynchronous comprehension outside of an asynchronous
 * function"); a generator expression simply becomes an asynchronous generator, which is valid
 * anywhere. Code at module or class level is not this rule's business: top-level {@code await}
 * is valid in notebooks and in {@code python -m asyncio}.
 */
@RuleInfo(code = "GL006", name = "await-outside-async",
        summary = "`await`, `async with`, `async for` or an async comprehension inside a plain `def`",
        severity = Severity.ERROR, fix = FixAvailability.SOMETIMES)
public final class AwaitOutsideAsync implements Rule {

    /**
     * Decorator methods through which a framework registers a function that it calls itself, and
     * that it awaits when it is a coroutine function: FastAPI/Starlette routes, websockets, event
     * and exception handlers, middleware. Making such a function async changes no caller.
     */
    private static final Set<String> FRAMEWORK_DECORATORS = Set.of(
            "get", "post", "put", "patch", "delete", "head", "options", "trace", "api_route", "route",
            "websocket", "websocket_route", "on_event", "exception_handler", "middleware");

    /** FastAPI's dependency markers: the function given to them is called (and awaited) by FastAPI. */
    private static final Set<String> DEPENDENCY_MARKERS = Set.of("Depends", "Security");

    @Override
    public void register(Checks checks) {
        checks.on(Await.class, this::checkAwait);
        checks.on(AsyncWith.class, this::checkAsyncWith);
        checks.on(AsyncFor.class, this::checkAsyncFor);
        checks.on(ListComp.class, this::checkComprehension);
        checks.on(SetComp.class, this::checkComprehension);
        checks.on(DictComp.class, this::checkComprehension);
    }

    private void checkAwait(Await await, RuleContext context) {
        report(context, Scopes.enclosing(await, context.path()), await::span, "`await`",
                "'await' outside async function");
    }

    private void checkAsyncWith(AsyncWith statement, RuleContext context) {
        int end = statement.span().start();
        for (WithItem item : statement.items()) {
            end = Math.max(end, item.contextExpr().span().end());
            if (item.optionalVars() != null) {
                end = Math.max(end, item.optionalVars().span().end());
            }
        }
        int headerEnd = end;
        report(context, Scopes.enclosing(statement, context.path()), () -> header(context, statement.span(), headerEnd),
                "`async with`", "'async with' outside async function");
    }

    private void checkAsyncFor(AsyncFor statement, RuleContext context) {
        report(context, Scopes.enclosing(statement, context.path()),
                () -> header(context, statement.span(), statement.iter().span().end()),
                "`async for`", "'async for' outside async function");
    }

    private void checkComprehension(Expression comprehension, RuleContext context) {
        if (!isAsynchronous(comprehension)) {
            return;
        }
        // Nested in another list/set/dict comprehension, it makes that one asynchronous, which is
        // reported in its turn; in a generator expression or an async def it is valid.
        report(context, Scopes.enclosing(comprehension, context.path()), comprehension::span,
                "asynchronous comprehension", "asynchronous comprehension outside of an asynchronous function");
    }

    /** {@code where} is asked for only when there is something to report: a header's span needs the line index. */
    private void report(RuleContext context, Scope scope, Supplier<Span> where, String what, String pythonError) {
        if (!(scope.node() instanceof FunctionDef) && !(scope.node() instanceof Lambda)) {
            return;
        }
        Span range = where.get();
        if (scope.node() instanceof FunctionDef def) {
            String message = what + " inside `def " + def.name() + "`, which is not `async def`: "
                    + "the module does not import (SyntaxError: " + pythonError + ")";
            int defKeyword = defKeyword(context.text(), def);
            List<RelatedInformation> related = defKeyword < 0 ? List.of()
                    : List.of(RelatedInformation.here(
                            context.lines().span(defKeyword, defKeyword + "def ".length() + def.name().length()),
                            "`" + def.name() + "` is declared here with plain `def`"));
            context.report(range, message, makeAsync(context, def, defKeyword), related);
        } else if (scope.node() instanceof Lambda) {
            context.report(range, what + " inside a `lambda`, which cannot be async: "
                    + "the module does not import (SyntaxError: " + pythonError + ")");
        }
    }

    /** From the statement's start to {@code end}: {@code async with factory() as db}, not its body. */
    private static Span header(RuleContext context, Span statement, int end) {
        return context.lines().span(statement.start(), Math.max(statement.start(), end));
    }

    private static Fix makeAsync(RuleContext context, FunctionDef def, int defKeyword) {
        if (defKeyword < 0) {
            return null;
        }
        String title = "Make `" + def.name() + "` an `async def`";
        TextEdit edit = TextEdit.insert(defKeyword, "async ");
        FunctionUse use = context.shared(FunctionUse.class, () -> FunctionUse.of(context));
        boolean calledByFramework = isFrameworkRegistered(def) || use.dependencies.contains(def.name());
        boolean calledHere = use.called.contains(def.name());
        return calledByFramework && !calledHere ? Fix.safe(title, edit) : Fix.unsafe(title, edit);
    }

    /** The offset of the {@code def} keyword of {@code def} (after its decorators), or -1. */
    static int defKeyword(String text, FunctionDef def) {
        Matcher matcher = Pattern.compile("\\bdef\\s+" + Pattern.quote(def.name()) + "\\b").matcher(text);
        int from = Math.max(0, Math.min(def.span().start(), text.length()));
        if (matcher.find(from) && matcher.start() < def.span().end()) {
            return matcher.start();
        }
        return -1;
    }

    private static boolean isFrameworkRegistered(FunctionDef def) {
        for (Expression decorator : def.decoratorList()) {
            if (decorator instanceof Call call && call.func() instanceof Attribute attribute
                    && FRAMEWORK_DECORATORS.contains(attribute.attr())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a list, set or dict comprehension is asynchronous: an {@code async for} among its
     * generators, or an {@code await} (or an asynchronous comprehension) in its own scope, which
     * leaves out the first iterable (evaluated outside) and nested lambdas and generator
     * expressions (their own scopes).
     */
    static boolean isAsynchronous(Expression comprehension) {
        List<Comprehension> generators = Scopes.generators(comprehension);
        for (Comprehension generator : generators) {
            if (generator.isAsync() != 0) {
                return true;
            }
        }
        AsyncFinder finder = new AsyncFinder();
        if (comprehension instanceof DictComp dict) {
            finder.scan(dict.key());
            finder.scan(dict.value());
        } else if (comprehension instanceof ListComp list) {
            finder.scan(list.elt());
        } else if (comprehension instanceof SetComp set) {
            finder.scan(set.elt());
        }
        for (int i = 0; i < generators.size(); i++) {
            Comprehension generator = generators.get(i);
            finder.scan(generator.target());
            if (i > 0) {
                finder.scan(generator.iter());
            }
            generator.ifs().forEach(finder::scan);
        }
        return finder.found;
    }

    /** Looks for what makes a comprehension asynchronous, without entering nested scopes. */
    private static final class AsyncFinder extends TreeScanner {

        boolean found;

        void scan(Node node) {
            if (!found && node != null) {
                node.accept(this);
            }
        }

        @Override
        public Void defaultVisit(Node node) {
            if (!found) {
                scanChildren(node);
            }
            return null;
        }

        @Override
        public Void visitAwait(Await node) {
            found = true;
            return null;
        }

        @Override
        public Void visitLambda(Lambda node) {
            scan(node.args());
            return null;
        }

        @Override
        public Void visitGeneratorExp(GeneratorExp node) {
            scanFirstIterable(node.generators());
            return null;
        }

        @Override
        public Void visitListComp(ListComp node) {
            nested(node, node.generators());
            return null;
        }

        @Override
        public Void visitSetComp(SetComp node) {
            nested(node, node.generators());
            return null;
        }

        @Override
        public Void visitDictComp(DictComp node) {
            nested(node, node.generators());
            return null;
        }

        private void nested(Expression comprehension, List<Comprehension> generators) {
            if (isAsynchronous(comprehension)) {
                found = true;
            } else {
                scanFirstIterable(generators);
            }
        }

        private void scanFirstIterable(List<Comprehension> generators) {
            if (!generators.isEmpty()) {
                scan(generators.get(0).iter());
            }
        }
    }

    /**
     * How the module uses its functions by name: which are given to {@code Depends(...)} (FastAPI
     * calls and awaits them) and which are called directly (those callers would get a coroutine).
     */
    private record FunctionUse(Set<String> dependencies, Set<String> called) {

        static FunctionUse of(RuleContext context) {
            Set<String> dependencies = new HashSet<>();
            Set<String> called = new HashSet<>();
            context.module().accept(new TreeScanner() {
                @Override
                public Void visitCall(Call call) {
                    String callee = simpleName(call.func());
                    if (callee != null && DEPENDENCY_MARKERS.contains(callee)) {
                        if (!call.args().isEmpty() && simpleName(call.args().get(0)) != null) {
                            dependencies.add(simpleName(call.args().get(0)));
                        }
                        call.keywords().stream()
                                .filter(keyword -> "dependency".equals(keyword.arg()))
                                .map(keyword -> simpleName(keyword.value()))
                                .filter(java.util.Objects::nonNull)
                                .forEach(dependencies::add);
                    } else if (callee != null) {
                        called.add(callee);
                    }
                    return super.visitCall(call);
                }
            });
            return new FunctionUse(Set.copyOf(dependencies), Set.copyOf(called));
        }

        private static String simpleName(Expression expression) {
            if (expression instanceof Name name) {
                return name.id();
            }
            if (expression instanceof Attribute attribute) {
                return attribute.attr();
            }
            return null;
        }
    }
}
