package dev.greenlight.python.parse;

import dev.greenlight.python.antlr.PythonParser;
import dev.greenlight.python.antlr.PythonParser.*;
import dev.greenlight.python.ast.Alias;
import dev.greenlight.python.ast.AnnAssign;
import dev.greenlight.python.ast.Arg;
import dev.greenlight.python.ast.Arguments;
import dev.greenlight.python.ast.Assert;
import dev.greenlight.python.ast.Assign;
import dev.greenlight.python.ast.AsyncFor;
import dev.greenlight.python.ast.AsyncFunctionDef;
import dev.greenlight.python.ast.AsyncWith;
import dev.greenlight.python.ast.Attribute;
import dev.greenlight.python.ast.AugAssign;
import dev.greenlight.python.ast.Await;
import dev.greenlight.python.ast.BinOp;
import dev.greenlight.python.ast.BoolOp;
import dev.greenlight.python.ast.Boolop;
import dev.greenlight.python.ast.Break;
import dev.greenlight.python.ast.Call;
import dev.greenlight.python.ast.ClassDef;
import dev.greenlight.python.ast.Cmpop;
import dev.greenlight.python.ast.Compare;
import dev.greenlight.python.ast.Comprehension;
import dev.greenlight.python.ast.Constant;
import dev.greenlight.python.ast.Continue;
import dev.greenlight.python.ast.Delete;
import dev.greenlight.python.ast.Dict;
import dev.greenlight.python.ast.DictComp;
import dev.greenlight.python.ast.ExceptHandler;
import dev.greenlight.python.ast.Expr;
import dev.greenlight.python.ast.ExprContext;
import dev.greenlight.python.ast.Expression;
import dev.greenlight.python.ast.For;
import dev.greenlight.python.ast.FormattedValue;
import dev.greenlight.python.ast.FunctionDef;
import dev.greenlight.python.ast.GeneratorExp;
import dev.greenlight.python.ast.Global;
import dev.greenlight.python.ast.If;
import dev.greenlight.python.ast.IfExp;
import dev.greenlight.python.ast.Imaginary;
import dev.greenlight.python.ast.Import;
import dev.greenlight.python.ast.ImportFrom;
import dev.greenlight.python.ast.JoinedStr;
import dev.greenlight.python.ast.Keyword;
import dev.greenlight.python.ast.Lambda;
import dev.greenlight.python.ast.ListComp;
import dev.greenlight.python.ast.Match;
import dev.greenlight.python.ast.MatchAs;
import dev.greenlight.python.ast.MatchCase;
import dev.greenlight.python.ast.MatchClass;
import dev.greenlight.python.ast.MatchMapping;
import dev.greenlight.python.ast.MatchOr;
import dev.greenlight.python.ast.MatchSequence;
import dev.greenlight.python.ast.MatchSingleton;
import dev.greenlight.python.ast.MatchStar;
import dev.greenlight.python.ast.MatchValue;
import dev.greenlight.python.ast.Name;
import dev.greenlight.python.ast.NamedExpr;
import dev.greenlight.python.ast.Nonlocal;
import dev.greenlight.python.ast.Operator;
import dev.greenlight.python.ast.ParamSpec;
import dev.greenlight.python.ast.Pass;
import dev.greenlight.python.ast.Pattern;
import dev.greenlight.python.ast.Raise;
import dev.greenlight.python.ast.Return;
import dev.greenlight.python.ast.SetComp;
import dev.greenlight.python.ast.Singleton;
import dev.greenlight.python.ast.Slice;
import dev.greenlight.python.ast.Span;
import dev.greenlight.python.ast.Starred;
import dev.greenlight.python.ast.Statement;
import dev.greenlight.python.ast.Subscript;
import dev.greenlight.python.ast.Try;
import dev.greenlight.python.ast.TryStar;
import dev.greenlight.python.ast.Tuple;
import dev.greenlight.python.ast.TypeAlias;
import dev.greenlight.python.ast.TypeParam;
import dev.greenlight.python.ast.TypeVar;
import dev.greenlight.python.ast.TypeVarTuple;
import dev.greenlight.python.ast.Unaryop;
import dev.greenlight.python.ast.UnaryOp;
import dev.greenlight.python.ast.While;
import dev.greenlight.python.ast.With;
import dev.greenlight.python.ast.WithItem;
import dev.greenlight.python.ast.Yield;
import dev.greenlight.python.ast.YieldFrom;
import java.math.BigInteger;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Turns a parse tree of {@code PythonParser.g4} into the typed AST, with CPython's positions, and
 * performs the checks that the grammar leaves wide on purpose (assignment targets, argument and
 * parameter order), reporting them with CPython's messages.
 */
final class AstBuilder {

    private final SourceMap source;
    private final List<SyntaxError> errors;

    AstBuilder(SourceMap source, List<SyntaxError> errors) {
        this.source = source;
        this.errors = errors;
    }

    // -----------------------------------------------------------------------------------------
    // Positions

    private Span span(Token first, Token last) {
        int end = last.getStopIndex() + 1;
        int start = first.getStartIndex();
        return source.span(start, Math.max(start, end));
    }

    private Span span(ParserRuleContext ctx) {
        return span(ctx.start, ctx.stop);
    }

    /**
     * The last token of a compound statement that CPython counts: NEWLINE, INDENT and DEDENT do
     * not, but a trailing ';' of the last simple statement does.
     */
    private static Token lastSignificant(ParserRuleContext ctx) {
        for (int i = ctx.getChildCount() - 1; i >= 0; i--) {
            ParseTree child = ctx.getChild(i);
            if (child instanceof TerminalNode terminal) {
                int type = terminal.getSymbol().getType();
                if (type != PythonParser.NEWLINE && type != PythonParser.INDENT && type != PythonParser.DEDENT
                        && type != Token.EOF) {
                    return terminal.getSymbol();
                }
            } else {
                Token found = lastSignificant((ParserRuleContext) child);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** The span of a compound statement (or clause) from {@code first} to its last significant token. */
    private Span compoundSpan(Token first, ParserRuleContext ctx) {
        return span(first, lastSignificant(ctx));
    }

    private void error(String message, Span where) {
        errors.add(new SyntaxError(message, where));
    }

    private void error(String message, ParserRuleContext where) {
        error(message, span(where));
    }

    // -----------------------------------------------------------------------------------------
    // Statements

    void statement(StatementContext ctx, List<Statement> out) {
        if (ctx.compoundStmt() != null) {
            out.add(compound(ctx.compoundStmt()));
        } else {
            simpleStatements(ctx.simpleStmts(), out);
        }
    }

    private void simpleStatements(SimpleStmtsContext ctx, List<Statement> out) {
        for (SimpleStmtContext simple : ctx.simpleStmt()) {
            out.add(simple(simple));
        }
    }

    private List<Statement> block(BlockContext ctx) {
        List<Statement> body = new ArrayList<>();
        if (ctx.simpleStmts() != null) {
            simpleStatements(ctx.simpleStmts(), body);
        } else {
            for (StatementContext statement : ctx.statement()) {
                statement(statement, body);
            }
        }
        return body;
    }

    private Statement simple(SimpleStmtContext ctx) {
        ParseTree child = ctx.getChild(0);
        Span span = span(ctx);
        if (child instanceof ExprStmtContext e) {
            return exprStmt(e);
        } else if (child instanceof ReturnStmtContext r) {
            return new Return(r.starExpressions() == null ? null : starExpressions(r.starExpressions()), span);
        } else if (child instanceof ImportNameContext i) {
            return importName(i);
        } else if (child instanceof ImportFromContext i) {
            return importFrom(i);
        } else if (child instanceof RaiseStmtContext r) {
            List<ExpressionContext> parts = r.expression();
            return new Raise(parts.isEmpty() ? null : expression(parts.get(0)),
                    parts.size() < 2 ? null : expression(parts.get(1)), span);
        } else if (child instanceof DelStmtContext d) {
            List<Expression> targets = new ArrayList<>();
            for (TargetContext target : d.targetList().target()) {
                targets.add(asTarget(target(target), ExprContext.Del, target));
            }
            return new Delete(targets, span);
        } else if (child instanceof AssertStmtContext a) {
            List<ExpressionContext> parts = a.expression();
            return new Assert(expression(parts.get(0)), parts.size() < 2 ? null : expression(parts.get(1)), span);
        } else if (child instanceof GlobalStmtContext g) {
            return new Global(names(g.name()), span);
        } else if (child instanceof NonlocalStmtContext n) {
            return new Nonlocal(names(n.name()), span);
        } else if (child instanceof TypeAliasContext t) {
            NameContext name = t.name();
            return new TypeAlias(new Name(identifier(name), ExprContext.Store, span(name)), typeParams(t.typeParams()),
                    expression(t.expression()), span);
        }
        int type = ((TerminalNode) child).getSymbol().getType();
        return switch (type) {
            case PythonParser.PASS -> new Pass(span);
            case PythonParser.BREAK -> new Break(span);
            default -> new Continue(span);
        };
    }

    private List<String> names(List<NameContext> names) {
        List<String> out = new ArrayList<>(names.size());
        for (NameContext name : names) {
            out.add(identifier(name));
        }
        return out;
    }

    private Statement exprStmt(ExprStmtContext ctx) {
        Span span = span(ctx);
        List<TestOrYieldContext> parts = ctx.testOrYield();
        TestOrYieldContext first = parts.get(0);
        if (ctx.annotation != null) {
            Expression target = testOrYield(first);
            boolean parenthesized = first.start.getType() == PythonParser.LPAR;
            if (target instanceof Tuple) {
                error("only single target (not tuple) can be annotated", first);
            } else if (target instanceof dev.greenlight.python.ast.List) {
                error("only single target (not list) can be annotated", first);
            } else if (!(target instanceof Name || target instanceof Attribute || target instanceof Subscript)) {
                error("illegal target for annotation", first);
            }
            int simple = target instanceof Name && !parenthesized ? 1 : 0;
            return new AnnAssign(withContext(target, ExprContext.Store), expression(ctx.annotation),
                    ctx.annotatedValue == null ? null : testOrYield(ctx.annotatedValue), simple, span);
        }
        if (ctx.augassign() != null) {
            Expression target = testOrYield(first);
            if (!(target instanceof Name || target instanceof Attribute || target instanceof Subscript)) {
                error("'" + describe(target) + "' is an illegal expression for augmented assignment", first);
            }
            return new AugAssign(withContext(target, ExprContext.Store), augmentedOperator(ctx.augassign().start),
                    testOrYield(ctx.augValue), span);
        }
        if (parts.size() == 1) {
            return new Expr(testOrYield(first), span);
        }
        List<Expression> targets = new ArrayList<>(parts.size() - 1);
        for (int i = 0; i < parts.size() - 1; i++) {
            targets.add(asTarget(testOrYield(parts.get(i)), ExprContext.Store, parts.get(i)));
        }
        return new Assign(targets, testOrYield(parts.get(parts.size() - 1)), null, span);
    }

    private Statement importName(ImportNameContext ctx) {
        List<Alias> names = new ArrayList<>();
        for (DottedAsNameContext item : ctx.dottedAsName()) {
            names.add(new Alias(dotted(item.dottedName()), item.name() == null ? null : identifier(item.name()),
                    span(item)));
        }
        return new Import(names, span(ctx));
    }

    private Statement importFrom(ImportFromContext ctx) {
        int level = 0;
        for (int i = 1; i < ctx.getChildCount(); i++) {
            if (!(ctx.getChild(i) instanceof TerminalNode terminal)) {
                break;
            }
            int type = terminal.getSymbol().getType();
            if (type == PythonParser.DOT) {
                level += 1;
            } else if (type == PythonParser.ELLIPSIS) {
                level += 3;
            } else {
                break;
            }
        }
        String module = ctx.dottedName() == null ? null : dotted(ctx.dottedName());
        ImportTargetsContext targets = ctx.importTargets();
        List<Alias> names = new ArrayList<>();
        if (targets.STAR() != null) {
            names.add(new Alias("*", null, span(targets.STAR().getSymbol(), targets.STAR().getSymbol())));
        } else {
            if (targets.LPAR() == null && targets.COMMA().size() >= targets.importAsName().size()) {
                error("trailing comma not allowed without surrounding parentheses", targets);
            }
            for (ImportAsNameContext item : targets.importAsName()) {
                List<NameContext> parts = item.name();
                names.add(new Alias(identifier(parts.get(0)), parts.size() > 1 ? identifier(parts.get(1)) : null,
                        span(item)));
            }
        }
        return new ImportFrom(module, names, level, span(ctx));
    }

    private String dotted(DottedNameContext ctx) {
        List<NameContext> parts = ctx.name();
        if (parts.size() == 1) {
            return identifier(parts.get(0));
        }
        StringBuilder out = new StringBuilder();
        for (NameContext part : parts) {
            if (out.length() > 0) {
                out.append('.');
            }
            out.append(identifier(part));
        }
        return out.toString();
    }

    private Statement compound(CompoundStmtContext ctx) {
        ParseTree child = ctx.getChild(0);
        if (child instanceof FunctionDefContext f) {
            return functionDef(f, List.of());
        } else if (child instanceof IfStmtContext i) {
            return ifStmt(i);
        } else if (child instanceof ClassDefContext c) {
            return classDef(c, List.of());
        } else if (child instanceof DecoratedContext d) {
            List<Expression> decorators = new ArrayList<>();
            for (DecoratorContext decorator : d.decorator()) {
                decorators.add(namedExpression(decorator.namedExpression()));
            }
            return d.classDef() != null ? classDef(d.classDef(), decorators) : functionDef(d.functionDef(), decorators);
        } else if (child instanceof WithStmtContext w) {
            return withStmt(w);
        } else if (child instanceof ForStmtContext f) {
            return forStmt(f);
        } else if (child instanceof TryStmtContext t) {
            return tryStmt(t);
        } else if (child instanceof WhileStmtContext w) {
            List<Statement> body = block(w.block());
            List<Statement> orelse = w.elseBlock() == null ? List.of() : block(w.elseBlock().block());
            return new While(namedExpression(w.namedExpression()), body, orelse, compoundSpan(w.start, w));
        }
        return matchStmt((MatchStmtContext) child);
    }

    private Statement functionDef(FunctionDefContext ctx, List<Expression> decorators) {
        List<TypeParam> typeParams = typeParams(ctx.typeParams());
        Arguments args = ctx.parameters() == null ? emptyArguments() : parameters(ctx.parameters());
        Expression returns = ctx.expression() == null ? null : expression(ctx.expression());
        List<Statement> body = block(ctx.block());
        Span span = compoundSpan(ctx.start, ctx);
        String name = identifier(ctx.name());
        if (ctx.ASYNC() != null) {
            return new AsyncFunctionDef(name, args, body, decorators, returns, null, typeParams, span);
        }
        return new FunctionDef(name, args, body, decorators, returns, null, typeParams, span);
    }

    private Statement classDef(ClassDefContext ctx, List<Expression> decorators) {
        List<TypeParam> typeParams = typeParams(ctx.typeParams());
        List<Expression> bases = new ArrayList<>();
        List<Keyword> keywords = new ArrayList<>();
        if (ctx.arguments() != null) {
            callArguments(ctx.arguments(), null, bases, keywords);
        }
        List<Statement> body = block(ctx.block());
        return new ClassDef(identifier(ctx.name()), bases, keywords, body, decorators, typeParams,
                compoundSpan(ctx.start, ctx));
    }

    private Statement ifStmt(IfStmtContext ctx) {
        List<Statement> orelse = ctx.elseBlock() == null ? List.of() : block(ctx.elseBlock().block());
        List<ElifClauseContext> elifs = ctx.elifClause();
        for (int i = elifs.size() - 1; i >= 0; i--) {
            ElifClauseContext elif = elifs.get(i);
            List<Statement> body = block(elif.block());
            Statement nested = new If(namedExpression(elif.namedExpression()), body, orelse,
                    compoundSpan(elif.start, ctx));
            orelse = List.of(nested);
        }
        List<Statement> body = block(ctx.block());
        return new If(namedExpression(ctx.namedExpression()), body, orelse, compoundSpan(ctx.start, ctx));
    }

    private Statement forStmt(ForStmtContext ctx) {
        Expression target = targetList(ctx.targetList(), ExprContext.Store);
        Expression iter = starExpressions(ctx.starExpressions());
        List<Statement> body = block(ctx.block());
        List<Statement> orelse = ctx.elseBlock() == null ? List.of() : block(ctx.elseBlock().block());
        Span span = compoundSpan(ctx.start, ctx);
        if (ctx.ASYNC() != null) {
            return new AsyncFor(target, iter, body, orelse, null, span);
        }
        return new For(target, iter, body, orelse, null, span);
    }

    private Statement withStmt(WithStmtContext ctx) {
        List<WithItem> items = new ArrayList<>();
        for (WithItemContext item : ctx.withItem()) {
            Expression vars = item.target() == null ? null
                    : asTarget(target(item.target()), ExprContext.Store, item.target());
            items.add(new WithItem(expression(item.expression()), vars));
        }
        List<Statement> body = block(ctx.block());
        Span span = compoundSpan(ctx.start, ctx);
        if (ctx.ASYNC() != null) {
            return new AsyncWith(items, body, null, span);
        }
        return new With(items, body, null, span);
    }

    private Statement tryStmt(TryStmtContext ctx) {
        List<Statement> body = block(ctx.block());
        List<ExceptHandler> handlers = new ArrayList<>();
        int starred = 0;
        for (ExceptClauseContext clause : ctx.exceptClause()) {
            if (clause.STAR() != null) {
                starred++;
                if (clause.expression() == null) {
                    error("expected one or more exception types", clause);
                }
            }
            List<Statement> handlerBody = block(clause.block());
            handlers.add(new ExceptHandler(clause.expression() == null ? null : expression(clause.expression()),
                    clause.name() == null ? null : identifier(clause.name()), handlerBody,
                    compoundSpan(clause.start, clause)));
        }
        if (starred > 0 && starred < handlers.size()) {
            error("cannot have both 'except' and 'except*' on the same 'try'", ctx);
        }
        List<Statement> orelse = ctx.elseBlock() == null ? List.of() : block(ctx.elseBlock().block());
        List<Statement> finalbody = ctx.finallyBlock() == null ? List.of() : block(ctx.finallyBlock().block());
        Span span = compoundSpan(ctx.start, ctx);
        if (starred > 0) {
            return new TryStar(body, handlers, orelse, finalbody, span);
        }
        return new Try(body, handlers, orelse, finalbody, span);
    }

    private Statement matchStmt(MatchStmtContext ctx) {
        Expression subject = testList(ctx.subject);
        List<MatchCase> cases = new ArrayList<>();
        for (CaseBlockContext caseBlock : ctx.caseBlock()) {
            List<Statement> body = block(caseBlock.block());
            cases.add(new MatchCase(patterns(caseBlock.patterns()),
                    caseBlock.guard == null ? null : namedExpression(caseBlock.guard), body));
        }
        return new Match(subject, cases, compoundSpan(ctx.start, ctx));
    }

    // -----------------------------------------------------------------------------------------
    // Patterns

    private Pattern patterns(PatternsContext ctx) {
        List<StarPatternContext> items = ctx.starPattern();
        if (items.size() == 1 && ctx.COMMA().isEmpty()) {
            StarPatternContext only = items.get(0);
            if (only.STAR() != null) {
                error("invalid syntax", only);
            }
            return starPattern(only);
        }
        return new MatchSequence(starPatterns(items), span(ctx));
    }

    private List<Pattern> starPatterns(List<StarPatternContext> items) {
        List<Pattern> out = new ArrayList<>(items.size());
        boolean seenStar = false;
        for (StarPatternContext item : items) {
            if (item.STAR() != null) {
                if (seenStar) {
                    error("multiple starred names in sequence pattern", item);
                }
                seenStar = true;
            }
            out.add(starPattern(item));
        }
        return out;
    }

    private Pattern starPattern(StarPatternContext ctx) {
        if (ctx.STAR() != null) {
            String name = identifier(ctx.name());
            return new MatchStar("_".equals(name) ? null : name, span(ctx));
        }
        return pattern(ctx.pattern());
    }

    private Pattern pattern(PatternContext ctx) {
        Pattern inner = orPattern(ctx.orPattern());
        if (ctx.AS() == null) {
            return inner;
        }
        String name = identifier(ctx.name());
        if ("_".equals(name)) {
            error("cannot use '_' as a target", ctx.name());
        }
        return new MatchAs(inner, name, span(ctx));
    }

    private Pattern orPattern(OrPatternContext ctx) {
        List<ClosedPatternContext> alternatives = ctx.closedPattern();
        if (alternatives.size() == 1) {
            return closedPattern(alternatives.get(0));
        }
        List<Pattern> patterns = new ArrayList<>(alternatives.size());
        for (ClosedPatternContext alternative : alternatives) {
            patterns.add(closedPattern(alternative));
        }
        return new MatchOr(patterns, span(ctx));
    }

    private Pattern closedPattern(ClosedPatternContext ctx) {
        Span span = span(ctx);
        if (ctx.literalPattern() != null) {
            LiteralPatternContext literal = ctx.literalPattern();
            int type = literal.start.getType();
            if (literal.strings() == null && literal.signedNumber() == null) {
                Object value = type == PythonParser.NONE ? Singleton.NONE : Boolean.valueOf(type == PythonParser.TRUE);
                return new MatchSingleton(value, span);
            }
            return new MatchValue(literalPatternValue(literal), span);
        }
        if (ctx.nameOrAttr() != null) {
            NameOrAttrContext nameOrAttr = ctx.nameOrAttr();
            if (ctx.LPAR() == null) {
                if (nameOrAttr.name().size() == 1) {
                    String name = identifier(nameOrAttr.name(0));
                    return new MatchAs(null, "_".equals(name) ? null : name, span);
                }
                return new MatchValue(nameOrAttr(nameOrAttr), span);
            }
            List<Pattern> patterns = new ArrayList<>();
            List<String> kwdAttrs = new ArrayList<>();
            List<Pattern> kwdPatterns = new ArrayList<>();
            if (ctx.classPatternArgs() != null) {
                for (ClassPatternArgContext arg : ctx.classPatternArgs().classPatternArg()) {
                    if (arg.EQUAL() != null) {
                        kwdAttrs.add(identifier(arg.name()));
                        kwdPatterns.add(pattern(arg.pattern()));
                    } else {
                        if (!kwdAttrs.isEmpty()) {
                            error("positional patterns follow keyword patterns", arg);
                        }
                        patterns.add(pattern(arg.pattern()));
                    }
                }
            }
            return new MatchClass(nameOrAttr(nameOrAttr), patterns, kwdAttrs, kwdPatterns, span);
        }
        if (ctx.LBRACE() != null) {
            List<Expression> keys = new ArrayList<>();
            List<Pattern> patterns = new ArrayList<>();
            String rest = null;
            for (MappingItemContext item : ctx.mappingItem()) {
                if (rest != null) {
                    error("invalid syntax", item);
                }
                if (item.DOUBLESTAR() != null) {
                    rest = identifier(item.name());
                    continue;
                }
                keys.add(item.literalPattern() != null ? literalPatternValue(item.literalPattern())
                        : nameOrAttr(item.nameOrAttr()));
                patterns.add(pattern(item.pattern()));
            }
            return new MatchMapping(keys, patterns, rest, span);
        }
        List<StarPatternContext> items = ctx.starPattern();
        if (ctx.LPAR() != null && items.size() == 1 && ctx.COMMA().isEmpty() && items.get(0).STAR() == null) {
            return pattern(items.get(0).pattern());
        }
        return new MatchSequence(starPatterns(items), span);
    }

    private Expression literalPatternValue(LiteralPatternContext ctx) {
        if (ctx.strings() != null) {
            Expression value = strings(ctx.strings());
            if (value instanceof JoinedStr) {
                error("patterns may only match literals and attribute lookups", ctx);
            }
            return value;
        }
        int type = ctx.start.getType();
        if (ctx.signedNumber() == null) {
            Object value = type == PythonParser.NONE ? Singleton.NONE : Boolean.valueOf(type == PythonParser.TRUE);
            return new Constant(value, null, span(ctx));
        }
        SignedNumberContext signed = ctx.signedNumber();
        Token number = signed.NUMBER().getSymbol();
        Expression left = new Constant(number(number), null, span(number, number));
        if (signed.MINUS() != null) {
            left = new UnaryOp(Unaryop.USub, left, span(signed));
        }
        if (ctx.NUMBER() == null) {
            return left;
        }
        Token imaginary = ctx.NUMBER().getSymbol();
        Object imag = number(imaginary);
        if (!(imag instanceof Imaginary)) {
            error("imaginary number required in complex literal", span(imaginary, imaginary));
        }
        Operator op = ctx.PLUS() != null ? Operator.Add : Operator.Sub;
        return new BinOp(left, op, new Constant(imag, null, span(imaginary, imaginary)), span(ctx));
    }

    private Expression nameOrAttr(NameOrAttrContext ctx) {
        List<NameContext> parts = ctx.name();
        NameContext first = parts.get(0);
        Expression value = new Name(identifier(first), ExprContext.Load, span(first));
        for (int i = 1; i < parts.size(); i++) {
            value = new Attribute(value, identifier(parts.get(i)), ExprContext.Load, span(ctx.start, parts.get(i).stop));
        }
        return value;
    }

    // -----------------------------------------------------------------------------------------
    // Type parameters, parameters

    private List<TypeParam> typeParams(TypeParamsContext ctx) {
        if (ctx == null) {
            return List.of();
        }
        List<TypeParam> out = new ArrayList<>();
        for (TypeParamContext param : ctx.typeParam()) {
            String name = identifier(param.name());
            Span span = span(param);
            if (param.STAR() != null) {
                out.add(new TypeVarTuple(name, param.defaultStar == null ? null : starExpression(param.defaultStar), span));
            } else if (param.DOUBLESTAR() != null) {
                out.add(new ParamSpec(name, param.defaultValue == null ? null : expression(param.defaultValue), span));
            } else {
                out.add(new TypeVar(name, param.bound == null ? null : expression(param.bound),
                        param.defaultValue == null ? null : expression(param.defaultValue), span));
            }
        }
        return out;
    }

    private static Arguments emptyArguments() {
        return new Arguments(List.of(), List.of(), null, List.of(), List.of(), null, List.of());
    }

    /** Collects parameters in their order, enforcing Python's rules for where each kind may stand. */
    private final class ParameterCollector {
        final List<Arg> posonly = new ArrayList<>();
        final List<Arg> args = new ArrayList<>();
        final List<Arg> kwonly = new ArrayList<>();
        final List<Expression> kwDefaults = new ArrayList<>();
        final List<Expression> defaults = new ArrayList<>();
        Arg vararg;
        Arg kwarg;
        boolean seenSlash;
        boolean seenStar;
        boolean bareStar;

        void slash(ParserRuleContext where) {
            if (seenSlash) {
                error("/ may appear only once", where);
            } else if (seenStar) {
                error("/ must be ahead of *", where);
            } else if (args.isEmpty()) {
                error("at least one argument must precede /", where);
            }
            seenSlash = true;
            posonly.addAll(args);
            args.clear();
        }

        void star(Arg arg, ParserRuleContext where) {
            if (seenStar) {
                error("* argument may appear only once", where);
            }
            if (kwarg != null) {
                error("arguments cannot follow var-keyword argument", where);
            }
            seenStar = true;
            bareStar = arg == null;
            vararg = arg;
        }

        void doubleStar(Arg arg, ParserRuleContext where) {
            if (kwarg != null) {
                error("arguments cannot follow var-keyword argument", where);
            }
            kwarg = arg;
        }

        void plain(Arg arg, Expression defaultValue, ParserRuleContext where) {
            if (kwarg != null) {
                error("arguments cannot follow var-keyword argument", where);
            }
            if (seenStar) {
                kwonly.add(arg);
                kwDefaults.add(defaultValue);
                bareStar = false;
            } else {
                if (defaultValue != null) {
                    defaults.add(defaultValue);
                } else if (!defaults.isEmpty()) {
                    error("non-default argument follows default argument", where);
                }
                args.add(arg);
            }
        }

        Arguments build(ParserRuleContext where) {
            if (seenStar && vararg == null && kwonly.isEmpty()) {
                error("named arguments must follow bare *", where);
            }
            return new Arguments(posonly, args, vararg, kwonly, kwDefaults, kwarg, defaults);
        }
    }

    private Arguments parameters(ParametersContext ctx) {
        ParameterCollector collector = new ParameterCollector();
        for (ParameterContext param : ctx.parameter()) {
            if (param.SLASH() != null) {
                collector.slash(param);
            } else if (param.STAR() != null) {
                Arg arg = null;
                if (param.name() != null) {
                    Expression annotation = param.starAnnotation == null ? null : starExpression(param.starAnnotation);
                    arg = new Arg(identifier(param.name()), annotation, null, span(param.name().start, param.stop));
                }
                collector.star(arg, param);
            } else if (param.DOUBLESTAR() != null) {
                collector.doubleStar(new Arg(identifier(param.name()),
                        param.annotation == null ? null : expression(param.annotation), null,
                        span(param.name().start, param.stop)), param);
            } else {
                Token end = param.annotation != null ? param.annotation.stop : param.name().stop;
                Arg arg = new Arg(identifier(param.name()),
                        param.annotation == null ? null : expression(param.annotation), null,
                        span(param.start, end));
                collector.plain(arg, param.defaultValue == null ? null : expression(param.defaultValue), param);
            }
        }
        return collector.build(ctx);
    }

    private Arguments lambdaParameters(LambdaParametersContext ctx) {
        if (ctx == null) {
            return emptyArguments();
        }
        ParameterCollector collector = new ParameterCollector();
        for (LambdaParameterContext param : ctx.lambdaParameter()) {
            if (param.SLASH() != null) {
                collector.slash(param);
            } else if (param.STAR() != null) {
                collector.star(param.name() == null ? null : lambdaArg(param.name()), param);
            } else if (param.DOUBLESTAR() != null) {
                collector.doubleStar(lambdaArg(param.name()), param);
            } else {
                collector.plain(lambdaArg(param.name()),
                        param.defaultValue == null ? null : expression(param.defaultValue), param);
            }
        }
        return collector.build(ctx);
    }

    private Arg lambdaArg(NameContext name) {
        return new Arg(identifier(name), null, null, span(name));
    }

    // -----------------------------------------------------------------------------------------
    // Expressions

    Expression testOrYield(TestOrYieldContext ctx) {
        return ctx.yieldExpr() != null ? yieldExpr(ctx.yieldExpr()) : starExpressions(ctx.starExpressions());
    }

    private Expression yieldExpr(YieldExprContext ctx) {
        if (ctx.FROM() != null) {
            return new YieldFrom(expression(ctx.expression()), span(ctx));
        }
        return new Yield(ctx.starExpressions() == null ? null : starExpressions(ctx.starExpressions()), span(ctx));
    }

    private Expression starExpressions(StarExpressionsContext ctx) {
        List<StarExpressionContext> items = ctx.starExpression();
        if (items.size() == 1 && ctx.COMMA().isEmpty()) {
            return starExpression(items.get(0));
        }
        List<Expression> elts = new ArrayList<>(items.size());
        for (StarExpressionContext item : items) {
            elts.add(starExpression(item));
        }
        return new Tuple(elts, ExprContext.Load, span(ctx));
    }

    private Expression starExpression(StarExpressionContext ctx) {
        if (ctx.STAR() != null) {
            return new Starred(bitwiseOr(ctx.bitwiseOr()), ExprContext.Load, span(ctx));
        }
        return expression(ctx.expression());
    }

    private Expression testList(TestListContext ctx) {
        List<StarNamedExpressionContext> items = ctx.starNamedExpression();
        if (items.size() == 1 && ctx.COMMA().isEmpty()) {
            return starNamedExpression(items.get(0));
        }
        List<Expression> elts = new ArrayList<>(items.size());
        for (StarNamedExpressionContext item : items) {
            elts.add(starNamedExpression(item));
        }
        return new Tuple(elts, ExprContext.Load, span(ctx));
    }

    private Expression starNamedExpression(StarNamedExpressionContext ctx) {
        if (ctx.STAR() != null) {
            return new Starred(bitwiseOr(ctx.bitwiseOr()), ExprContext.Load, span(ctx));
        }
        return namedExpression(ctx.namedExpression());
    }

    private Expression namedExpression(NamedExpressionContext ctx) {
        if (ctx.COLONEQUAL() == null) {
            return expression(ctx.expression());
        }
        NameContext name = ctx.name();
        return new NamedExpr(new Name(identifier(name), ExprContext.Store, span(name)), expression(ctx.expression()),
                span(ctx));
    }

    Expression expression(ExpressionContext ctx) {
        if (ctx.lambdef() != null) {
            LambdefContext lambda = ctx.lambdef();
            return new Lambda(lambdaParameters(lambda.lambdaParameters()), expression(lambda.expression()), span(lambda));
        }
        DisjunctionContext body = ctx.disjunction(0);
        if (ctx.IF() == null) {
            return disjunction(body);
        }
        return new IfExp(disjunction(ctx.disjunction(1)), disjunction(body), expression(ctx.expression()), span(ctx));
    }

    /** Groups a flat {@code a and b or c} into BoolOps: {@code and} binds tighter than {@code or}. */
    private Expression disjunction(DisjunctionContext ctx) {
        List<ParseTree> children = ctx.children;
        if (children.size() == 1) {
            return inversion((InversionContext) children.get(0));
        }
        List<Expression> alternatives = new ArrayList<>();
        int groupStart = 0;
        for (int i = 1; i <= children.size(); i += 2) {
            boolean groupEnds = i == children.size()
                    || ((TerminalNode) children.get(i)).getSymbol().getType() == PythonParser.OR;
            if (groupEnds) {
                alternatives.add(conjunction(children, groupStart, i - 1));
                groupStart = i + 1;
            }
        }
        return alternatives.size() == 1 ? alternatives.get(0) : new BoolOp(Boolop.Or, alternatives, span(ctx));
    }

    /** The {@code and} of the inversions at {@code children[from..to]} (every other child). */
    private Expression conjunction(List<ParseTree> children, int from, int to) {
        if (from == to) {
            return inversion((InversionContext) children.get(from));
        }
        List<Expression> values = new ArrayList<>();
        for (int i = from; i <= to; i += 2) {
            values.add(inversion((InversionContext) children.get(i)));
        }
        return new BoolOp(Boolop.And, values,
                span(((ParserRuleContext) children.get(from)).start, ((ParserRuleContext) children.get(to)).stop));
    }

    private Expression inversion(InversionContext ctx) {
        if (ctx.NOT() != null) {
            return new UnaryOp(Unaryop.Not, inversion(ctx.inversion()), span(ctx));
        }
        List<BitwiseOrContext> operands = ctx.bitwiseOr();
        Expression left = bitwiseOr(operands.get(0));
        if (operands.size() == 1) {
            return left;
        }
        List<Cmpop> ops = new ArrayList<>();
        List<Expression> comparators = new ArrayList<>();
        for (CompOpContext op : ctx.compOp()) {
            ops.add(comparisonOperator(op));
        }
        for (int i = 1; i < operands.size(); i++) {
            comparators.add(bitwiseOr(operands.get(i)));
        }
        return new Compare(left, ops, comparators, span(ctx));
    }

    private static Cmpop comparisonOperator(CompOpContext op) {
        int first = op.start.getType();
        boolean two = op.getChildCount() == 2;
        return switch (first) {
            case PythonParser.EQEQUAL -> Cmpop.Eq;
            case PythonParser.NOTEQUAL -> Cmpop.NotEq;
            case PythonParser.LESS -> Cmpop.Lt;
            case PythonParser.LESSEQUAL -> Cmpop.LtE;
            case PythonParser.GREATER -> Cmpop.Gt;
            case PythonParser.GREATEREQUAL -> Cmpop.GtE;
            case PythonParser.IN -> Cmpop.In;
            case PythonParser.NOT -> Cmpop.NotIn;
            default -> two ? Cmpop.IsNot : Cmpop.Is;
        };
    }

    /** An operand while binary operators are nested: its tree and the tokens it spans. */
    private record Operand(Expression expression, Token first, Token last) {
    }

    /**
     * Nests a flat {@code a op b op c ...} by Python's precedence, all operators left-associative,
     * each BinOp spanning from its left operand's first token to its right operand's last.
     */
    private Expression bitwiseOr(BitwiseOrContext ctx) {
        List<ParseTree> children = ctx.children;
        FactorContext firstFactor = (FactorContext) children.get(0);
        if (children.size() == 1) {
            return factor(firstFactor);
        }
        List<Operand> operands = new ArrayList<>();
        List<Token> operators = new ArrayList<>();
        operands.add(new Operand(factor(firstFactor), firstFactor.start, firstFactor.stop));
        for (int i = 1; i < children.size(); i += 2) {
            Token op = ((ParserRuleContext) children.get(i)).start;
            while (!operators.isEmpty() && precedence(operators.get(operators.size() - 1)) >= precedence(op)) {
                reduce(operands, operators);
            }
            operators.add(op);
            FactorContext right = (FactorContext) children.get(i + 1);
            operands.add(new Operand(factor(right), right.start, right.stop));
        }
        while (!operators.isEmpty()) {
            reduce(operands, operators);
        }
        return operands.get(0).expression();
    }

    private void reduce(List<Operand> operands, List<Token> operators) {
        Operand right = operands.remove(operands.size() - 1);
        Operand left = operands.remove(operands.size() - 1);
        Token op = operators.remove(operators.size() - 1);
        operands.add(new Operand(new BinOp(left.expression(), binaryOperator(op), right.expression(),
                span(left.first(), right.last())), left.first(), right.last()));
    }

    private static int precedence(Token op) {
        return switch (op.getType()) {
            case PythonParser.VBAR -> 1;
            case PythonParser.CIRCUMFLEX -> 2;
            case PythonParser.AMPER -> 3;
            case PythonParser.LEFTSHIFT, PythonParser.RIGHTSHIFT -> 4;
            case PythonParser.PLUS, PythonParser.MINUS -> 5;
            default -> 6;
        };
    }

    private static Operator binaryOperator(Token op) {
        return switch (op.getType()) {
            case PythonParser.VBAR -> Operator.BitOr;
            case PythonParser.CIRCUMFLEX -> Operator.BitXor;
            case PythonParser.AMPER -> Operator.BitAnd;
            case PythonParser.LEFTSHIFT -> Operator.LShift;
            case PythonParser.RIGHTSHIFT -> Operator.RShift;
            case PythonParser.PLUS -> Operator.Add;
            case PythonParser.MINUS -> Operator.Sub;
            case PythonParser.STAR -> Operator.Mult;
            case PythonParser.SLASH -> Operator.Div;
            case PythonParser.DOUBLESLASH -> Operator.FloorDiv;
            case PythonParser.PERCENT -> Operator.Mod;
            case PythonParser.AT -> Operator.MatMult;
            default -> throw new IllegalStateException("not a binary operator: " + op.getText());
        };
    }

    private static Operator augmentedOperator(Token op) {
        return switch (op.getType()) {
            case PythonParser.PLUSEQUAL -> Operator.Add;
            case PythonParser.MINEQUAL -> Operator.Sub;
            case PythonParser.STAREQUAL -> Operator.Mult;
            case PythonParser.ATEQUAL -> Operator.MatMult;
            case PythonParser.SLASHEQUAL -> Operator.Div;
            case PythonParser.PERCENTEQUAL -> Operator.Mod;
            case PythonParser.AMPEREQUAL -> Operator.BitAnd;
            case PythonParser.VBAREQUAL -> Operator.BitOr;
            case PythonParser.CIRCUMFLEXEQUAL -> Operator.BitXor;
            case PythonParser.LEFTSHIFTEQUAL -> Operator.LShift;
            case PythonParser.RIGHTSHIFTEQUAL -> Operator.RShift;
            case PythonParser.DOUBLESTAREQUAL -> Operator.Pow;
            default -> Operator.FloorDiv;
        };
    }

    private Expression factor(FactorContext ctx) {
        PrimaryContext primary = ctx.primary();
        Expression value = primary(primary);
        List<ParseTree> children = ctx.children;
        int prefixes = 0;
        while (children.get(prefixes) instanceof TerminalNode terminal
                && terminal.getSymbol().getType() != PythonParser.AWAIT) {
            prefixes++;
        }
        Token powerStart = children.get(prefixes) instanceof TerminalNode await
                ? await.getSymbol() : primary.start;
        if (ctx.AWAIT() != null) {
            value = new Await(value, span(powerStart, primary.stop));
        }
        if (ctx.DOUBLESTAR() != null) {
            value = new BinOp(value, Operator.Pow, factor(ctx.factor()), span(powerStart, ctx.stop));
        }
        for (int i = prefixes - 1; i >= 0; i--) {
            Token op = ((TerminalNode) children.get(i)).getSymbol();
            Unaryop unary = switch (op.getType()) {
                case PythonParser.PLUS -> Unaryop.UAdd;
                case PythonParser.MINUS -> Unaryop.USub;
                default -> Unaryop.Invert;
            };
            value = new UnaryOp(unary, value, span(op, ctx.stop));
        }
        return value;
    }

    private Expression primary(PrimaryContext ctx) {
        Expression value = atom(ctx.atom());
        int count = ctx.getChildCount();
        for (int i = 1; i < count; i++) {
            TrailerContext trailer = (TrailerContext) ctx.getChild(i);
            Span span = span(ctx.start, trailer.stop);
            switch (trailer.start.getType()) {
                case PythonParser.DOT -> value = new Attribute(value, identifier(trailer.attr), ExprContext.Load, span);
                case PythonParser.LPAR -> {
                    List<Expression> args = new ArrayList<>();
                    List<Keyword> keywords = new ArrayList<>();
                    if (trailer.arguments() != null) {
                        callArguments(trailer.arguments(), trailer, args, keywords);
                    }
                    value = new Call(value, args, keywords, span);
                }
                default -> value = new Subscript(value, slices(trailer.slices()), ExprContext.Load, span);
            }
        }
        return value;
    }

    /**
     * Splits call (or class) arguments into positional ones and keywords. {@code parens} is the
     * call's trailer: a lone generator argument spans the call's parentheses, as in CPython.
     */
    private void callArguments(ArgumentsContext ctx, ParserRuleContext parens, List<Expression> args,
            List<Keyword> keywords) {
        List<ArgumentContext> items = ctx.argument();
        boolean seenKeyword = false;
        boolean seenKeywordUnpacking = false;
        for (ArgumentContext item : items) {
            if (item.DOUBLESTAR() != null) {
                keywords.add(new Keyword(null, expression(item.expression(0)), span(item)));
                seenKeywordUnpacking = true;
            } else if (item.STAR() != null) {
                if (seenKeywordUnpacking) {
                    error("iterable argument unpacking follows keyword argument unpacking", item);
                }
                args.add(new Starred(expression(item.expression(0)), ExprContext.Load, span(item)));
            } else if (item.EQUAL() != null) {
                Expression name = expression(item.expression(0));
                if (!(name instanceof Name n)) {
                    error("expression cannot contain assignment, perhaps you meant \"==\"?", item);
                    continue;
                }
                keywords.add(new Keyword(n.id(), expression(item.value), span(item)));
                seenKeyword = true;
            } else {
                if (seenKeywordUnpacking) {
                    error("positional argument follows keyword argument unpacking", item);
                } else if (seenKeyword) {
                    error("positional argument follows keyword argument", item);
                }
                if (item.COLONEQUAL() != null) {
                    Expression target = expression(item.expression(0));
                    if (!(target instanceof Name n)) {
                        error("cannot use assignment expressions with " + describe(target), item);
                        continue;
                    }
                    args.add(new NamedExpr(new Name(n.id(), ExprContext.Store, n.span()), expression(item.value),
                            span(item)));
                } else if (item.compFor() != null) {
                    boolean alone = items.size() == 1 && parens != null;
                    if (!alone) {
                        error("Generator expression must be parenthesized", item);
                    }
                    args.add(new GeneratorExp(expression(item.expression(0)), comprehension(item.compFor()),
                            alone ? span(parens) : span(item)));
                } else {
                    args.add(expression(item.expression(0)));
                }
            }
        }
    }

    private Expression slices(SlicesContext ctx) {
        List<SliceContext> items = ctx.slice();
        if (items.size() == 1 && ctx.COMMA().isEmpty() && items.get(0).STAR() == null) {
            return slice(items.get(0));
        }
        List<Expression> elts = new ArrayList<>(items.size());
        for (SliceContext item : items) {
            elts.add(slice(item));
        }
        return new Tuple(elts, ExprContext.Load, span(ctx));
    }

    private Expression slice(SliceContext ctx) {
        if (ctx.STAR() != null) {
            return new Starred(bitwiseOr(ctx.bitwiseOr()), ExprContext.Load, span(ctx));
        }
        Expression lower = ctx.namedExpression() == null ? null : namedExpression(ctx.namedExpression());
        if (ctx.COLON().isEmpty()) {
            return lower;
        }
        return new Slice(lower, ctx.upper == null ? null : expression(ctx.upper),
                ctx.step == null ? null : expression(ctx.step), span(ctx));
    }

    private Expression atom(AtomContext ctx) {
        Token first = ctx.start;
        switch (first.getType()) {
            case PythonParser.NUMBER:
                return new Constant(number(first), null, span(ctx));
            case PythonParser.NONE:
                return new Constant(Singleton.NONE, null, span(ctx));
            case PythonParser.TRUE:
                return new Constant(Boolean.TRUE, null, span(ctx));
            case PythonParser.FALSE:
                return new Constant(Boolean.FALSE, null, span(ctx));
            case PythonParser.ELLIPSIS:
                return new Constant(Singleton.ELLIPSIS, null, span(ctx));
            case PythonParser.LPAR:
                return parenthesized(ctx);
            case PythonParser.LSQB:
                return listDisplay(ctx);
            case PythonParser.LBRACE:
                return braceDisplay(ctx);
            default:
                if (ctx.strings() != null) {
                    return strings(ctx.strings());
                }
                return new Name(identifier(first), ExprContext.Load, span(ctx));
        }
    }

    private Expression parenthesized(AtomContext ctx) {
        if (ctx.yieldExpr() != null) {
            return yieldExpr(ctx.yieldExpr());
        }
        List<StarNamedExpressionContext> items = ctx.starNamedExpression();
        if (items.isEmpty()) {
            return new Tuple(List.of(), ExprContext.Load, span(ctx));
        }
        if (ctx.compFor() != null) {
            return new GeneratorExp(comprehensionElement(items.get(0)), comprehension(ctx.compFor()), span(ctx));
        }
        if (items.size() == 1 && ctx.COMMA().isEmpty()) {
            Expression inner = starNamedExpression(items.get(0));
            if (inner instanceof Starred) {
                error("cannot use starred expression here", items.get(0));
            }
            return inner;
        }
        return new Tuple(starNamedExpressions(items), ExprContext.Load, span(ctx));
    }

    private Expression listDisplay(AtomContext ctx) {
        List<StarNamedExpressionContext> items = ctx.starNamedExpression();
        if (ctx.compFor() != null) {
            return new ListComp(comprehensionElement(items.get(0)), comprehension(ctx.compFor()), span(ctx));
        }
        return new dev.greenlight.python.ast.List(starNamedExpressions(items), ExprContext.Load, span(ctx));
    }

    private Expression comprehensionElement(StarNamedExpressionContext ctx) {
        Expression element = starNamedExpression(ctx);
        if (element instanceof Starred) {
            error("iterable unpacking cannot be used in comprehension", ctx);
        }
        return element;
    }

    private List<Expression> starNamedExpressions(List<StarNamedExpressionContext> items) {
        List<Expression> out = new ArrayList<>(items.size());
        for (StarNamedExpressionContext item : items) {
            out.add(starNamedExpression(item));
        }
        return out;
    }

    private Expression braceDisplay(AtomContext ctx) {
        List<DictOrSetItemContext> items = ctx.dictOrSetItem();
        Span span = span(ctx);
        if (items.isEmpty()) {
            return new Dict(List.of(), List.of(), span);
        }
        DictOrSetItemContext first = items.get(0);
        boolean isDict = first.DOUBLESTAR() != null || first.COLON() != null;
        if (ctx.compFor() != null) {
            List<Comprehension> generators = comprehension(ctx.compFor());
            if (first.DOUBLESTAR() != null) {
                error("dict unpacking cannot be used in dict comprehension", first);
            } else if (first.STAR() != null) {
                error("iterable unpacking cannot be used in comprehension", first);
            }
            if (isDict && first.COLON() != null) {
                return new DictComp(namedExpression(first.namedExpression()), expression(first.expression()),
                        generators, span);
            }
            return new SetComp(first.namedExpression() == null ? bitwiseOr(first.bitwiseOr())
                    : namedExpression(first.namedExpression()), generators, span);
        }
        if (isDict) {
            List<Expression> keys = new ArrayList<>(items.size());
            List<Expression> values = new ArrayList<>(items.size());
            for (DictOrSetItemContext item : items) {
                if (item.DOUBLESTAR() != null) {
                    keys.add(null);
                    values.add(bitwiseOr(item.bitwiseOr()));
                } else if (item.COLON() != null) {
                    keys.add(namedExpression(item.namedExpression()));
                    values.add(expression(item.expression()));
                } else {
                    error("':' expected after dictionary key", item);
                }
            }
            return new Dict(keys, values, span);
        }
        List<Expression> elts = new ArrayList<>(items.size());
        for (DictOrSetItemContext item : items) {
            if (item.STAR() != null) {
                elts.add(new Starred(bitwiseOr(item.bitwiseOr()), ExprContext.Load, span(item)));
            } else if (item.DOUBLESTAR() != null || item.COLON() != null) {
                error("invalid syntax", item);
            } else {
                elts.add(namedExpression(item.namedExpression()));
            }
        }
        return new dev.greenlight.python.ast.Set(elts, span);
    }

    private List<Comprehension> comprehension(CompForContext ctx) {
        List<Comprehension> out = new ArrayList<>();
        for (ForIfClauseContext clause : ctx.forIfClause()) {
            List<DisjunctionContext> parts = clause.disjunction();
            Expression target = targetList(clause.targetList(), ExprContext.Store);
            Expression iter = disjunction(parts.get(0));
            List<Expression> ifs = parts.size() == 1 ? List.of() : new ArrayList<>(parts.size() - 1);
            for (int i = 1; i < parts.size(); i++) {
                ifs.add(disjunction(parts.get(i)));
            }
            out.add(new Comprehension(target, iter, ifs, clause.ASYNC() != null ? 1 : 0));
        }
        return out;
    }

    // -----------------------------------------------------------------------------------------
    // Targets

    private Expression target(TargetContext ctx) {
        Expression value = bitwiseOr(ctx.bitwiseOr());
        if (ctx.STAR() != null) {
            return new Starred(value, ExprContext.Load, span(ctx));
        }
        return value;
    }

    private Expression targetList(TargetListContext ctx, ExprContext context) {
        List<TargetContext> items = ctx.target();
        if (items.size() == 1 && ctx.COMMA().isEmpty()) {
            return asTarget(target(items.get(0)), context, items.get(0));
        }
        List<Expression> elts = new ArrayList<>(items.size());
        for (TargetContext item : items) {
            elts.add(target(item));
        }
        return asTarget(new Tuple(elts, ExprContext.Load, span(ctx)), context, ctx);
    }

    /** Checks that {@code expression} can be assigned to (or deleted) and gives it that context. */
    private Expression asTarget(Expression expression, ExprContext context, ParserRuleContext where) {
        String invalid = invalidTarget(expression, context);
        if (invalid != null) {
            String verb = context == ExprContext.Del ? "delete" : "assign to";
            error("cannot " + verb + " " + invalid, where);
            return expression;
        }
        return withContext(expression, context);
    }

    private static String invalidTarget(Expression expression, ExprContext context) {
        if (expression instanceof Name || expression instanceof Attribute || expression instanceof Subscript) {
            return null;
        }
        if (expression instanceof Starred starred) {
            return context == ExprContext.Del ? "starred" : invalidTarget(starred.value(), context);
        }
        if (expression instanceof Tuple tuple) {
            for (Expression element : tuple.elts()) {
                String invalid = invalidTarget(element, context);
                if (invalid != null) {
                    return invalid;
                }
            }
            return null;
        }
        if (expression instanceof dev.greenlight.python.ast.List list) {
            for (Expression element : list.elts()) {
                String invalid = invalidTarget(element, context);
                if (invalid != null) {
                    return invalid;
                }
            }
            return null;
        }
        return describe(expression);
    }

    /** How CPython's messages name an expression that cannot stand where it does. */
    private static String describe(Expression expression) {
        if (expression instanceof Constant constant) {
            Object value = constant.value();
            if (value == Singleton.NONE) {
                return "None";
            }
            if (value instanceof Boolean b) {
                return b ? "True" : "False";
            }
            if (value == Singleton.ELLIPSIS) {
                return "ellipsis";
            }
            return "literal";
        }
        if (expression instanceof Call) {
            return "function call";
        }
        if (expression instanceof Compare) {
            return "comparison";
        }
        if (expression instanceof Lambda) {
            return "lambda";
        }
        if (expression instanceof IfExp) {
            return "conditional expression";
        }
        if (expression instanceof NamedExpr) {
            return "named expression";
        }
        if (expression instanceof Await) {
            return "await expression";
        }
        if (expression instanceof Yield || expression instanceof YieldFrom) {
            return "yield expression";
        }
        if (expression instanceof GeneratorExp) {
            return "generator expression";
        }
        if (expression instanceof ListComp) {
            return "list comprehension";
        }
        if (expression instanceof SetComp) {
            return "set comprehension";
        }
        if (expression instanceof DictComp) {
            return "dict comprehension";
        }
        if (expression instanceof Dict) {
            return "dict literal";
        }
        if (expression instanceof dev.greenlight.python.ast.Set) {
            return "set display";
        }
        if (expression instanceof JoinedStr || expression instanceof FormattedValue) {
            return "f-string expression";
        }
        if (expression instanceof Tuple) {
            return "tuple";
        }
        if (expression instanceof dev.greenlight.python.ast.List) {
            return "list";
        }
        if (expression instanceof Starred) {
            return "starred";
        }
        return "expression";
    }

    /** A copy of a target expression with {@code context} (Store or Del) on it and its parts. */
    private static Expression withContext(Expression expression, ExprContext context) {
        if (expression instanceof Name n) {
            return new Name(n.id(), context, n.span());
        }
        if (expression instanceof Attribute a) {
            return new Attribute(a.value(), a.attr(), context, a.span());
        }
        if (expression instanceof Subscript s) {
            return new Subscript(s.value(), s.slice(), context, s.span());
        }
        if (expression instanceof Starred s) {
            return new Starred(withContext(s.value(), context), context, s.span());
        }
        if (expression instanceof Tuple t) {
            return new Tuple(withContext(t.elts(), context), context, t.span());
        }
        if (expression instanceof dev.greenlight.python.ast.List l) {
            return new dev.greenlight.python.ast.List(withContext(l.elts(), context), context, l.span());
        }
        return expression;
    }

    private static List<Expression> withContext(List<Expression> elements, ExprContext context) {
        List<Expression> out = new ArrayList<>(elements.size());
        for (Expression element : elements) {
            out.add(withContext(element, context));
        }
        return out;
    }

    // -----------------------------------------------------------------------------------------
    // Names, numbers, strings

    private String identifier(NameContext ctx) {
        return identifier(ctx.start);
    }

    /** Identifiers are NFKC-normalized, as PEP 3131 asks. */
    private static String identifier(Token token) {
        String text = token.getText();
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return Normalizer.normalize(text, Normalizer.Form.NFKC);
            }
        }
        return text;
    }

    private Object number(Token token) {
        String text = token.getText();
        if (text.indexOf('_') >= 0) {
            text = text.replace("_", "");
        }
        int length = text.length();
        char last = text.charAt(length - 1);
        if (last == 'j' || last == 'J') {
            return new Imaginary(Double.parseDouble(text.substring(0, length - 1)));
        }
        if (length > 1 && text.charAt(0) == '0') {
            char kind = Character.toLowerCase(text.charAt(1));
            int radix = kind == 'x' ? 16 : kind == 'o' ? 8 : kind == 'b' ? 2 : 0;
            if (radix != 0) {
                return new BigInteger(text.substring(2), radix);
            }
        }
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c == '.' || c == 'e' || c == 'E') {
                return Double.parseDouble(text);
            }
        }
        if (length < 18) {
            return BigInteger.valueOf(Long.parseLong(text));
        }
        return new BigInteger(text);
    }

    /** Adjacent string literals, concatenated: a Constant, or a JoinedStr when any is an f-string. */
    Expression strings(StringsContext ctx) {
        Span span = span(ctx);
        int count = ctx.getChildCount();
        if (count == 1 && ctx.getChild(0) instanceof TerminalNode only) {
            StringLiterals.Value value = decodeString(only.getSymbol());
            return new Constant(value.value(), value.uPrefix() ? "u" : null, span);
        }
        boolean anyFString = false;
        for (int i = 0; i < count; i++) {
            if (ctx.getChild(i) instanceof FstringContext) {
                anyFString = true;
                break;
            }
        }
        if (!anyFString) {
            StringBuilder text = new StringBuilder();
            boolean bytes = false;
            String kind = null;
            for (int i = 0; i < count; i++) {
                StringLiterals.Value value = decodeString(((TerminalNode) ctx.getChild(i)).getSymbol());
                boolean isBytes = value.value() instanceof dev.greenlight.python.ast.Bytes;
                if (i == 0) {
                    bytes = isBytes;
                    kind = value.uPrefix() ? "u" : null;
                } else if (bytes != isBytes) {
                    error("cannot mix bytes and nonbytes literals", span);
                }
                text.append(isBytes ? ((dev.greenlight.python.ast.Bytes) value.value()).latin1() : (String) value.value());
            }
            Object value = bytes ? new dev.greenlight.python.ast.Bytes(text.toString()) : text.toString();
            return new Constant(value, kind, span);
        }
        JoinedStrBuilder joined = new JoinedStrBuilder();
        for (int i = 0; i < count; i++) {
            ParseTree child = ctx.getChild(i);
            if (child instanceof TerminalNode terminal) {
                Token token = terminal.getSymbol();
                StringLiterals.Value value = decodeString(token);
                if (value.value() instanceof dev.greenlight.python.ast.Bytes) {
                    error("cannot mix bytes and nonbytes literals", span);
                    continue;
                }
                joined.literal((String) value.value(), token);
            } else {
                FstringContext fstring = (FstringContext) child;
                boolean raw = fstring.start.getText().toLowerCase().indexOf('r') >= 0;
                fstringParts(fstring.children, 1, fstring.getChildCount() - 1, raw, false, joined);
            }
        }
        return new JoinedStr(joined.finish(), span);
    }

    private StringLiterals.Value decodeString(Token token) {
        StringLiterals.Value value = StringLiterals.decode(token.getText());
        if (value.error() != null) {
            error(value.error(), span(token, token));
        }
        return value;
    }

    /** Accumulates the values of a JoinedStr, merging adjacent literal text into one Constant. */
    private final class JoinedStrBuilder {
        private final List<Expression> values = new ArrayList<>();
        private final StringBuilder pending = new StringBuilder();
        private int pendingStart = -1;
        private int pendingEnd;

        void literal(String text, Token token) {
            literal(text, token.getStartIndex(), token.getStopIndex() + 1);
        }

        /** Literal text taken from code point offsets {@code start} to {@code end} of the source. */
        void literal(String text, int start, int end) {
            if (text.isEmpty()) {
                return;
            }
            if (pendingStart < 0) {
                pendingStart = start;
            }
            pendingEnd = end;
            pending.append(text);
        }

        void value(Expression value) {
            flush();
            values.add(value);
        }

        private void flush() {
            if (pending.length() > 0) {
                values.add(new Constant(pending.toString(), null, source.span(pendingStart, pendingEnd)));
                pending.setLength(0);
                pendingStart = -1;
            }
        }

        List<Expression> finish() {
            flush();
            return values;
        }
    }

    private void fstringParts(List<ParseTree> children, int from, int to, boolean raw, boolean inFormatSpec,
            JoinedStrBuilder out) {
        for (int i = from; i < to; i++) {
            ParseTree child = children.get(i);
            if (child instanceof FstringFormatSpecContext spec) {
                child = spec.getChild(0);
            }
            if (child instanceof TerminalNode terminal) {
                Token token = terminal.getSymbol();
                out.literal(StringLiterals.decodeFStringMiddle(token.getText(), raw, inFormatSpec), token);
            } else {
                replacementField((FstringReplacementFieldContext) child, raw, out);
            }
        }
    }

    private void replacementField(FstringReplacementFieldContext ctx, boolean raw, JoinedStrBuilder out) {
        Expression value = testOrYield(ctx.testOrYield());
        int conversion = -1;
        if (ctx.conversion != null) {
            String name = ctx.conversion.getText();
            if (name.equals("s") || name.equals("r") || name.equals("a")) {
                conversion = name.charAt(0);
            } else {
                error("f-string: invalid conversion character '" + name + "': expected 's', 'r', or 'a'", ctx.conversion);
            }
        }
        Expression formatSpec = null;
        if (ctx.COLON() != null) {
            int colon = ctx.children.indexOf(ctx.COLON());
            JoinedStrBuilder spec = new JoinedStrBuilder();
            fstringParts(ctx.children, colon + 1, ctx.getChildCount() - 1, raw, true, spec);
            Token first = ctx.COLON().getSymbol();
            Token lastToken = ctx.RBRACE().getSymbol();
            formatSpec = new JoinedStr(spec.finish(), specSpan(first, lastToken));
        }
        if (ctx.debug != null) {
            // The text between '{' and the token after '=' is echoed verbatim, spaces included.
            int textStart = ctx.LBRACE().getSymbol().getStopIndex() + 1;
            int textEnd = tokenAfter(ctx, ctx.debug).getStartIndex();
            String text = source.text().substring(textStart, textEnd);
            out.literal(text, textStart, textEnd);
            if (conversion == -1 && formatSpec == null) {
                conversion = 'r';
            }
        }
        out.value(new FormattedValue(value, conversion, formatSpec, span(ctx)));
    }

    /** A format spec spans from its ':' to before the closing '}'. */
    private Span specSpan(Token colon, Token close) {
        return source.span(colon.getStartIndex(), close.getStartIndex());
    }

    private static Token tokenAfter(ParserRuleContext ctx, Token token) {
        for (int i = 0; i < ctx.getChildCount() - 1; i++) {
            if (ctx.getChild(i) instanceof TerminalNode terminal && terminal.getSymbol() == token) {
                return ((TerminalNode) ctx.getChild(i + 1)).getSymbol();
            }
        }
        throw new IllegalStateException("no token after " + token.getText());
    }
}
