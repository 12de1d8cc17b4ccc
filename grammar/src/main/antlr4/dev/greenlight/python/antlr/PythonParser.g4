/*
 * Python 3.13 syntax for greenlight, written from the Python Language Reference.
 *
 * The grammar is shaped for ANTLR's adaptive prediction rather than copied from CPython's PEG
 * grammar: every decision is meant to be settled within one or two tokens, so that the SLL pass
 * never has to look across a whole expression. Where Python's grammar needs unbounded lookahead
 * (an assignment target versus an expression, a keyword argument versus a positional one, a dict
 * versus a set display) the rule accepts the wider form and AstBuilder checks the narrower one,
 * reporting CPython's message when it does not hold.
 *
 * Rules return nothing; AstBuilder turns the parse tree into dev.greenlight.python.ast nodes.
 */
parser grammar PythonParser;

options {
    tokenVocab = PythonLexer;
}

// ---------------------------------------------------------------------------------------------
// Modules and statements

fileInput
    : (NEWLINE | statement)* EOF
    ;

/** One top-level statement and nothing else: what the statement-level reparse reads. */
singleStatement
    : NEWLINE* statement NEWLINE* EOF
    ;

statement
    : compoundStmt
    | simpleStmts
    ;

simpleStmts
    : simpleStmt (SEMI simpleStmt)* SEMI? (NEWLINE | EOF)
    ;

simpleStmt
    : exprStmt
    | returnStmt
    | importName
    | importFrom
    | raiseStmt
    | PASS
    | delStmt
    | assertStmt
    | BREAK
    | CONTINUE
    | globalStmt
    | nonlocalStmt
    | typeAlias
    ;

/** Expression statements and every kind of assignment; targets are checked by the builder. */
exprStmt
    : testOrYield
      ( COLON annotation=expression (EQUAL annotatedValue=testOrYield)?
      | augassign augValue=testOrYield
      | (EQUAL testOrYield)+
      )?
    ;

testOrYield
    : yieldExpr
    | starExpressions
    ;

augassign
    : PLUSEQUAL | MINEQUAL | STAREQUAL | ATEQUAL | SLASHEQUAL | PERCENTEQUAL | AMPEREQUAL
    | VBAREQUAL | CIRCUMFLEXEQUAL | LEFTSHIFTEQUAL | RIGHTSHIFTEQUAL | DOUBLESTAREQUAL
    | DOUBLESLASHEQUAL
    ;

returnStmt
    : RETURN starExpressions?
    ;

raiseStmt
    : RAISE (expression (FROM expression)?)?
    ;

delStmt
    : DEL targetList
    ;

assertStmt
    : ASSERT expression (COMMA expression)?
    ;

globalStmt
    : GLOBAL name (COMMA name)*
    ;

nonlocalStmt
    : NONLOCAL name (COMMA name)*
    ;

typeAlias
    : TYPE name typeParams? EQUAL expression
    ;

importName
    : IMPORT dottedAsName (COMMA dottedAsName)*
    ;

dottedAsName
    : dottedName (AS name)?
    ;

importFrom
    : FROM (DOT | ELLIPSIS)* dottedName IMPORT importTargets
    | FROM (DOT | ELLIPSIS)+ IMPORT importTargets
    ;

importTargets
    : STAR
    | LPAR importAsName (COMMA importAsName)* COMMA? RPAR
    | importAsName (COMMA importAsName)*
    ;

importAsName
    : name (AS name)?
    ;

dottedName
    : name (DOT name)*
    ;

compoundStmt
    : functionDef
    | ifStmt
    | classDef
    | decorated
    | withStmt
    | forStmt
    | tryStmt
    | whileStmt
    | matchStmt
    ;

block
    : NEWLINE INDENT statement+ DEDENT
    | simpleStmts
    ;

decorated
    : decorator+ (classDef | functionDef)
    ;

decorator
    : AT namedExpression NEWLINE
    ;

classDef
    : CLASS name typeParams? (LPAR arguments? RPAR)? COLON block
    ;

functionDef
    : ASYNC? DEF name typeParams? LPAR parameters? RPAR (RARROW expression)? COLON block
    ;

ifStmt
    : IF namedExpression COLON block elifClause* elseBlock?
    ;

elifClause
    : ELIF namedExpression COLON block
    ;

elseBlock
    : ELSE COLON block
    ;

whileStmt
    : WHILE namedExpression COLON block elseBlock?
    ;

forStmt
    : ASYNC? FOR targetList IN starExpressions COLON block elseBlock?
    ;

withStmt
    : ASYNC? WITH LPAR withItem (COMMA withItem)* COMMA? RPAR COLON block
    | ASYNC? WITH withItem (COMMA withItem)* COLON block
    ;

withItem
    : expression (AS target)?
    ;

tryStmt
    : TRY COLON block (exceptClause+ elseBlock? finallyBlock? | finallyBlock)
    ;

exceptClause
    : EXCEPT STAR? (expression (AS name)?)? COLON block
    ;

finallyBlock
    : FINALLY COLON block
    ;

// ---------------------------------------------------------------------------------------------
// Pattern matching

matchStmt
    : MATCH subject=testList COLON NEWLINE INDENT caseBlock+ DEDENT
    ;

caseBlock
    : CASE patterns (IF guard=namedExpression)? COLON block
    ;

/** A top-level pattern; with a comma it is a sequence pattern without brackets. */
patterns
    : starPattern (COMMA starPattern)* COMMA?
    ;

starPattern
    : STAR name
    | pattern
    ;

pattern
    : orPattern (AS name)?
    ;

orPattern
    : closedPattern (VBAR closedPattern)*
    ;

closedPattern
    : literalPattern
    | nameOrAttr (LPAR classPatternArgs? RPAR)?
    | LPAR (starPattern (COMMA starPattern)* COMMA?)? RPAR
    | LSQB (starPattern (COMMA starPattern)* COMMA?)? RSQB
    | LBRACE (mappingItem (COMMA mappingItem)* COMMA?)? RBRACE
    ;

literalPattern
    : signedNumber ((PLUS | MINUS) NUMBER)?
    | strings
    | NONE
    | TRUE
    | FALSE
    ;

signedNumber
    : MINUS? NUMBER
    ;

nameOrAttr
    : name (DOT name)*
    ;

classPatternArgs
    : classPatternArg (COMMA classPatternArg)* COMMA?
    ;

classPatternArg
    : name EQUAL pattern
    | pattern
    ;

mappingItem
    : DOUBLESTAR name
    | (literalPattern | nameOrAttr) COLON pattern
    ;

// ---------------------------------------------------------------------------------------------
// Type parameters (PEP 695, PEP 696)

typeParams
    : LSQB typeParam (COMMA typeParam)* COMMA? RSQB
    ;

typeParam
    : name (COLON bound=expression)? (EQUAL defaultValue=expression)?
    | STAR name (EQUAL defaultStar=starExpression)?
    | DOUBLESTAR name (EQUAL defaultValue=expression)?
    ;

// ---------------------------------------------------------------------------------------------
// Parameters of def and lambda; their order is checked by the builder.

parameters
    : parameter (COMMA parameter)* COMMA?
    ;

parameter
    : SLASH
    | STAR (name (COLON starAnnotation=starExpression)?)?
    | DOUBLESTAR name (COLON annotation=expression)?
    | name (COLON annotation=expression)? (EQUAL defaultValue=expression)?
    ;

lambdaParameters
    : lambdaParameter (COMMA lambdaParameter)* COMMA?
    ;

lambdaParameter
    : SLASH
    | STAR name?
    | DOUBLESTAR name
    | name (EQUAL defaultValue=expression)?
    ;

// ---------------------------------------------------------------------------------------------
// Expressions, from the loosest binding to the tightest

/** Tuple-forming list of possibly starred expressions. */
starExpressions
    : starExpression (COMMA starExpression)* COMMA?
    ;

starExpression
    : STAR bitwiseOr
    | expression
    ;

/** The subject of `match`, an element of a display: starred or assignment expressions. */
testList
    : starNamedExpression (COMMA starNamedExpression)* COMMA?
    ;

starNamedExpression
    : STAR bitwiseOr
    | namedExpression
    ;

namedExpression
    : name COLONEQUAL expression
    | expression
    ;

expression
    : disjunction (IF disjunction ELSE expression)?
    | lambdef
    ;

lambdef
    : LAMBDA lambdaParameters? COLON expression
    ;

yieldExpr
    : YIELD (FROM expression | starExpressions)?
    ;

/** `and` and `or` in one flat list; AstBuilder groups the `and`s, which bind tighter. */
disjunction
    : inversion ((AND | OR) inversion)*
    ;

/** `not`, or a comparison chain (a lone operand without a comparison operator). */
inversion
    : NOT inversion
    | bitwiseOr (compOp bitwiseOr)*
    ;

compOp
    : EQEQUAL | NOTEQUAL | LESS | LESSEQUAL | GREATER | GREATEREQUAL | IN | NOT IN | IS | IS NOT
    ;

/**
 * All binary arithmetic and bitwise operators in one flat list; AstBuilder nests them by
 * precedence. One rule instead of six keeps the parse tree (and the time to build it) small.
 */
bitwiseOr
    : factor (binaryOperator factor)*
    ;

binaryOperator
    : VBAR | CIRCUMFLEX | AMPER | LEFTSHIFT | RIGHTSHIFT | PLUS | MINUS | STAR | SLASH | DOUBLESLASH | PERCENT | AT
    ;

/** Unary operators, then `await` and a primary, then `**` (which binds tighter on its left). */
factor
    : (PLUS | MINUS | TILDE)* AWAIT? primary (DOUBLESTAR factor)?
    ;

primary
    : atom trailer*
    ;

trailer
    : DOT attr=(NAME | MATCH | CASE | TYPE | UNDERSCORE)
    | LPAR arguments? RPAR
    | LSQB slices RSQB
    ;

// Names are spelled out here rather than through `name`: one parse-tree level less for the
// most common operand of all.
atom
    : NAME | MATCH | CASE | TYPE | UNDERSCORE
    | NUMBER
    | strings
    | NONE
    | TRUE
    | FALSE
    | ELLIPSIS
    | LPAR (yieldExpr | starNamedExpression (compFor | (COMMA starNamedExpression)* COMMA?))? RPAR
    | LSQB (starNamedExpression (compFor | (COMMA starNamedExpression)* COMMA?))? RSQB
    | LBRACE (dictOrSetItem (compFor | (COMMA dictOrSetItem)* COMMA?))? RBRACE
    ;

/** An element of `{...}`: `**mapping`, `*iterable`, `key: value` or a set element. */
dictOrSetItem
    : DOUBLESTAR bitwiseOr
    | STAR bitwiseOr
    | namedExpression (COLON expression)?
    ;

compFor
    : forIfClause+
    ;

forIfClause
    : ASYNC? FOR targetList IN disjunction (IF disjunction)*
    ;

slices
    : slice (COMMA slice)* COMMA?
    ;

slice
    : STAR bitwiseOr
    | namedExpression (COLON upper=expression? (COLON step=expression?)?)?
    | COLON upper=expression? (COLON step=expression?)?
    ;

arguments
    : argument (COMMA argument)* COMMA?
    ;

argument
    : STAR expression
    | DOUBLESTAR expression
    | expression (EQUAL value=expression | COLONEQUAL value=expression | compFor)?
    ;

/** Assignment targets after `for`, `del` and in comprehensions; validated by the builder. */
targetList
    : target (COMMA target)* COMMA?
    ;

target
    : STAR? bitwiseOr
    ;

strings
    : (STRING | fstring)+
    ;

fstring
    : FSTRING_START (FSTRING_MIDDLE | fstringReplacementField)* FSTRING_END
    ;

fstringReplacementField
    : LBRACE testOrYield debug=EQUAL? (EXCLAMATION conversion=name)? (COLON fstringFormatSpec*)? RBRACE
    ;

fstringFormatSpec
    : FSTRING_MIDDLE
    | fstringReplacementField
    ;

name
    : NAME
    | MATCH
    | CASE
    | TYPE
    | UNDERSCORE
    ;
