package dev.greenlight.python.ast;

/**
 * Double dispatch over every node class. Each method defaults to {@link #defaultVisit}, so a
 * visitor overrides only the node kinds it cares about.
 */
public interface Visitor<R> {

    R defaultVisit(Node node);

    default R visitModule(Module node) {
        return defaultVisit(node);
    }

    default R visitFunctionDef(FunctionDef node) {
        return defaultVisit(node);
    }

    default R visitAsyncFunctionDef(AsyncFunctionDef node) {
        return defaultVisit(node);
    }

    default R visitClassDef(ClassDef node) {
        return defaultVisit(node);
    }

    default R visitReturn(Return node) {
        return defaultVisit(node);
    }

    default R visitDelete(Delete node) {
        return defaultVisit(node);
    }

    default R visitAssign(Assign node) {
        return defaultVisit(node);
    }

    default R visitTypeAlias(TypeAlias node) {
        return defaultVisit(node);
    }

    default R visitAugAssign(AugAssign node) {
        return defaultVisit(node);
    }

    default R visitAnnAssign(AnnAssign node) {
        return defaultVisit(node);
    }

    default R visitFor(For node) {
        return defaultVisit(node);
    }

    default R visitAsyncFor(AsyncFor node) {
        return defaultVisit(node);
    }

    default R visitWhile(While node) {
        return defaultVisit(node);
    }

    default R visitIf(If node) {
        return defaultVisit(node);
    }

    default R visitWith(With node) {
        return defaultVisit(node);
    }

    default R visitAsyncWith(AsyncWith node) {
        return defaultVisit(node);
    }

    default R visitMatch(Match node) {
        return defaultVisit(node);
    }

    default R visitRaise(Raise node) {
        return defaultVisit(node);
    }

    default R visitTry(Try node) {
        return defaultVisit(node);
    }

    default R visitTryStar(TryStar node) {
        return defaultVisit(node);
    }

    default R visitAssert(Assert node) {
        return defaultVisit(node);
    }

    default R visitImport(Import node) {
        return defaultVisit(node);
    }

    default R visitImportFrom(ImportFrom node) {
        return defaultVisit(node);
    }

    default R visitGlobal(Global node) {
        return defaultVisit(node);
    }

    default R visitNonlocal(Nonlocal node) {
        return defaultVisit(node);
    }

    default R visitExpr(Expr node) {
        return defaultVisit(node);
    }

    default R visitPass(Pass node) {
        return defaultVisit(node);
    }

    default R visitBreak(Break node) {
        return defaultVisit(node);
    }

    default R visitContinue(Continue node) {
        return defaultVisit(node);
    }

    default R visitBoolOp(BoolOp node) {
        return defaultVisit(node);
    }

    default R visitNamedExpr(NamedExpr node) {
        return defaultVisit(node);
    }

    default R visitBinOp(BinOp node) {
        return defaultVisit(node);
    }

    default R visitUnaryOp(UnaryOp node) {
        return defaultVisit(node);
    }

    default R visitLambda(Lambda node) {
        return defaultVisit(node);
    }

    default R visitIfExp(IfExp node) {
        return defaultVisit(node);
    }

    default R visitDict(Dict node) {
        return defaultVisit(node);
    }

    default R visitSet(Set node) {
        return defaultVisit(node);
    }

    default R visitListComp(ListComp node) {
        return defaultVisit(node);
    }

    default R visitSetComp(SetComp node) {
        return defaultVisit(node);
    }

    default R visitDictComp(DictComp node) {
        return defaultVisit(node);
    }

    default R visitGeneratorExp(GeneratorExp node) {
        return defaultVisit(node);
    }

    default R visitAwait(Await node) {
        return defaultVisit(node);
    }

    default R visitYield(Yield node) {
        return defaultVisit(node);
    }

    default R visitYieldFrom(YieldFrom node) {
        return defaultVisit(node);
    }

    default R visitCompare(Compare node) {
        return defaultVisit(node);
    }

    default R visitCall(Call node) {
        return defaultVisit(node);
    }

    default R visitFormattedValue(FormattedValue node) {
        return defaultVisit(node);
    }

    default R visitJoinedStr(JoinedStr node) {
        return defaultVisit(node);
    }

    default R visitConstant(Constant node) {
        return defaultVisit(node);
    }

    default R visitAttribute(Attribute node) {
        return defaultVisit(node);
    }

    default R visitSubscript(Subscript node) {
        return defaultVisit(node);
    }

    default R visitStarred(Starred node) {
        return defaultVisit(node);
    }

    default R visitName(Name node) {
        return defaultVisit(node);
    }

    default R visitList(List node) {
        return defaultVisit(node);
    }

    default R visitTuple(Tuple node) {
        return defaultVisit(node);
    }

    default R visitSlice(Slice node) {
        return defaultVisit(node);
    }

    default R visitComprehension(Comprehension node) {
        return defaultVisit(node);
    }

    default R visitExceptHandler(ExceptHandler node) {
        return defaultVisit(node);
    }

    default R visitArguments(Arguments node) {
        return defaultVisit(node);
    }

    default R visitArg(Arg node) {
        return defaultVisit(node);
    }

    default R visitKeyword(Keyword node) {
        return defaultVisit(node);
    }

    default R visitAlias(Alias node) {
        return defaultVisit(node);
    }

    default R visitWithItem(WithItem node) {
        return defaultVisit(node);
    }

    default R visitMatchCase(MatchCase node) {
        return defaultVisit(node);
    }

    default R visitMatchValue(MatchValue node) {
        return defaultVisit(node);
    }

    default R visitMatchSingleton(MatchSingleton node) {
        return defaultVisit(node);
    }

    default R visitMatchSequence(MatchSequence node) {
        return defaultVisit(node);
    }

    default R visitMatchMapping(MatchMapping node) {
        return defaultVisit(node);
    }

    default R visitMatchClass(MatchClass node) {
        return defaultVisit(node);
    }

    default R visitMatchStar(MatchStar node) {
        return defaultVisit(node);
    }

    default R visitMatchAs(MatchAs node) {
        return defaultVisit(node);
    }

    default R visitMatchOr(MatchOr node) {
        return defaultVisit(node);
    }

    default R visitTypeIgnore(TypeIgnore node) {
        return defaultVisit(node);
    }

    default R visitTypeVar(TypeVar node) {
        return defaultVisit(node);
    }

    default R visitParamSpec(ParamSpec node) {
        return defaultVisit(node);
    }

    default R visitTypeVarTuple(TypeVarTuple node) {
        return defaultVisit(node);
    }
}
