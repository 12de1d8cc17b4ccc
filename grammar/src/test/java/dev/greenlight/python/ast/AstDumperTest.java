package dev.greenlight.python.ast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenlight.python.conformance.DumpText;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link AstDumper} and {@link DumpSchema} on hand-built trees. The expected texts are what
 * {@code cpython_ast_dump.py} and {@code ast.dump} print for the same sources under CPython 3.11
 * and 3.13:
 * <pre>
 * # S2
 * def f(a, *, b=2):
 *     return f"{a!r:>{b}} {a=}"
 * # S3
 * t = ('é😀\\udc80"\\\\\\n\\x7f\\t', b'\\x00\\xff\\'', 1000000000000000000000000000000, 1.5, 2j, True, None, ..., u'k')
 * pass
 * </pre>
 */
class AstDumperTest {

    private static Span sp(int lineno, int col, int endLineno, int endCol) {
        return new Span(0, 0, lineno, col, endLineno, endCol);
    }

    private static Constant constant(Object value, int lineno, int col, int endLineno, int endCol) {
        return new Constant(value, null, sp(lineno, col, endLineno, endCol));
    }

    /** S2, with CPython 3.13's positions. */
    static Module s2() {
        Arguments args = new Arguments(
                List.of(),
                List.of(new Arg("a", null, null, sp(1, 6, 1, 7))),
                null,
                List.of(new Arg("b", null, null, sp(1, 12, 1, 13))),
                List.of(constant(BigInteger.TWO, 1, 14, 1, 15)),
                null,
                List.of());
        JoinedStr spec = new JoinedStr(List.of(
                constant(">", 2, 18, 2, 19),
                new FormattedValue(new Name("b", ExprContext.Load, sp(2, 20, 2, 21)), -1, null, sp(2, 19, 2, 22))),
                sp(2, 17, 2, 22));
        JoinedStr fstring = new JoinedStr(List.of(
                new FormattedValue(new Name("a", ExprContext.Load, sp(2, 14, 2, 15)), 'r', spec, sp(2, 13, 2, 23)),
                constant(" a=", 2, 23, 2, 27),
                new FormattedValue(new Name("a", ExprContext.Load, sp(2, 25, 2, 26)), 'r', null, sp(2, 24, 2, 28))),
                sp(2, 11, 2, 29));
        FunctionDef f = new FunctionDef("f", args, List.of(new Return(fstring, sp(2, 4, 2, 29))), List.of(), null, null,
                List.of(), sp(1, 0, 2, 29));
        return new Module(List.of(f), List.of());
    }

    /** S3. */
    static Module s3() {
        List<Expression> elts = List.of(
                constant("\u00e9\ud83d\ude00\udc80\"\\\n\u007f\t", 1, 5, 1, 30),
                constant(new Bytes("\0\u00ff'"), 1, 32, 1, 45),
                constant(new BigInteger("1000000000000000000000000000000"), 1, 47, 1, 78),
                constant(1.5, 1, 80, 1, 83),
                constant(new Imaginary(2.0), 1, 85, 1, 87),
                constant(Boolean.TRUE, 1, 89, 1, 93),
                constant(Singleton.NONE, 1, 95, 1, 99),
                constant(Singleton.ELLIPSIS, 1, 101, 1, 104),
                new Constant("k", "u", sp(1, 106, 1, 110)));
        Assign assign = new Assign(List.of(new Name("t", ExprContext.Store, sp(1, 0, 1, 1))),
                new Tuple(elts, ExprContext.Load, sp(1, 4, 1, 111)), null, sp(1, 0, 1, 111));
        return new Module(List.of(assign, new Pass(sp(2, 0, 2, 4))), List.of());
    }

    /** The classes S2 needs, as CPython 3.11.7 describes them (laid out; no fstring_inner_positions). */
    private static final String SCHEMA_311 = """
            {"version": "3.11.7", "classes": {
              "Module": {"fields": ["body", "type_ignores"], "attributes": []},
              "FunctionDef": {"fields": ["name", "args", "body", "decorator_list", "returns", "type_comment"],
                              "attributes": ["lineno", "col_offset", "end_lineno", "end_col_offset"]},
              "arguments": {"fields": ["posonlyargs", "args", "vararg", "kwonlyargs", "kw_defaults", "kwarg",
                                       "defaults"], "attributes": []},
              "arg": {"fields": ["arg", "annotation", "type_comment"],
                      "attributes": ["lineno", "col_offset", "end_lineno", "end_col_offset"]},
              "Constant": {"fields": ["value", "kind"],
                           "attributes": ["lineno", "col_offset", "end_lineno", "end_col_offset"]},
              "Return": {"fields": ["value"], "attributes": ["lineno", "col_offset", "end_lineno", "end_col_offset"]},
              "JoinedStr": {"fields": ["values"], "attributes": ["lineno", "col_offset", "end_lineno", "end_col_offset"]},
              "FormattedValue": {"fields": ["value", "conversion", "format_spec"],
                                 "attributes": ["lineno", "col_offset", "end_lineno", "end_col_offset"]},
              "Name": {"fields": ["id", "ctx"], "attributes": ["lineno", "col_offset", "end_lineno", "end_col_offset"]},
              "Load": {"fields": [], "attributes": []}
            }}
            """;

    private static final String S2_313 = DumpText.compact("""
                Module(
                  body=[
                    FunctionDef(
                      name="f",
                      args=arguments(
                        posonlyargs=[],
                        args=[arg(arg="a",annotation=None,type_comment=None)@1:6-1:7],
                        vararg=None,
                        kwonlyargs=[arg(arg="b",annotation=None,type_comment=None)@1:12-1:13],
                        kw_defaults=[Constant(value=2,kind=None)@1:14-1:15],
                        kwarg=None,
                        defaults=[]
                      ),
                      body=[
                        Return(
                          value=JoinedStr(
                            values=[
                              FormattedValue(
                                value=Name(id="a",ctx=Load)@2:14-2:15,
                                conversion=114,
                                format_spec=JoinedStr(
                                  values=[
                                    Constant(value=">",kind=None)@2:18-2:19,
                                    FormattedValue(
                                      value=Name(id="b",ctx=Load)@2:20-2:21,
                                      conversion=-1,
                                      format_spec=None
                                    )@2:19-2:22
                                  ]
                                )@2:17-2:22
                              )@2:13-2:23,
                              Constant(value=" a=",kind=None)@2:23-2:27,
                              FormattedValue(
                                value=Name(id="a",ctx=Load)@2:25-2:26,
                                conversion=114,
                                format_spec=None
                              )@2:24-2:28
                            ]
                          )@2:11-2:29
                        )@2:4-2:29
                      ],
                      decorator_list=[],
                      returns=None,
                      type_comment=None,
                      type_params=[]
                    )@1:0-2:29
                  ],
                  type_ignores=[]
                )""");

    private static final String S2_311 = DumpText.compact("""
                Module(
                  body=[
                    FunctionDef(
                      name="f",
                      args=arguments(
                        posonlyargs=[],
                        args=[arg(arg="a",annotation=None,type_comment=None)@1:6-1:7],
                        vararg=None,
                        kwonlyargs=[arg(arg="b",annotation=None,type_comment=None)@1:12-1:13],
                        kw_defaults=[Constant(value=2,kind=None)@1:14-1:15],
                        kwarg=None,
                        defaults=[]
                      ),
                      body=[
                        Return(
                          value=JoinedStr(
                            values=[
                              FormattedValue(
                                value=Name(id="a",ctx=Load),
                                conversion=114,
                                format_spec=JoinedStr(
                                  values=[
                                    Constant(value=">",kind=None),
                                    FormattedValue(value=Name(id="b",ctx=Load),conversion=-1,format_spec=None)
                                  ]
                                )
                              ),
                              Constant(value=" a=",kind=None),
                              FormattedValue(
                                value=Name(id="a",ctx=Load),
                                conversion=114,
                                format_spec=None
                              )
                            ]
                          )@2:11-2:29
                        )@2:4-2:29
                      ],
                      decorator_list=[],
                      returns=None,
                      type_comment=None
                    )@1:0-2:29
                  ],
                  type_ignores=[]
                )""");

    private static final String S3_313 = DumpText.compact("""
                Module(
                  body=[
                    Assign(
                      targets=[Name(id="t",ctx=Store)@1:0-1:1],
                      value=Tuple(
                        elts=[
                          Constant(value="\\u00e9\\ud83d\\ude00\\udc80\\"\\\\\\n\\u007f\\t",kind=None)@1:5-1:30,
                          Constant(value=b00ff27,kind=None)@1:32-1:45,
                          Constant(value=1000000000000000000000000000000,kind=None)@1:47-1:78,
                          Constant(value=f3ff8000000000000,kind=None)@1:80-1:83,
                          Constant(value=j4000000000000000,kind=None)@1:85-1:87,
                          Constant(value=True,kind=None)@1:89-1:93,
                          Constant(value=None,kind=None)@1:95-1:99,
                          Constant(value=...,kind=None)@1:101-1:104,
                          Constant(value="k",kind="u")@1:106-1:110
                        ],
                        ctx=Load
                      )@1:4-1:111,
                      type_comment=None
                    )@1:0-1:111,
                    Pass()@2:0-2:4
                  ],
                  type_ignores=[]
                )""");

    private static final String LIKE_CPYTHON_2 = """
                Module(
                    body=[
                        FunctionDef(
                            name='f',
                            args=arguments(
                                args=[
                                    arg(
                                        arg='a',
                                        lineno=1,
                                        col_offset=6,
                                        end_lineno=1,
                                        end_col_offset=7)],
                                kwonlyargs=[
                                    arg(
                                        arg='b',
                                        lineno=1,
                                        col_offset=12,
                                        end_lineno=1,
                                        end_col_offset=13)],
                                kw_defaults=[
                                    Constant(
                                        value=2,
                                        lineno=1,
                                        col_offset=14,
                                        end_lineno=1,
                                        end_col_offset=15)]),
                            body=[
                                Return(
                                    value=JoinedStr(
                                        values=[
                                            FormattedValue(
                                                value=Name(
                                                    id='a',
                                                    ctx=Load(),
                                                    lineno=2,
                                                    col_offset=14,
                                                    end_lineno=2,
                                                    end_col_offset=15),
                                                conversion=114,
                                                format_spec=JoinedStr(
                                                    values=[
                                                        Constant(
                                                            value='>',
                                                            lineno=2,
                                                            col_offset=18,
                                                            end_lineno=2,
                                                            end_col_offset=19),
                                                        FormattedValue(
                                                            value=Name(
                                                                id='b',
                                                                ctx=Load(),
                                                                lineno=2,
                                                                col_offset=20,
                                                                end_lineno=2,
                                                                end_col_offset=21),
                                                            conversion=-1,
                                                            lineno=2,
                                                            col_offset=19,
                                                            end_lineno=2,
                                                            end_col_offset=22)],
                                                    lineno=2,
                                                    col_offset=17,
                                                    end_lineno=2,
                                                    end_col_offset=22),
                                                lineno=2,
                                                col_offset=13,
                                                end_lineno=2,
                                                end_col_offset=23),
                                            Constant(
                                                value=' a=',
                                                lineno=2,
                                                col_offset=23,
                                                end_lineno=2,
                                                end_col_offset=27),
                                            FormattedValue(
                                                value=Name(
                                                    id='a',
                                                    ctx=Load(),
                                                    lineno=2,
                                                    col_offset=25,
                                                    end_lineno=2,
                                                    end_col_offset=26),
                                                conversion=114,
                                                lineno=2,
                                                col_offset=24,
                                                end_lineno=2,
                                                end_col_offset=28)],
                                        lineno=2,
                                        col_offset=11,
                                        end_lineno=2,
                                        end_col_offset=29),
                                    lineno=2,
                                    col_offset=4,
                                    end_lineno=2,
                                    end_col_offset=29)],
                            lineno=1,
                            col_offset=0,
                            end_lineno=2,
                            end_col_offset=29)])""";

    private static final String LIKE_CPYTHON_3 = """
                Module(
                    body=[
                        Assign(
                            targets=[
                                Name(
                                    id='t',
                                    ctx=Store(),
                                    lineno=1,
                                    col_offset=0,
                                    end_lineno=1,
                                    end_col_offset=1)],
                            value=Tuple(
                                elts=[
                                    Constant(
                                        value='é😀\\udc80"\\\\\\n\\x7f\\t',
                                        lineno=1,
                                        col_offset=5,
                                        end_lineno=1,
                                        end_col_offset=30),
                                    Constant(
                                        value=b"\\x00\\xff'",
                                        lineno=1,
                                        col_offset=32,
                                        end_lineno=1,
                                        end_col_offset=45),
                                    Constant(
                                        value=1000000000000000000000000000000,
                                        lineno=1,
                                        col_offset=47,
                                        end_lineno=1,
                                        end_col_offset=78),
                                    Constant(
                                        value=1.5,
                                        lineno=1,
                                        col_offset=80,
                                        end_lineno=1,
                                        end_col_offset=83),
                                    Constant(
                                        value=2j,
                                        lineno=1,
                                        col_offset=85,
                                        end_lineno=1,
                                        end_col_offset=87),
                                    Constant(
                                        value=True,
                                        lineno=1,
                                        col_offset=89,
                                        end_lineno=1,
                                        end_col_offset=93),
                                    Constant(
                                        value=None,
                                        lineno=1,
                                        col_offset=95,
                                        end_lineno=1,
                                        end_col_offset=99),
                                    Constant(
                                        value=Ellipsis,
                                        lineno=1,
                                        col_offset=101,
                                        end_lineno=1,
                                        end_col_offset=104),
                                    Constant(
                                        value='k',
                                        kind='u',
                                        lineno=1,
                                        col_offset=106,
                                        end_lineno=1,
                                        end_col_offset=110)],
                                ctx=Load(),
                                lineno=1,
                                col_offset=4,
                                end_lineno=1,
                                end_col_offset=111),
                            lineno=1,
                            col_offset=0,
                            end_lineno=1,
                            end_col_offset=111),
                        Pass(
                            lineno=2,
                            col_offset=0,
                            end_lineno=2,
                            end_col_offset=4)])""";
    @Test
    void exactDumpFor313() {
        assertEquals(S2_313, AstDumper.dump(s2(), DumpSchema.python313()));
        assertEquals(S3_313, AstDumper.dump(s3(), DumpSchema.python313()));
    }

    @Test
    void exactDumpFollowsTheSchemaOf311() {
        DumpSchema schema = DumpSchema.fromJson(SCHEMA_311);
        assertEquals("3.11.7", schema.version());
        assertFalse(schema.fstringInnerPositions());
        // no type_params, and no positions inside the f-string
        assertEquals(S2_311, AstDumper.dump(s2(), schema));
    }

    @Test
    void fstringPositionsFlagIsReadOrDerived() {
        assertTrue(DumpSchema.fromJson("{\"version\":\"3.11.7\",\"fstring_inner_positions\":true,\"classes\":{}}")
                .fstringInnerPositions());
        assertTrue(DumpSchema.fromJson("{\"version\":\"3.12.1\",\"classes\":{}}").fstringInnerPositions());
        assertTrue(DumpSchema.hasFstringInnerPositions("3.13.0rc1"));
        assertTrue(DumpSchema.hasFstringInnerPositions("4.0"));
        assertFalse(DumpSchema.hasFstringInnerPositions("3.8.10"));
        assertFalse(DumpSchema.hasFstringInnerPositions("3.11.7"));
    }

    @Test
    void schemaJsonWithEscapesAndNumbers() {
        DumpSchema schema = DumpSchema.fromJson(
                " { \"version\" : \"3.\\u0031\\u0031.0\", \"n\": -1.5e3, \"x\": [null, false],"
                        + " \"classes\" : { \"Name\" : { \"fields\" : [ \"id\" , \"ctx\" ] , \"attributes\" : [ ] } } } ");
        assertEquals("3.11.0", schema.version());
        assertEquals(List.of("id", "ctx"), schema.classSchema("Name").fields());
        assertThrows(IllegalArgumentException.class, () -> DumpSchema.fromJson("{\"version\":\"3.11\",\"classes\":{}"));
        assertThrows(IllegalArgumentException.class, () -> DumpSchema.fromJson("[1]"));
    }

    @Test
    void aFieldOurRecordLacksFailsLoudly() {
        DumpSchema schema = DumpSchema.fromJson("{\"version\":\"3.99.0\",\"classes\":{"
                + "\"Name\":{\"fields\":[\"id\",\"ctx\",\"spin\"],\"attributes\":[]},\"Load\":{\"fields\":[],\"attributes\":[]}}}");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> AstDumper.dump(new Name("x", ExprContext.Load, sp(1, 0, 1, 1)), schema));
        assertTrue(e.getMessage().contains("'spin'"), e.getMessage());
    }

    @Test
    void aClassTheSchemaLacksFailsLoudly() {
        DumpSchema schema = DumpSchema.fromJson("{\"version\":\"3.99.0\",\"classes\":{}}");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> AstDumper.dump(new Pass(sp(1, 0, 1, 4)), schema));
        assertTrue(e.getMessage().contains("Pass"), e.getMessage());
    }

    @Test
    void attributesOnANodeWithoutSpanFailLoudly() {
        DumpSchema schema = DumpSchema.fromJson("{\"version\":\"3.99.0\",\"classes\":{"
                + "\"withitem\":{\"fields\":[\"context_expr\",\"optional_vars\"],\"attributes\":[\"lineno\"]},"
                + "\"Name\":{\"fields\":[\"id\",\"ctx\"],\"attributes\":[]},\"Load\":{\"fields\":[],\"attributes\":[]}}}");
        WithItem item = new WithItem(new Name("x", ExprContext.Load, sp(1, 0, 1, 1)), null);
        assertThrows(IllegalStateException.class, () -> AstDumper.dump(item, schema));
    }

    @Test
    void positionsAreLeftOutOnlyBelowAJoinedStrBefore312() {
        JoinedStr js = new JoinedStr(List.of(constant("a", 1, 2, 1, 3)), sp(1, 0, 1, 4));
        Expr expr = new Expr(js, sp(1, 0, 1, 4));
        Map<String, DumpSchema.ClassSchema> classes = DumpSchema.python313().classes();
        DumpSchema old = new DumpSchema("3.11.7", classes, false);
        assertEquals("Expr(value=JoinedStr(values=[Constant(value=\"a\",kind=None)])@1:0-1:4)@1:0-1:4",
                AstDumper.dump(expr, old));
        assertEquals("Expr(value=JoinedStr(values=[Constant(value=\"a\",kind=None)@1:2-1:3])@1:0-1:4)@1:0-1:4",
                AstDumper.dump(expr, DumpSchema.python313()));
    }

    @Test
    void valuesInTheExactFormat() {
        DumpSchema schema = DumpSchema.python313();
        assertEquals("Constant(value=f7ff0000000000000,kind=None)@1:0-1:5",
                AstDumper.dump(constant(Double.POSITIVE_INFINITY, 1, 0, 1, 5), schema));
        assertEquals("Constant(value=b,kind=None)@1:0-1:3", AstDumper.dump(constant(new Bytes(""), 1, 0, 1, 3), schema));
        assertEquals("Constant(value=\"\\u0000\\u001f \\b\\f\\r\",kind=None)@1:0-1:3",
                AstDumper.dump(constant("\0\u001f \b\f\r", 1, 0, 1, 3), schema));
        assertEquals("MatchSingleton(value=False)@1:5-1:10",
                AstDumper.dump(new MatchSingleton(Boolean.FALSE, sp(1, 5, 1, 10)), schema));
        assertEquals("Global(names=[\"a\",\"b\"])@1:0-1:11",
                AstDumper.dump(new Global(List.of("a", "b"), sp(1, 0, 1, 11)), schema));
        assertEquals("Compare(left=Name(id=\"a\",ctx=Load)@1:0-1:1,ops=[NotIn,IsNot],comparators=[None,None])@1:0-1:9",
                AstDumper.dump(new Compare(new Name("a", ExprContext.Load, sp(1, 0, 1, 1)), List.of(Cmpop.NotIn, Cmpop.IsNot),
                        java.util.Arrays.asList(null, null), sp(1, 0, 1, 9)), schema));
    }

    @Test
    void python313SchemaMatchesEveryRecordExactly() {
        // Each visit method of Visitor takes one node record; its components, less span, must be
        // CPython 3.13's fields of that class, in order, and span must be there iff it has positions.
        DumpSchema schema = DumpSchema.python313();
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Method m : Visitor.class.getMethods()) {
            if (m.getParameterCount() != 1 || !m.getParameterTypes()[0].isRecord()) {
                continue;
            }
            Class<?> type = m.getParameterTypes()[0];
            String pythonType = pythonTypeOf(type);
            DumpSchema.ClassSchema cls = schema.classes().get(pythonType);
            if (cls == null) {
                problems.add(pythonType + ": not in python313()");
                continue;
            }
            List<String> components = new ArrayList<>();
            boolean hasSpan = false;
            for (RecordComponent c : type.getRecordComponents()) {
                if (c.getName().equals("span") && c.getType() == Span.class) {
                    hasSpan = true;
                } else {
                    components.add(AstDumper.snakeCase(c.getName()));
                }
            }
            if (!components.equals(cls.fields())) {
                problems.add(pythonType + ": record " + components + " vs CPython " + cls.fields());
            }
            if (hasSpan != cls.positioned()) {
                problems.add(pythonType + ": span " + hasSpan + " vs attributes " + cls.attributes());
            }
            checked++;
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertTrue(checked >= 70, "only " + checked + " records found through Visitor");
        for (Class<?> e : List.of(ExprContext.class, Boolop.class, Operator.class, Unaryop.class, Cmpop.class)) {
            for (Object constant : e.getEnumConstants()) {
                DumpSchema.ClassSchema cls = schema.classSchema(((Enum<?>) constant).name());
                assertTrue(cls.fields().isEmpty() && cls.attributes().isEmpty(), constant.toString());
            }
        }
    }

    private static String pythonTypeOf(Class<?> type) {
        for (Method m : type.getDeclaredMethods()) {
            if (m.getName().equals("pythonType") && m.getParameterCount() == 0) {
                // the records that override it return a constant; read it from a blank instance
                return switch (type.getSimpleName()) {
                    case "Alias" -> "alias";
                    case "Arg" -> "arg";
                    case "Arguments" -> "arguments";
                    case "Comprehension" -> "comprehension";
                    case "Keyword" -> "keyword";
                    case "MatchCase" -> "match_case";
                    case "WithItem" -> "withitem";
                    default -> throw new IllegalStateException("unexpected pythonType override in " + type);
                };
            }
        }
        return type.getSimpleName();
    }

    @Test
    void camelAndSnakeCaseRoundTrip() {
        for (DumpSchema.ClassSchema cls : DumpSchema.python313().classes().values()) {
            for (String field : cls.fields()) {
                assertEquals(field, AstDumper.snakeCase(AstDumper.camelCase(field)));
            }
        }
        assertEquals("kwDefaults", AstDumper.camelCase("kw_defaults"));
        assertEquals("end_col_offset", AstDumper.snakeCase("endColOffset"));
    }

    @Test
    void dumpLikeCPython313() {
        assertEquals(LIKE_CPYTHON_2, AstDumper.dumpLikeCPython(s2()));
        assertEquals(LIKE_CPYTHON_3, AstDumper.dumpLikeCPython(s3()));
        assertEquals("Name(id='x', ctx=Load(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=1)",
                AstDumper.dumpLikeCPython(new Name("x", ExprContext.Load, sp(1, 0, 1, 1)), -1));
        assertEquals("withitem(context_expr=Name(id='x', ctx=Load(), lineno=1, col_offset=0, end_lineno=1,"
                        + " end_col_offset=1))",
                AstDumper.dumpLikeCPython(new WithItem(new Name("x", ExprContext.Load, sp(1, 0, 1, 1)), null), -1));
        assertEquals("arguments()", AstDumper.dumpLikeCPython(
                new Arguments(List.of(), List.of(), null, List.of(), List.of(), null, List.of())));
    }

    @Test
    void pythonReprOfFloats() {
        String[][] cases = {
            {"1.5", "1.5", "1.5"}, {"1e16", "1e+16", "1e+16"}, {"1e15", "1000000000000000.0", "1000000000000000"},
            {"0.0001", "0.0001", "0.0001"}, {"0.00001", "1e-05", "1e-05"}, {"0.1", "0.1", "0.1"},
            {"1e22", "1e+22", "1e+22"}, {"123456789012345678.0", "1.2345678901234568e+17", "1.2345678901234568e+17"},
            {"5e-324", "5e-324", "5e-324"}, {"1.7976931348623157e308", "1.7976931348623157e+308", "1.7976931348623157e+308"},
            {"2.0", "2.0", "2"}, {"1e-7", "1e-07", "1e-07"}, {"3.141592653589793", "3.141592653589793", "3.141592653589793"},
            {"100.0", "100.0", "100"}, {"9007199254740993.0", "9007199254740992.0", "9007199254740992"},
            {"0.3", "0.3", "0.3"}, {"0.0", "0.0", "0"}, {"Infinity", "inf", "inf"},
        };
        for (String[] c : cases) {
            double d = Double.parseDouble(c[0]);
            assertEquals(c[1], AstDumper.reprFloat(d, true), c[0]);
            assertEquals(c[2] + "j", AstDumper.repr(new Imaginary(d)), c[0]);
        }
    }

    @Test
    void pythonReprOfStringsAndBytes() {
        assertEquals("'\u00e9\ud83d\ude00\\udc80\"\\\\\\n\\x7f\\t\\u200b\\xa0'",
                AstDumper.reprString("\u00e9\ud83d\ude00\udc80\"\\\n\u007f\t\u200b\u00a0"));
        assertEquals("\"'\"", AstDumper.reprString("'"));
        assertEquals("'\\'\"'", AstDumper.reprString("'\""));
        assertEquals("b'\\x00\\xff\\'\"'", AstDumper.reprBytes("\0\u00ff'\""));
        assertEquals("b\"'\"", AstDumper.reprBytes("'"));
        assertEquals("Ellipsis", AstDumper.repr(Singleton.ELLIPSIS));
        assertEquals("None", AstDumper.repr(Singleton.NONE));
    }

    @Test
    void prettyAndCompactAreInverse() {
        String dump = AstDumper.dump(s3(), DumpSchema.python313());
        assertEquals(dump, DumpText.compact(DumpText.pretty(dump, 60)));
        assertEquals(dump, DumpText.compact(DumpText.pretty(dump, 0)));
        assertEquals(S2_313, DumpText.compact(DumpText.pretty(S2_313, 20)));
    }
}
