/*
 * Python 3.13 lexer for greenlight.
 *
 * The grammar only recognises tokens. Everything that needs state lives in PythonLexerBase:
 * NEWLINE/INDENT/DEDENT, implicit line joining inside brackets, the f-string mode machine
 * (replacement fields, format specs), bracket matching and the lexical error list.
 *
 * Modes: DEFAULT_MODE for ordinary code (also the expression part of an f-string replacement
 * field), FS_* for the literal text of an f-string, SPEC_* for the literal text of a format spec.
 * There is one FS/SPEC pair per quote kind (DQ ", SQ ', TDQ """, TSQ ''') and raw-ness (R),
 * because the quote that ends the text, newlines and \N{...} differ between them.
 */
lexer grammar PythonLexer;

options { superClass = PythonLexerBase; }

tokens {
    INDENT, DEDENT,
    FSTRING_START, FSTRING_MIDDLE, FSTRING_END,
    // Raw token types that PythonLexerBase turns into errors or other types; never seen by a parser.
    FSTRING_LONE_RBRACE, FSTRING_NEWLINE
}

// ---------------------------------------------------------------------------------------------
// Keywords (before NAME: on a tie the first rule wins)

FALSE    : 'False' ;
NONE     : 'None' ;
TRUE     : 'True' ;
AND      : 'and' ;
AS       : 'as' ;
ASSERT   : 'assert' ;
ASYNC    : 'async' ;
AWAIT    : 'await' ;
BREAK    : 'break' ;
CLASS    : 'class' ;
CONTINUE : 'continue' ;
DEF      : 'def' ;
DEL      : 'del' ;
ELIF     : 'elif' ;
ELSE     : 'else' ;
EXCEPT   : 'except' ;
FINALLY  : 'finally' ;
FOR      : 'for' ;
FROM     : 'from' ;
GLOBAL   : 'global' ;
IF       : 'if' ;
IMPORT   : 'import' ;
IN       : 'in' ;
IS       : 'is' ;
LAMBDA   : 'lambda' ;
NONLOCAL : 'nonlocal' ;
NOT      : 'not' ;
OR       : 'or' ;
PASS     : 'pass' ;
RAISE    : 'raise' ;
RETURN   : 'return' ;
TRY      : 'try' ;
WHILE    : 'while' ;
WITH     : 'with' ;
YIELD    : 'yield' ;

// Soft keywords: own tokens; the parser accepts them wherever a name is allowed.
MATCH      : 'match' ;
CASE       : 'case' ;
TYPE       : 'type' ;
UNDERSCORE : '_' ;

// ---------------------------------------------------------------------------------------------
// Operators and delimiters (CPython's token names)

LPAR             : '(' ;
RPAR             : ')' ;
LSQB             : '[' ;
RSQB             : ']' ;
LBRACE           : '{' ;
RBRACE           : '}' ;
COLON            : ':' ;
COMMA            : ',' ;
SEMI             : ';' ;
PLUS             : '+' ;
MINUS            : '-' ;
STAR             : '*' ;
SLASH            : '/' ;
VBAR             : '|' ;
AMPER            : '&' ;
LESS             : '<' ;
GREATER          : '>' ;
EQUAL            : '=' ;
DOT              : '.' ;
PERCENT          : '%' ;
EQEQUAL          : '==' ;
NOTEQUAL         : '!=' ;
LESSEQUAL        : '<=' ;
GREATEREQUAL     : '>=' ;
TILDE            : '~' ;
CIRCUMFLEX       : '^' ;
LEFTSHIFT        : '<<' ;
RIGHTSHIFT       : '>>' ;
DOUBLESTAR       : '**' ;
PLUSEQUAL        : '+=' ;
MINEQUAL         : '-=' ;
STAREQUAL        : '*=' ;
SLASHEQUAL       : '/=' ;
PERCENTEQUAL     : '%=' ;
AMPEREQUAL       : '&=' ;
VBAREQUAL        : '|=' ;
CIRCUMFLEXEQUAL  : '^=' ;
LEFTSHIFTEQUAL   : '<<=' ;
RIGHTSHIFTEQUAL  : '>>=' ;
DOUBLESTAREQUAL  : '**=' ;
DOUBLESLASH      : '//' ;
DOUBLESLASHEQUAL : '//=' ;
AT               : '@' ;
ATEQUAL          : '@=' ;
RARROW           : '->' ;
ELLIPSIS         : '...' ;
COLONEQUAL       : ':=' ;
EXCLAMATION      : '!' ;

// ---------------------------------------------------------------------------------------------
// Names (PEP 3131). NFKC normalisation of the name is left to whoever builds the tree.
//
// The lexer never sees a non-ASCII code point: PythonLexerBase hands it a view of the input in
// which each one is replaced by a class character, \u0001 for XID_Start, \u0002 for the rest of
// XID_Continue, \u0003 for anything else (real \u0001 and \u0002 become \u0003 too). Token text
// and offsets are those of the real input. This keeps every step of the lexer in ANTLR's DFA cache,
// which only covers characters below 128, so text in any script lexes as fast as ASCII.

NAME : ID_START ID_CONTINUE* ;

fragment ID_START    : [_a-zA-Z\u0001] ;
fragment ID_CONTINUE : [_a-zA-Z0-9\u0001\u0002] ;

// ---------------------------------------------------------------------------------------------
// Numbers. Malformed numbers ("1_", "0x", "012", "1abc") are found by PythonLexerBase, which
// looks at the character after the NUMBER token.

NUMBER
    : DEC_INTEGER
    | '0' [xX] ( '_'? [0-9a-fA-F] )+
    | '0' [oO] ( '_'? [0-7] )+
    | '0' [bB] ( '_'? [01] )+
    | FLOAT_NUMBER
    | ( DIGIT_PART | FLOAT_NUMBER ) [jJ]
    ;

fragment DEC_INTEGER  : [1-9] ( '_'? [0-9] )* | '0'+ ( '_'? '0' )* ;
fragment DIGIT_PART   : [0-9] ( '_'? [0-9] )* ;
fragment POINT_FLOAT  : DIGIT_PART? '.' DIGIT_PART | DIGIT_PART '.' ;
fragment FLOAT_NUMBER : POINT_FLOAT | ( DIGIT_PART | POINT_FLOAT ) [eE] [+-]? DIGIT_PART ;

// ---------------------------------------------------------------------------------------------
// Strings (not f-strings). The token text is the source text, prefix and quotes included;
// dev.greenlight.python.parse.StringLiterals decodes it.

STRING
    : STRING_PREFIX? ( '\'' SQ_ITEM* '\'' | '"' DQ_ITEM* '"' )
    | STRING_PREFIX? ( '\'\'\'' TSQ_BODY '\'\'\'' | '"""' TDQ_BODY '"""' )
    ;

// A string that reaches the end of its line (or, triple-quoted, the end of the input).
// PythonLexerBase records the error and hands it on as a STRING.
UNTERMINATED_STRING
    : STRING_PREFIX? ( '\'' SQ_ITEM* | '"' DQ_ITEM* ) '\\'?
    ;

UNTERMINATED_TRIPLE_STRING
    : STRING_PREFIX? ( '\'\'\'' TSQ_BODY ( '\'' | '\'\'' | '\\' )? | '"""' TDQ_BODY ( '"' | '""' | '\\' )? )
    ;

fragment STRING_PREFIX : [rRuUbB] | [bB][rR] | [rR][bB] ;
fragment ESCAPED       : '\\' ( '\r\n' | . ) ;
fragment SQ_ITEM       : ~['\\\r\n] | ESCAPED ;
fragment DQ_ITEM       : ~["\\\r\n] | ESCAPED ;
// The body of a triple-quoted string never contains three quotes in a row and never ends in a quote.
fragment TSQ_BODY      : ( TQ_SQ_ITEM | '\'' TQ_SQ_ITEM | '\'\'' TQ_SQ_ITEM )* ;
fragment TDQ_BODY      : ( TQ_DQ_ITEM | '"' TQ_DQ_ITEM | '""' TQ_DQ_ITEM )* ;
fragment TQ_SQ_ITEM    : ~['\\] | ESCAPED ;
fragment TQ_DQ_ITEM    : ~["\\] | ESCAPED ;

// ---------------------------------------------------------------------------------------------
// f-strings (PEP 701). The start token carries the prefix and the opening quote.

FSTRING_START_DQ   : [fF] '"'              -> type(FSTRING_START), pushMode(FS_DQ) ;
FSTRING_START_SQ   : [fF] '\''             -> type(FSTRING_START), pushMode(FS_SQ) ;
FSTRING_START_TDQ  : [fF] '"""'            -> type(FSTRING_START), pushMode(FS_TDQ) ;
FSTRING_START_TSQ  : [fF] '\'\'\''         -> type(FSTRING_START), pushMode(FS_TSQ) ;
FSTRING_START_RDQ  : RAW_F_PREFIX '"'      -> type(FSTRING_START), pushMode(FS_RDQ) ;
FSTRING_START_RSQ  : RAW_F_PREFIX '\''     -> type(FSTRING_START), pushMode(FS_RSQ) ;
FSTRING_START_RTDQ : RAW_F_PREFIX '"""'    -> type(FSTRING_START), pushMode(FS_RTDQ) ;
FSTRING_START_RTSQ : RAW_F_PREFIX '\'\'\'' -> type(FSTRING_START), pushMode(FS_RTSQ) ;

fragment RAW_F_PREFIX : [fF][rR] | [rR][fF] ;

// ---------------------------------------------------------------------------------------------
// Layout

NEWLINE : '\r'? '\n' | '\r' ;

// Comments are kept (hidden) for "# noqa" and "# type: ignore" readers.
COMMENT : '#' ~[\r\n]* -> channel(HIDDEN) ;

WS : [ \t\f]+ -> skip ;

// Backslash-newline: an explicit line join. PythonLexerBase drops it (it needs to see it to
// report "unexpected EOF while parsing" after a trailing continuation).
LINE_JOIN : '\\' ( '\r'? '\n' | '\r' ) ;

// Anything else is one bad character; PythonLexerBase records the error and drops it.
ERROR_CHAR : . ;

// =============================================================================================
// f-string modes (literal text and format specs). Pushing and popping between these modes and
// DEFAULT_MODE (the replacement fields) is done by PythonLexerBase.

mode FS_DQ;
FS_DQ_END : '"' -> type(FSTRING_END) ;
FS_DQ_LBRACE : [{] -> type(LBRACE) ;
FS_DQ_RBRACE : [}] -> type(FSTRING_LONE_RBRACE) ;
FS_DQ_MIDDLE : ( FS_DQ_UNIT+ '\\'? | '\\' ) -> type(FSTRING_MIDDLE) ;
FS_DQ_NEWLINE : ( '\r' '\n'? | '\n' ) -> type(FSTRING_NEWLINE) ;
fragment FS_DQ_UNIT : ~[\\{}"\r\n] | '\\' ~[{}\r] | '\\\r' '\n'? | '\\N{' ~[{}\\"\r\n]* '}' | '{{' | '}}' ;

mode SPEC_DQ;
SPEC_DQ_END : '"' -> type(FSTRING_END) ;
SPEC_DQ_LBRACE : [{] -> type(LBRACE) ;
SPEC_DQ_RBRACE : [}] -> type(RBRACE) ;
SPEC_DQ_MIDDLE : ( SPEC_DQ_UNIT+ '\\'? | '\\' ) -> type(FSTRING_MIDDLE) ;
SPEC_DQ_NEWLINE : ( '\r' '\n'? | '\n' ) -> type(FSTRING_NEWLINE) ;
fragment SPEC_DQ_UNIT : ~[\\{}"\r\n] | '\\' ~[{}\r] | '\\\r' '\n'? | '\\N{' ~[{}\\"\r\n]* '}' ;

mode FS_SQ;
FS_SQ_END : '\'' -> type(FSTRING_END) ;
FS_SQ_LBRACE : [{] -> type(LBRACE) ;
FS_SQ_RBRACE : [}] -> type(FSTRING_LONE_RBRACE) ;
FS_SQ_MIDDLE : ( FS_SQ_UNIT+ '\\'? | '\\' ) -> type(FSTRING_MIDDLE) ;
FS_SQ_NEWLINE : ( '\r' '\n'? | '\n' ) -> type(FSTRING_NEWLINE) ;
fragment FS_SQ_UNIT : ~[\\{}'\r\n] | '\\' ~[{}\r] | '\\\r' '\n'? | '\\N{' ~[{}\\'\r\n]* '}' | '{{' | '}}' ;

mode SPEC_SQ;
SPEC_SQ_END : '\'' -> type(FSTRING_END) ;
SPEC_SQ_LBRACE : [{] -> type(LBRACE) ;
SPEC_SQ_RBRACE : [}] -> type(RBRACE) ;
SPEC_SQ_MIDDLE : ( SPEC_SQ_UNIT+ '\\'? | '\\' ) -> type(FSTRING_MIDDLE) ;
SPEC_SQ_NEWLINE : ( '\r' '\n'? | '\n' ) -> type(FSTRING_NEWLINE) ;
fragment SPEC_SQ_UNIT : ~[\\{}'\r\n] | '\\' ~[{}\r] | '\\\r' '\n'? | '\\N{' ~[{}\\'\r\n]* '}' ;

mode FS_TDQ;
FS_TDQ_END : '"""' -> type(FSTRING_END) ;
FS_TDQ_LBRACE : [{] -> type(LBRACE) ;
FS_TDQ_RBRACE : [}] -> type(FSTRING_LONE_RBRACE) ;
FS_TDQ_MIDDLE : ( ( FS_TDQ_UNIT | '"' FS_TDQ_UNIT | '""' FS_TDQ_UNIT )+ ( ( '"' | '""' )? '\\' )? | ( '"' | '""' )? '\\' ) -> type(FSTRING_MIDDLE) ;
FS_TDQ_QUOTES : '"' '"'? -> type(FSTRING_MIDDLE) ;
fragment FS_TDQ_UNIT : ~[\\{}"] | '\\' ~[{}\r] | '\\\r' '\n'? | '\\N{' ~[{}\\"\r\n]* '}' | '{{' | '}}' ;

mode SPEC_TDQ;
SPEC_TDQ_END : '"""' -> type(FSTRING_END) ;
SPEC_TDQ_LBRACE : [{] -> type(LBRACE) ;
SPEC_TDQ_RBRACE : [}] -> type(RBRACE) ;
SPEC_TDQ_MIDDLE : ( ( SPEC_TDQ_UNIT | '"' SPEC_TDQ_UNIT | '""' SPEC_TDQ_UNIT )+ ( ( '"' | '""' )? '\\' )? | ( '"' | '""' )? '\\' ) -> type(FSTRING_MIDDLE) ;
SPEC_TDQ_QUOTES : '"' '"'? -> type(FSTRING_MIDDLE) ;
fragment SPEC_TDQ_UNIT : ~[\\{}"] | '\\' ~[{}\r] | '\\\r' '\n'? | '\\N{' ~[{}\\"\r\n]* '}' ;

mode FS_TSQ;
FS_TSQ_END : '\'\'\'' -> type(FSTRING_END) ;
FS_TSQ_LBRACE : [{] -> type(LBRACE) ;
FS_TSQ_RBRACE : [}] -> type(FSTRING_LONE_RBRACE) ;
FS_TSQ_MIDDLE : ( ( FS_TSQ_UNIT | '\'' FS_TSQ_UNIT | '\'\'' FS_TSQ_UNIT )+ ( ( '\'' | '\'\'' )? '\\' )? | ( '\'' | '\'\'' )? '\\' ) -> type(FSTRING_MIDDLE) ;
FS_TSQ_QUOTES : '\'' '\''? -> type(FSTRING_MIDDLE) ;
fragment FS_TSQ_UNIT : ~[\\{}'] | '\\' ~[{}\r] | '\\\r' '\n'? | '\\N{' ~[{}\\'\r\n]* '}' | '{{' | '}}' ;

mode SPEC_TSQ;
SPEC_TSQ_END : '\'\'\'' -> type(FSTRING_END) ;
SPEC_TSQ_LBRACE : [{] -> type(LBRACE) ;
SPEC_TSQ_RBRACE : [}] -> type(RBRACE) ;
SPEC_TSQ_MIDDLE : ( ( SPEC_TSQ_UNIT | '\'' SPEC_TSQ_UNIT | '\'\'' SPEC_TSQ_UNIT )+ ( ( '\'' | '\'\'' )? '\\' )? | ( '\'' | '\'\'' )? '\\' ) -> type(FSTRING_MIDDLE) ;
SPEC_TSQ_QUOTES : '\'' '\''? -> type(FSTRING_MIDDLE) ;
fragment SPEC_TSQ_UNIT : ~[\\{}'] | '\\' ~[{}\r] | '\\\r' '\n'? | '\\N{' ~[{}\\'\r\n]* '}' ;

mode FS_RDQ;
FS_RDQ_END : '"' -> type(FSTRING_END) ;
FS_RDQ_LBRACE : [{] -> type(LBRACE) ;
FS_RDQ_RBRACE : [}] -> type(FSTRING_LONE_RBRACE) ;
FS_RDQ_MIDDLE : ( FS_RDQ_UNIT+ '\\'? | '\\' ) -> type(FSTRING_MIDDLE) ;
FS_RDQ_NEWLINE : ( '\r' '\n'? | '\n' ) -> type(FSTRING_NEWLINE) ;
fragment FS_RDQ_UNIT : ~[\\{}"\r\n] | '\\' ~[{}\r] | '\\\r' '\n'? | '{{' | '}}' ;

mode SPEC_RDQ;
SPEC_RDQ_END : '"' -> type(FSTRING_END) ;
SPEC_RDQ_LBRACE : [{] -> type(LBRACE) ;
SPEC_RDQ_RBRACE : [}] -> type(RBRACE) ;
SPEC_RDQ_MIDDLE : ( SPEC_RDQ_UNIT+ '\\'? | '\\' ) -> type(FSTRING_MIDDLE) ;
SPEC_RDQ_NEWLINE : ( '\r' '\n'? | '\n' ) -> type(FSTRING_NEWLINE) ;
fragment SPEC_RDQ_UNIT : ~[\\{}"\r\n] | '\\' ~[{}\r] | '\\\r' '\n'? ;

mode FS_RSQ;
FS_RSQ_END : '\'' -> type(FSTRING_END) ;
FS_RSQ_LBRACE : [{] -> type(LBRACE) ;
FS_RSQ_RBRACE : [}] -> type(FSTRING_LONE_RBRACE) ;
FS_RSQ_MIDDLE : ( FS_RSQ_UNIT+ '\\'? | '\\' ) -> type(FSTRING_MIDDLE) ;
FS_RSQ_NEWLINE : ( '\r' '\n'? | '\n' ) -> type(FSTRING_NEWLINE) ;
fragment FS_RSQ_UNIT : ~[\\{}'\r\n] | '\\' ~[{}\r] | '\\\r' '\n'? | '{{' | '}}' ;

mode SPEC_RSQ;
SPEC_RSQ_END : '\'' -> type(FSTRING_END) ;
SPEC_RSQ_LBRACE : [{] -> type(LBRACE) ;
SPEC_RSQ_RBRACE : [}] -> type(RBRACE) ;
SPEC_RSQ_MIDDLE : ( SPEC_RSQ_UNIT+ '\\'? | '\\' ) -> type(FSTRING_MIDDLE) ;
SPEC_RSQ_NEWLINE : ( '\r' '\n'? | '\n' ) -> type(FSTRING_NEWLINE) ;
fragment SPEC_RSQ_UNIT : ~[\\{}'\r\n] | '\\' ~[{}\r] | '\\\r' '\n'? ;

mode FS_RTDQ;
FS_RTDQ_END : '"""' -> type(FSTRING_END) ;
FS_RTDQ_LBRACE : [{] -> type(LBRACE) ;
FS_RTDQ_RBRACE : [}] -> type(FSTRING_LONE_RBRACE) ;
FS_RTDQ_MIDDLE : ( ( FS_RTDQ_UNIT | '"' FS_RTDQ_UNIT | '""' FS_RTDQ_UNIT )+ ( ( '"' | '""' )? '\\' )? | ( '"' | '""' )? '\\' ) -> type(FSTRING_MIDDLE) ;
FS_RTDQ_QUOTES : '"' '"'? -> type(FSTRING_MIDDLE) ;
fragment FS_RTDQ_UNIT : ~[\\{}"] | '\\' ~[{}\r] | '\\\r' '\n'? | '{{' | '}}' ;

mode SPEC_RTDQ;
SPEC_RTDQ_END : '"""' -> type(FSTRING_END) ;
SPEC_RTDQ_LBRACE : [{] -> type(LBRACE) ;
SPEC_RTDQ_RBRACE : [}] -> type(RBRACE) ;
SPEC_RTDQ_MIDDLE : ( ( SPEC_RTDQ_UNIT | '"' SPEC_RTDQ_UNIT | '""' SPEC_RTDQ_UNIT )+ ( ( '"' | '""' )? '\\' )? | ( '"' | '""' )? '\\' ) -> type(FSTRING_MIDDLE) ;
SPEC_RTDQ_QUOTES : '"' '"'? -> type(FSTRING_MIDDLE) ;
fragment SPEC_RTDQ_UNIT : ~[\\{}"] | '\\' ~[{}\r] | '\\\r' '\n'? ;

mode FS_RTSQ;
FS_RTSQ_END : '\'\'\'' -> type(FSTRING_END) ;
FS_RTSQ_LBRACE : [{] -> type(LBRACE) ;
FS_RTSQ_RBRACE : [}] -> type(FSTRING_LONE_RBRACE) ;
FS_RTSQ_MIDDLE : ( ( FS_RTSQ_UNIT | '\'' FS_RTSQ_UNIT | '\'\'' FS_RTSQ_UNIT )+ ( ( '\'' | '\'\'' )? '\\' )? | ( '\'' | '\'\'' )? '\\' ) -> type(FSTRING_MIDDLE) ;
FS_RTSQ_QUOTES : '\'' '\''? -> type(FSTRING_MIDDLE) ;
fragment FS_RTSQ_UNIT : ~[\\{}'] | '\\' ~[{}\r] | '\\\r' '\n'? | '{{' | '}}' ;

mode SPEC_RTSQ;
SPEC_RTSQ_END : '\'\'\'' -> type(FSTRING_END) ;
SPEC_RTSQ_LBRACE : [{] -> type(LBRACE) ;
SPEC_RTSQ_RBRACE : [}] -> type(RBRACE) ;
SPEC_RTSQ_MIDDLE : ( ( SPEC_RTSQ_UNIT | '\'' SPEC_RTSQ_UNIT | '\'\'' SPEC_RTSQ_UNIT )+ ( ( '\'' | '\'\'' )? '\\' )? | ( '\'' | '\'\'' )? '\\' ) -> type(FSTRING_MIDDLE) ;
SPEC_RTSQ_QUOTES : '\'' '\''? -> type(FSTRING_MIDDLE) ;
fragment SPEC_RTSQ_UNIT : ~[\\{}'] | '\\' ~[{}\r] | '\\\r' '\n'? ;

