package dev.greenlight.python.parse;

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
import dev.greenlight.python.ast.Break;
import dev.greenlight.python.ast.Call;
import dev.greenlight.python.ast.ClassDef;
import dev.greenlight.python.ast.Compare;
import dev.greenlight.python.ast.Comprehension;
import dev.greenlight.python.ast.Constant;
import dev.greenlight.python.ast.Continue;
import dev.greenlight.python.ast.Delete;
import dev.greenlight.python.ast.Dict;
import dev.greenlight.python.ast.DictComp;
import dev.greenlight.python.ast.ExceptHandler;
import dev.greenlight.python.ast.Expr;
import dev.greenlight.python.ast.For;
import dev.greenlight.python.ast.FormattedValue;
import dev.greenlight.python.ast.FunctionDef;
import dev.greenlight.python.ast.GeneratorExp;
import dev.greenlight.python.ast.Global;
import dev.greenlight.python.ast.If;
import dev.greenlight.python.ast.IfExp;
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
import dev.greenlight.python.ast.Node;
import dev.greenlight.python.ast.Nonlocal;
import dev.greenlight.python.ast.ParamSpec;
import dev.greenlight.python.ast.Pass;
import dev.greenlight.python.ast.Raise;
import dev.greenlight.python.ast.Return;
import dev.greenlight.python.ast.SetComp;
import dev.greenlight.python.ast.Slice;
import dev.greenlight.python.ast.Span;
import dev.greenlight.python.ast.Starred;
import dev.greenlight.python.ast.Subscript;
import dev.greenlight.python.ast.Try;
import dev.greenlight.python.ast.TryStar;
import dev.greenlight.python.ast.Tuple;
import dev.greenlight.python.ast.TypeAlias;
import dev.greenlight.python.ast.TypeIgnore;
import dev.greenlight.python.ast.TypeVar;
import dev.greenlight.python.ast.TypeVarTuple;
import dev.greenlight.python.ast.UnaryOp;
import dev.greenlight.python.ast.Visitor;
import dev.greenlight.python.ast.While;
import dev.greenlight.python.ast.With;
import dev.greenlight.python.ast.WithItem;
import dev.greenlight.python.ast.Yield;
import dev.greenlight.python.ast.YieldFrom;
import java.util.ArrayList;
import java.util.function.Function;

/**
 * Copies a subtree with every span moved by an offset and a line count: one constructor call per
 * node, which costs a fraction of {@link SpanShifter}'s generic copy through method handles (a
 * large share of an edit's time, since every statement after the edit moves). A node class
 * without its method here is copied by {@code fallback}.
 */
final class NodeShifter implements Visitor<Node> {

    private final Function<Node, Node> fallback;
    private int offsetDelta;
    private int lineDelta;

    NodeShifter(Function<Node, Node> fallback) {
        this.fallback = fallback;
    }

    Node shift(Node node, int offsetDelta, int lineDelta) {
        this.offsetDelta = offsetDelta;
        this.lineDelta = lineDelta;
        return node.accept(this);
    }

    private Span span(Span span) {
        return new Span(span.start() + offsetDelta, span.end() + offsetDelta, span.lineno() + lineDelta,
                span.colOffset(), span.endLineno() + lineDelta, span.endColOffset());
    }

    @SuppressWarnings("unchecked")
    private <T extends Node> T child(T node) {
        return node == null ? null : (T) node.accept(this);
    }

    /** A list of nodes (null elements stay, as in a dict's {@code **} keys); an empty one is kept as it is. */
    @SuppressWarnings("unchecked")
    private <T extends Node> java.util.List<T> children(java.util.List<T> nodes) {
        if (nodes.isEmpty()) {
            return nodes;
        }
        int size = nodes.size();
        java.util.List<T> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) { // no iterator: C1 would allocate one per list
            T node = nodes.get(i);
            out.add(node == null ? null : (T) node.accept(this));
        }
        return out;
    }

    @Override
    public Node defaultVisit(Node node) {
        return fallback.apply(node);
    }

    @Override
    public Node visitAlias(Alias node) {
        return new Alias(node.name(), node.asname(), span(node.span()));
    }

    @Override
    public Node visitAnnAssign(AnnAssign node) {
        return new AnnAssign(child(node.target()), child(node.annotation()), child(node.value()), node.simple(), span(node.span()));
    }

    @Override
    public Node visitArg(Arg node) {
        return new Arg(node.arg(), child(node.annotation()), node.typeComment(), span(node.span()));
    }

    @Override
    public Node visitArguments(Arguments node) {
        return new Arguments(children(node.posonlyargs()), children(node.args()), child(node.vararg()), children(node.kwonlyargs()), children(node.kwDefaults()), child(node.kwarg()), children(node.defaults()));
    }

    @Override
    public Node visitAssert(Assert node) {
        return new Assert(child(node.test()), child(node.msg()), span(node.span()));
    }

    @Override
    public Node visitAssign(Assign node) {
        return new Assign(children(node.targets()), child(node.value()), node.typeComment(), span(node.span()));
    }

    @Override
    public Node visitAsyncFor(AsyncFor node) {
        return new AsyncFor(child(node.target()), child(node.iter()), children(node.body()), children(node.orelse()), node.typeComment(), span(node.span()));
    }

    @Override
    public Node visitAsyncFunctionDef(AsyncFunctionDef node) {
        return new AsyncFunctionDef(node.name(), child(node.args()), children(node.body()), children(node.decoratorList()), child(node.returns()), node.typeComment(), children(node.typeParams()), span(node.span()));
    }

    @Override
    public Node visitAsyncWith(AsyncWith node) {
        return new AsyncWith(children(node.items()), children(node.body()), node.typeComment(), span(node.span()));
    }

    @Override
    public Node visitAttribute(Attribute node) {
        return new Attribute(child(node.value()), node.attr(), node.ctx(), span(node.span()));
    }

    @Override
    public Node visitAugAssign(AugAssign node) {
        return new AugAssign(child(node.target()), node.op(), child(node.value()), span(node.span()));
    }

    @Override
    public Node visitAwait(Await node) {
        return new Await(child(node.value()), span(node.span()));
    }

    @Override
    public Node visitBinOp(BinOp node) {
        return new BinOp(child(node.left()), node.op(), child(node.right()), span(node.span()));
    }

    @Override
    public Node visitBoolOp(BoolOp node) {
        return new BoolOp(node.op(), children(node.values()), span(node.span()));
    }

    @Override
    public Node visitBreak(Break node) {
        return new Break(span(node.span()));
    }

    @Override
    public Node visitCall(Call node) {
        return new Call(child(node.func()), children(node.args()), children(node.keywords()), span(node.span()));
    }

    @Override
    public Node visitClassDef(ClassDef node) {
        return new ClassDef(node.name(), children(node.bases()), children(node.keywords()), children(node.body()), children(node.decoratorList()), children(node.typeParams()), span(node.span()));
    }

    @Override
    public Node visitCompare(Compare node) {
        return new Compare(child(node.left()), node.ops(), children(node.comparators()), span(node.span()));
    }

    @Override
    public Node visitComprehension(Comprehension node) {
        return new Comprehension(child(node.target()), child(node.iter()), children(node.ifs()), node.isAsync());
    }

    @Override
    public Node visitConstant(Constant node) {
        return new Constant(node.value(), node.kind(), span(node.span()));
    }

    @Override
    public Node visitContinue(Continue node) {
        return new Continue(span(node.span()));
    }

    @Override
    public Node visitDelete(Delete node) {
        return new Delete(children(node.targets()), span(node.span()));
    }

    @Override
    public Node visitDict(Dict node) {
        return new Dict(children(node.keys()), children(node.values()), span(node.span()));
    }

    @Override
    public Node visitDictComp(DictComp node) {
        return new DictComp(child(node.key()), child(node.value()), children(node.generators()), span(node.span()));
    }

    @Override
    public Node visitExceptHandler(ExceptHandler node) {
        return new ExceptHandler(child(node.type()), node.name(), children(node.body()), span(node.span()));
    }

    @Override
    public Node visitExpr(Expr node) {
        return new Expr(child(node.value()), span(node.span()));
    }

    @Override
    public Node visitFor(For node) {
        return new For(child(node.target()), child(node.iter()), children(node.body()), children(node.orelse()), node.typeComment(), span(node.span()));
    }

    @Override
    public Node visitFormattedValue(FormattedValue node) {
        return new FormattedValue(child(node.value()), node.conversion(), child(node.formatSpec()), span(node.span()));
    }

    @Override
    public Node visitFunctionDef(FunctionDef node) {
        return new FunctionDef(node.name(), child(node.args()), children(node.body()), children(node.decoratorList()), child(node.returns()), node.typeComment(), children(node.typeParams()), span(node.span()));
    }

    @Override
    public Node visitGeneratorExp(GeneratorExp node) {
        return new GeneratorExp(child(node.elt()), children(node.generators()), span(node.span()));
    }

    @Override
    public Node visitGlobal(Global node) {
        return new Global(node.names(), span(node.span()));
    }

    @Override
    public Node visitIf(If node) {
        return new If(child(node.test()), children(node.body()), children(node.orelse()), span(node.span()));
    }

    @Override
    public Node visitIfExp(IfExp node) {
        return new IfExp(child(node.test()), child(node.body()), child(node.orelse()), span(node.span()));
    }

    @Override
    public Node visitImport(Import node) {
        return new Import(children(node.names()), span(node.span()));
    }

    @Override
    public Node visitImportFrom(ImportFrom node) {
        return new ImportFrom(node.module(), children(node.names()), node.level(), span(node.span()));
    }

    @Override
    public Node visitJoinedStr(JoinedStr node) {
        return new JoinedStr(children(node.values()), span(node.span()));
    }

    @Override
    public Node visitKeyword(Keyword node) {
        return new Keyword(node.arg(), child(node.value()), span(node.span()));
    }

    @Override
    public Node visitLambda(Lambda node) {
        return new Lambda(child(node.args()), child(node.body()), span(node.span()));
    }

    @Override
    public Node visitList(dev.greenlight.python.ast.List node) {
        return new dev.greenlight.python.ast.List(children(node.elts()), node.ctx(), span(node.span()));
    }

    @Override
    public Node visitListComp(ListComp node) {
        return new ListComp(child(node.elt()), children(node.generators()), span(node.span()));
    }

    @Override
    public Node visitMatch(Match node) {
        return new Match(child(node.subject()), children(node.cases()), span(node.span()));
    }

    @Override
    public Node visitMatchAs(MatchAs node) {
        return new MatchAs(child(node.pattern()), node.name(), span(node.span()));
    }

    @Override
    public Node visitMatchCase(MatchCase node) {
        return new MatchCase(child(node.pattern()), child(node.guard()), children(node.body()));
    }

    @Override
    public Node visitMatchClass(MatchClass node) {
        return new MatchClass(child(node.cls()), children(node.patterns()), node.kwdAttrs(), children(node.kwdPatterns()), span(node.span()));
    }

    @Override
    public Node visitMatchMapping(MatchMapping node) {
        return new MatchMapping(children(node.keys()), children(node.patterns()), node.rest(), span(node.span()));
    }

    @Override
    public Node visitMatchOr(MatchOr node) {
        return new MatchOr(children(node.patterns()), span(node.span()));
    }

    @Override
    public Node visitMatchSequence(MatchSequence node) {
        return new MatchSequence(children(node.patterns()), span(node.span()));
    }

    @Override
    public Node visitMatchSingleton(MatchSingleton node) {
        return new MatchSingleton(node.value(), span(node.span()));
    }

    @Override
    public Node visitMatchStar(MatchStar node) {
        return new MatchStar(node.name(), span(node.span()));
    }

    @Override
    public Node visitMatchValue(MatchValue node) {
        return new MatchValue(child(node.value()), span(node.span()));
    }

    @Override
    public Node visitModule(dev.greenlight.python.ast.Module node) {
        return new dev.greenlight.python.ast.Module(children(node.body()), children(node.typeIgnores()));
    }

    @Override
    public Node visitName(Name node) {
        return new Name(node.id(), node.ctx(), span(node.span()));
    }

    @Override
    public Node visitNamedExpr(NamedExpr node) {
        return new NamedExpr(child(node.target()), child(node.value()), span(node.span()));
    }

    @Override
    public Node visitNonlocal(Nonlocal node) {
        return new Nonlocal(node.names(), span(node.span()));
    }

    @Override
    public Node visitParamSpec(ParamSpec node) {
        return new ParamSpec(node.name(), child(node.defaultValue()), span(node.span()));
    }

    @Override
    public Node visitPass(Pass node) {
        return new Pass(span(node.span()));
    }

    @Override
    public Node visitRaise(Raise node) {
        return new Raise(child(node.exc()), child(node.cause()), span(node.span()));
    }

    @Override
    public Node visitReturn(Return node) {
        return new Return(child(node.value()), span(node.span()));
    }

    @Override
    public Node visitSet(dev.greenlight.python.ast.Set node) {
        return new dev.greenlight.python.ast.Set(children(node.elts()), span(node.span()));
    }

    @Override
    public Node visitSetComp(SetComp node) {
        return new SetComp(child(node.elt()), children(node.generators()), span(node.span()));
    }

    @Override
    public Node visitSlice(Slice node) {
        return new Slice(child(node.lower()), child(node.upper()), child(node.step()), span(node.span()));
    }

    @Override
    public Node visitStarred(Starred node) {
        return new Starred(child(node.value()), node.ctx(), span(node.span()));
    }

    @Override
    public Node visitSubscript(Subscript node) {
        return new Subscript(child(node.value()), child(node.slice()), node.ctx(), span(node.span()));
    }

    @Override
    public Node visitTry(Try node) {
        return new Try(children(node.body()), children(node.handlers()), children(node.orelse()), children(node.finalbody()), span(node.span()));
    }

    @Override
    public Node visitTryStar(TryStar node) {
        return new TryStar(children(node.body()), children(node.handlers()), children(node.orelse()), children(node.finalbody()), span(node.span()));
    }

    @Override
    public Node visitTuple(Tuple node) {
        return new Tuple(children(node.elts()), node.ctx(), span(node.span()));
    }

    @Override
    public Node visitTypeAlias(TypeAlias node) {
        return new TypeAlias(child(node.name()), children(node.typeParams()), child(node.value()), span(node.span()));
    }

    @Override
    public Node visitTypeIgnore(TypeIgnore node) {
        return new TypeIgnore(node.lineno(), node.tag());
    }

    @Override
    public Node visitTypeVar(TypeVar node) {
        return new TypeVar(node.name(), child(node.bound()), child(node.defaultValue()), span(node.span()));
    }

    @Override
    public Node visitTypeVarTuple(TypeVarTuple node) {
        return new TypeVarTuple(node.name(), child(node.defaultValue()), span(node.span()));
    }

    @Override
    public Node visitUnaryOp(UnaryOp node) {
        return new UnaryOp(node.op(), child(node.operand()), span(node.span()));
    }

    @Override
    public Node visitWhile(While node) {
        return new While(child(node.test()), children(node.body()), children(node.orelse()), span(node.span()));
    }

    @Override
    public Node visitWith(With node) {
        return new With(children(node.items()), children(node.body()), node.typeComment(), span(node.span()));
    }

    @Override
    public Node visitWithItem(WithItem node) {
        return new WithItem(child(node.contextExpr()), child(node.optionalVars()));
    }

    @Override
    public Node visitYield(Yield node) {
        return new Yield(child(node.value()), span(node.span()));
    }

    @Override
    public Node visitYieldFrom(YieldFrom node) {
        return new YieldFrom(child(node.value()), span(node.span()));
    }
}
