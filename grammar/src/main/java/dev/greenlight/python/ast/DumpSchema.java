package dev.greenlight.python.ast;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which fields and attributes each AST class has in one version of CPython: what
 * {@link AstDumper#dump(Node, DumpSchema)} writes, and in which order.
 *
 * <p>{@link #python313()} is built in; {@link #fromJson(String)} reads the first line that
 * {@code src/test/python/cpython_ast_dump.py} prints, which describes the running interpreter:
 * <pre>{"version":"3.11.7","fstring_inner_positions":false,
 *  "classes":{"Module":{"fields":["body","type_ignores"],"attributes":[]},...}}</pre>
 *
 * @param version CPython's version, such as {@code 3.13.0}
 * @param classes per CPython class name ({@code Name}, {@code arguments}, {@code match_case}...):
 *     its {@code _fields} and {@code _attributes}
 * @param fstringInnerPositions whether the nodes inside a {@code JoinedStr} carry real positions
 *     (CPython 3.12 and later); when false, the dump leaves their positions out
 */
public record DumpSchema(String version, Map<String, ClassSchema> classes, boolean fstringInnerPositions) {

    /** One class: its {@code _fields} and {@code _attributes}, CPython's snake_case names in order. */
    public record ClassSchema(List<String> fields, List<String> attributes) {

        public ClassSchema {
            fields = List.copyOf(fields);
            attributes = List.copyOf(attributes);
        }

        /** Whether the class has positions ({@code lineno}, {@code col_offset}, ...). */
        public boolean positioned() {
            return !attributes.isEmpty();
        }
    }

    public DumpSchema {
        Objects.requireNonNull(version, "version");
        classes = Collections.unmodifiableMap(new LinkedHashMap<>(classes));
    }

    /** The class named {@code pythonType}; fails when this version of CPython has no such class. */
    public ClassSchema classSchema(String pythonType) {
        ClassSchema schema = classes.get(pythonType);
        if (schema == null) {
            throw new IllegalStateException("CPython " + version + " has no AST class " + pythonType);
        }
        return schema;
    }

    /** Whether a version string such as {@code 3.11.7} or {@code 3.13.0rc1} is 3.12 or later. */
    public static boolean hasFstringInnerPositions(String version) {
        String[] parts = version.split("\\.");
        try {
            int major = Integer.parseInt(parts[0]);
            int minor = parts.length > 1 ? Integer.parseInt(parts[1].replaceAll("[^0-9].*$", "")) : 0;
            return major > 3 || (major == 3 && minor >= 12);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a Python version: " + version, e);
        }
    }

    // --------------------------------------------------------------------------------------------
    // CPython 3.13, built in

    private static final List<String> POSITIONS = List.of("lineno", "col_offset", "end_lineno", "end_col_offset");

    /**
     * CPython 3.13's {@code Parser/Python.asdl}: {@code Name(fields)} for a class without
     * positions, {@code Name(fields)@} for one with them, and a bare name for the classes without
     * fields or positions ({@code Load}, {@code Add}...).
     */
    private static final String[] PYTHON_313 = {
        // mod
        "mod()", "Module(body,type_ignores)", "Interactive(body)", "Expression(body)", "FunctionType(argtypes,returns)",
        // stmt
        "stmt()@",
        "FunctionDef(name,args,body,decorator_list,returns,type_comment,type_params)@",
        "AsyncFunctionDef(name,args,body,decorator_list,returns,type_comment,type_params)@",
        "ClassDef(name,bases,keywords,body,decorator_list,type_params)@",
        "Return(value)@", "Delete(targets)@", "Assign(targets,value,type_comment)@",
        "TypeAlias(name,type_params,value)@", "AugAssign(target,op,value)@",
        "AnnAssign(target,annotation,value,simple)@",
        "For(target,iter,body,orelse,type_comment)@", "AsyncFor(target,iter,body,orelse,type_comment)@",
        "While(test,body,orelse)@", "If(test,body,orelse)@",
        "With(items,body,type_comment)@", "AsyncWith(items,body,type_comment)@",
        "Match(subject,cases)@", "Raise(exc,cause)@",
        "Try(body,handlers,orelse,finalbody)@", "TryStar(body,handlers,orelse,finalbody)@",
        "Assert(test,msg)@", "Import(names)@", "ImportFrom(module,names,level)@",
        "Global(names)@", "Nonlocal(names)@", "Expr(value)@", "Pass()@", "Break()@", "Continue()@",
        // expr
        "expr()@",
        "BoolOp(op,values)@", "NamedExpr(target,value)@", "BinOp(left,op,right)@", "UnaryOp(op,operand)@",
        "Lambda(args,body)@", "IfExp(test,body,orelse)@", "Dict(keys,values)@", "Set(elts)@",
        "ListComp(elt,generators)@", "SetComp(elt,generators)@", "DictComp(key,value,generators)@",
        "GeneratorExp(elt,generators)@", "Await(value)@", "Yield(value)@", "YieldFrom(value)@",
        "Compare(left,ops,comparators)@", "Call(func,args,keywords)@",
        "FormattedValue(value,conversion,format_spec)@", "JoinedStr(values)@", "Constant(value,kind)@",
        "Attribute(value,attr,ctx)@", "Subscript(value,slice,ctx)@", "Starred(value,ctx)@",
        "Name(id,ctx)@", "List(elts,ctx)@", "Tuple(elts,ctx)@", "Slice(lower,upper,step)@",
        // enums
        "expr_context()", "Load", "Store", "Del",
        "boolop()", "And", "Or",
        "operator()", "Add", "Sub", "Mult", "MatMult", "Div", "Mod", "Pow", "LShift", "RShift", "BitOr", "BitXor",
        "BitAnd", "FloorDiv",
        "unaryop()", "Invert", "Not", "UAdd", "USub",
        "cmpop()", "Eq", "NotEq", "Lt", "LtE", "Gt", "GtE", "Is", "IsNot", "In", "NotIn",
        // the rest
        "comprehension(target,iter,ifs,is_async)",
        "excepthandler()@", "ExceptHandler(type,name,body)@",
        "arguments(posonlyargs,args,vararg,kwonlyargs,kw_defaults,kwarg,defaults)",
        "arg(arg,annotation,type_comment)@", "keyword(arg,value)@", "alias(name,asname)@",
        "withitem(context_expr,optional_vars)", "match_case(pattern,guard,body)",
        "pattern()@",
        "MatchValue(value)@", "MatchSingleton(value)@", "MatchSequence(patterns)@",
        "MatchMapping(keys,patterns,rest)@", "MatchClass(cls,patterns,kwd_attrs,kwd_patterns)@",
        "MatchStar(name)@", "MatchAs(pattern,name)@", "MatchOr(patterns)@",
        "type_ignore()", "TypeIgnore(lineno,tag)",
        "type_param()@", "TypeVar(name,bound,default_value)@", "ParamSpec(name,default_value)@",
        "TypeVarTuple(name,default_value)@",
    };

    private static final DumpSchema PYTHON_313_SCHEMA = buildPython313();

    /** CPython 3.13's classes, fields and attributes, with real positions inside f-strings. */
    public static DumpSchema python313() {
        return PYTHON_313_SCHEMA;
    }

    private static DumpSchema buildPython313() {
        Map<String, ClassSchema> classes = new LinkedHashMap<>();
        for (String entry : PYTHON_313) {
            boolean positioned = entry.endsWith("@");
            String spec = positioned ? entry.substring(0, entry.length() - 1) : entry;
            int open = spec.indexOf('(');
            String name = open < 0 ? spec : spec.substring(0, open);
            List<String> fields = new ArrayList<>();
            if (open >= 0) {
                String inner = spec.substring(open + 1, spec.length() - 1);
                if (!inner.isEmpty()) {
                    fields.addAll(List.of(inner.split(",")));
                }
            }
            classes.put(name, new ClassSchema(fields, positioned ? POSITIONS : List.of()));
        }
        return new DumpSchema("3.13.0", classes, true);
    }

    // --------------------------------------------------------------------------------------------
    // The schema line of cpython_ast_dump.py

    /**
     * Reads the JSON object that {@code cpython_ast_dump.py} prints on its first line. When it has
     * no {@code fstring_inner_positions}, that is derived from {@code version}.
     */
    public static DumpSchema fromJson(String json) {
        Object parsed = new MiniJson(json).parseDocument();
        if (!(parsed instanceof Map<?, ?> root)) {
            throw new IllegalArgumentException("schema: expected a JSON object");
        }
        String version = string(root.get("version"), "version");
        Object inner = root.get("fstring_inner_positions");
        boolean innerPositions;
        if (inner == null) {
            innerPositions = hasFstringInnerPositions(version);
        } else if (inner instanceof Boolean b) {
            innerPositions = b;
        } else {
            throw new IllegalArgumentException("schema: fstring_inner_positions is not a boolean");
        }
        if (!(root.get("classes") instanceof Map<?, ?> classMap)) {
            throw new IllegalArgumentException("schema: expected an object \"classes\"");
        }
        Map<String, ClassSchema> classes = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : classMap.entrySet()) {
            String name = (String) entry.getKey();
            if (!(entry.getValue() instanceof Map<?, ?> cls)) {
                throw new IllegalArgumentException("schema: class " + name + " is not an object");
            }
            classes.put(name, new ClassSchema(strings(cls.get("fields"), name + ".fields"),
                    strings(cls.get("attributes"), name + ".attributes")));
        }
        return new DumpSchema(version, classes, innerPositions);
    }

    private static String string(Object value, String what) {
        if (value instanceof String s) {
            return s;
        }
        throw new IllegalArgumentException("schema: " + what + " is not a string");
    }

    private static List<String> strings(Object value, String what) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new IllegalArgumentException("schema: " + what + " is not an array");
        }
        List<String> result = new ArrayList<>(list.size());
        for (Object item : list) {
            result.add(string(item, what + " item"));
        }
        return result;
    }

    /** Just enough JSON for the schema line: objects, arrays, strings, numbers, true/false/null. */
    static final class MiniJson {
        private final String text;
        private int pos;

        MiniJson(String text) {
            this.text = text;
        }

        Object parseDocument() {
            Object value = parseValue();
            skipSpace();
            if (pos != text.length()) {
                throw error("trailing characters");
            }
            return value;
        }

        private Object parseValue() {
            skipSpace();
            if (pos >= text.length()) {
                throw error("unexpected end");
            }
            char c = text.charAt(pos);
            switch (c) {
                case '{':
                    return parseObject();
                case '[':
                    return parseArray();
                case '"':
                    return parseString();
                case 't':
                    return literal("true", Boolean.TRUE);
                case 'f':
                    return literal("false", Boolean.FALSE);
                case 'n':
                    return literal("null", null);
                default:
                    if (c == '-' || (c >= '0' && c <= '9')) {
                        return parseNumber();
                    }
                    throw error("unexpected character '" + c + "'");
            }
        }

        private Map<String, Object> parseObject() {
            Map<String, Object> map = new LinkedHashMap<>();
            pos++;
            skipSpace();
            if (peek() == '}') {
                pos++;
                return map;
            }
            while (true) {
                skipSpace();
                if (peek() != '"') {
                    throw error("expected a key");
                }
                String key = parseString();
                skipSpace();
                expect(':');
                map.put(key, parseValue());
                skipSpace();
                if (peek() == ',') {
                    pos++;
                } else {
                    expect('}');
                    return map;
                }
            }
        }

        private List<Object> parseArray() {
            List<Object> list = new ArrayList<>();
            pos++;
            skipSpace();
            if (peek() == ']') {
                pos++;
                return list;
            }
            while (true) {
                list.add(parseValue());
                skipSpace();
                if (peek() == ',') {
                    pos++;
                } else {
                    expect(']');
                    return list;
                }
            }
        }

        private String parseString() {
            pos++;
            StringBuilder sb = new StringBuilder();
            while (true) {
                if (pos >= text.length()) {
                    throw error("unterminated string");
                }
                char c = text.charAt(pos++);
                if (c == '"') {
                    return sb.toString();
                }
                if (c != '\\') {
                    sb.append(c);
                    continue;
                }
                if (pos >= text.length()) {
                    throw error("unterminated escape");
                }
                char e = text.charAt(pos++);
                switch (e) {
                    case '"', '\\', '/' -> sb.append(e);
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case 't' -> sb.append('\t');
                    case 'u' -> {
                        if (pos + 4 > text.length()) {
                            throw error("bad \\u escape");
                        }
                        sb.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                        pos += 4;
                    }
                    default -> throw error("bad escape \\" + e);
                }
            }
        }

        private Object parseNumber() {
            int start = pos;
            while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) {
                pos++;
            }
            return Double.parseDouble(text.substring(start, pos));
        }

        private Object literal(String word, Object value) {
            if (!text.startsWith(word, pos)) {
                throw error("unexpected word");
            }
            pos += word.length();
            return value;
        }

        private void expect(char c) {
            if (peek() != c) {
                throw error("expected '" + c + "'");
            }
            pos++;
        }

        private char peek() {
            return pos < text.length() ? text.charAt(pos) : '\0';
        }

        private void skipSpace() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        private IllegalArgumentException error(String message) {
            return new IllegalArgumentException("schema JSON: " + message + " at offset " + pos);
        }
    }
}
