package dev.greenlight.python.ast;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes a tree as text, in two styles.
 *
 * <p>{@link #dump(Node, DumpSchema)} writes the exact one-line format that
 * {@code src/test/python/cpython_ast_dump.py} writes for CPython's own tree, so that the two can
 * be compared character by character. Without any whitespace outside string literals:
 * <pre>
 * node       Type(f1=v1,f2=v2,...)     all the class's fields in the schema's order, then
 *                                      {@code @lineno:col_offset-end_lineno:end_col_offset} if the
 *                                      class has positions (attributes) in the schema
 * enum       Load, Add, Eq, ...        a bare class name (ExprContext, Boolop, Operator, Unaryop, Cmpop)
 * list       [v1,v2]                   [] when empty
 * None       None                      a null field, or Singleton.NONE
 * bool       True / False
 * Ellipsis   ...
 * str        "..."                     JSON with ensure_ascii: \" \\ \n \r \t \b \f, any other char
 *                                      outside 0x20-0x7e as \\uXXXX (lowercase hex, per UTF-16 unit)
 * bytes      b + lowercase hex         b'' is just b
 * int        decimal                   BigInteger and int fields
 * float      f + 16 lowercase hex digits: the IEEE-754 bits
 * complex    j + 16 lowercase hex digits: the bits of the imaginary part
 * </pre>
 * When the schema says that positions inside f-strings are not real (CPython before 3.12), the
 * descendants of a {@code JoinedStr} are written without their {@code @...}.
 *
 * <p>{@link #dumpLikeCPython(Node)} writes what CPython 3.13's
 * {@code ast.dump(node, include_attributes=True, indent=4)} writes, values as Python reprs.
 */
public final class AstDumper {

    private AstDumper() {
    }

    // --------------------------------------------------------------------------------------------
    // Record accessors, per class

    /** The accessors of one record class, by CPython field name, and the plans built from them. */
    private static final class Accessors {
        final Class<?> type;
        final Map<String, Method> byField = new HashMap<>();
        final Map<DumpSchema.ClassSchema, Method[]> plans = new ConcurrentHashMap<>();

        Accessors(Class<?> type) {
            this.type = type;
            if (type.isRecord()) {
                for (RecordComponent component : type.getRecordComponents()) {
                    byField.put(snakeCase(component.getName()), component.getAccessor());
                }
            }
        }

        Method[] plan(DumpSchema.ClassSchema schema, String pythonType, String version) {
            Method[] plan = plans.get(schema);
            if (plan == null) {
                List<String> fields = schema.fields();
                plan = new Method[fields.size()];
                for (int i = 0; i < plan.length; i++) {
                    Method accessor = byField.get(fields.get(i));
                    if (accessor == null) {
                        throw new IllegalStateException(type.getName() + " has no component for field '"
                                + fields.get(i) + "' of CPython " + version + "'s " + pythonType
                                + " (expected a component named " + camelCase(fields.get(i)) + ")");
                    }
                    plan[i] = accessor;
                }
                plans.put(schema, plan);
            }
            return plan;
        }
    }

    private static final ClassValue<Accessors> ACCESSORS = new ClassValue<>() {
        @Override
        protected Accessors computeValue(Class<?> type) {
            return new Accessors(type);
        }
    };

    /** {@code kw_defaults} → {@code kwDefaults}. */
    static String camelCase(String snake) {
        StringBuilder sb = new StringBuilder(snake.length());
        boolean upper = false;
        for (int i = 0; i < snake.length(); i++) {
            char c = snake.charAt(i);
            if (c == '_') {
                upper = true;
            } else {
                sb.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return sb.toString();
    }

    /** {@code kwDefaults} → {@code kw_defaults}. */
    static String snakeCase(String camel) {
        StringBuilder sb = new StringBuilder(camel.length() + 4);
        for (int i = 0; i < camel.length(); i++) {
            char c = camel.charAt(i);
            if (Character.isUpperCase(c)) {
                sb.append('_').append(Character.toLowerCase(c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static Object get(Method accessor, Node node) {
        try {
            return accessor.invoke(node);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + accessor, e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("reading " + accessor + " failed", e.getCause());
        }
    }

    // --------------------------------------------------------------------------------------------
    // The exact format

    /** The tree in the exact one-line format of {@code cpython_ast_dump.py}, for CPython {@code schema}. */
    public static String dump(Node node, DumpSchema schema) {
        StringBuilder out = new StringBuilder(1024);
        new ExactWriter(schema, out).value(node, false);
        return out.toString();
    }

    private static final class ExactWriter {
        private final DumpSchema schema;
        private final StringBuilder out;

        ExactWriter(DumpSchema schema, StringBuilder out) {
            this.schema = schema;
            this.out = out;
        }

        void node(Node node, boolean hidePositions) {
            String type = node.pythonType();
            DumpSchema.ClassSchema cls = schema.classSchema(type);
            out.append(type);
            if (cls.fields().isEmpty() && cls.attributes().isEmpty()) {
                return;
            }
            Method[] plan = ACCESSORS.get(node.getClass()).plan(cls, type, schema.version());
            boolean hideInside = hidePositions || (!schema.fstringInnerPositions() && node instanceof JoinedStr);
            List<String> fields = cls.fields();
            out.append('(');
            for (int i = 0; i < plan.length; i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(fields.get(i)).append('=');
                value(get(plan[i], node), hideInside);
            }
            out.append(')');
            if (cls.positioned() && !hidePositions) {
                if (!(node instanceof Located located)) {
                    throw new IllegalStateException(node.getClass().getName() + " has no span, but CPython "
                            + schema.version() + "'s " + type + " has attributes " + cls.attributes());
                }
                Span span = located.span();
                if (span == null) {
                    throw new IllegalStateException("null span in " + node.getClass().getSimpleName());
                }
                out.append('@').append(span.lineno()).append(':').append(span.colOffset())
                        .append('-').append(span.endLineno()).append(':').append(span.endColOffset());
            }
        }

        void value(Object value, boolean hidePositions) {
            if (value == null || value == Singleton.NONE) {
                out.append("None");
            } else if (value instanceof Node node) {
                node(node, hidePositions);
            } else if (value instanceof List<?> list) {
                out.append('[');
                for (int i = 0; i < list.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    value(list.get(i), hidePositions);
                }
                out.append(']');
            } else if (value instanceof String s) {
                appendJsonString(out, s);
            } else if (value instanceof Boolean b) {
                out.append(b ? "True" : "False");
            } else if (value == Singleton.ELLIPSIS) {
                out.append("...");
            } else if (value instanceof BigInteger || value instanceof Integer || value instanceof Long) {
                out.append(value);
            } else if (value instanceof Double d) {
                appendDoubleBits(out.append('f'), d);
            } else if (value instanceof Imaginary im) {
                appendDoubleBits(out.append('j'), im.imag());
            } else if (value instanceof Bytes bytes) {
                out.append('b');
                String latin1 = bytes.latin1();
                for (int i = 0; i < latin1.length(); i++) {
                    int b = latin1.charAt(i);
                    if (b > 0xff) {
                        throw new IllegalStateException("Bytes holds a char above 0xff: " + Integer.toHexString(b));
                    }
                    out.append(HEX[b >> 4]).append(HEX[b & 0xf]);
                }
            } else if (value instanceof Enum<?> e) {
                out.append(e.name());
            } else {
                throw new IllegalStateException("cannot dump a value of type " + value.getClass().getName());
            }
        }
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private static void appendDoubleBits(StringBuilder out, double d) {
        long bits = Double.doubleToRawLongBits(d);
        for (int shift = 60; shift >= 0; shift -= 4) {
            out.append(HEX[(int) (bits >>> shift) & 0xf]);
        }
    }

    /** As Python's {@code json.dumps(s, ensure_ascii=True)}. */
    static void appendJsonString(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= ' ' && c <= '~' && c != '\\' && c != '"') {
                out.append(c);
                continue;
            }
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xf])
                        .append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
            }
        }
        out.append('"');
    }

    // --------------------------------------------------------------------------------------------
    // Like CPython's ast.dump

    /** As CPython 3.13's {@code ast.dump(node, include_attributes=True, indent=4)}. */
    public static String dumpLikeCPython(Node node) {
        return dumpLikeCPython(node, 4);
    }

    /**
     * As CPython 3.13's {@code ast.dump(node, include_attributes=True, indent=indent)}; a negative
     * {@code indent} gives one line, as {@code indent=None}. Empty lists and None fields are left
     * out, as 3.13 does by default ({@code show_empty=False}).
     */
    public static String dumpLikeCPython(Node node, int indent) {
        return new ReprWriter(indent < 0 ? null : " ".repeat(indent)).format(node, 0).text;
    }

    private record Formatted(String text, boolean simple) {
    }

    private static final class ReprWriter {
        private final String indent;
        private final DumpSchema schema = DumpSchema.python313();

        ReprWriter(String indent) {
            this.indent = indent;
        }

        Formatted format(Object value, int level) {
            String prefix;
            String sep;
            if (indent != null) {
                level++;
                prefix = "\n" + indent.repeat(level);
                sep = ",\n" + indent.repeat(level);
            } else {
                prefix = "";
                sep = ", ";
            }
            if (value instanceof Node node) {
                String type = node.pythonType();
                DumpSchema.ClassSchema cls = schema.classSchema(type);
                Method[] plan = ACCESSORS.get(node.getClass()).plan(cls, type, schema.version());
                boolean keepEmpty = node instanceof Constant || node instanceof MatchSingleton;
                List<String> args = new ArrayList<>();
                boolean allSimple = true;
                for (int i = 0; i < plan.length; i++) {
                    Object fieldValue = get(plan[i], node);
                    if (fieldValue == null) {
                        continue;
                    }
                    if (!keepEmpty && fieldValue instanceof List<?> list && list.isEmpty()) {
                        continue;
                    }
                    Formatted f = format(fieldValue, level);
                    allSimple &= f.simple;
                    args.add(cls.fields().get(i) + "=" + f.text);
                }
                if (cls.positioned() && node instanceof Located located && located.span() != null) {
                    Span span = located.span();
                    args.add("lineno=" + span.lineno());
                    args.add("col_offset=" + span.colOffset());
                    args.add("end_lineno=" + span.endLineno());
                    args.add("end_col_offset=" + span.endColOffset());
                }
                if (allSimple && args.size() <= 3) {
                    return new Formatted(type + "(" + String.join(", ", args) + ")", args.isEmpty());
                }
                return new Formatted(type + "(" + prefix + String.join(sep, args) + ")", false);
            }
            if (value instanceof List<?> list) {
                if (list.isEmpty()) {
                    return new Formatted("[]", true);
                }
                List<String> items = new ArrayList<>(list.size());
                for (Object item : list) {
                    items.add(format(item, level).text);
                }
                return new Formatted("[" + prefix + String.join(sep, items) + "]", false);
            }
            if (value instanceof Enum<?> e && !(value instanceof Singleton)) {
                return new Formatted(e.name() + "()", true);
            }
            return new Formatted(repr(value), true);
        }
    }

    /** Python's {@code repr} of a field or constant value. */
    static String repr(Object value) {
        if (value == null || value == Singleton.NONE) {
            return "None";
        }
        if (value == Singleton.ELLIPSIS) {
            return "Ellipsis";
        }
        if (value instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (value instanceof String s) {
            return reprString(s);
        }
        if (value instanceof Bytes b) {
            return reprBytes(b.latin1());
        }
        if (value instanceof BigInteger || value instanceof Integer || value instanceof Long) {
            return value.toString();
        }
        if (value instanceof Double d) {
            return reprFloat(d, true);
        }
        if (value instanceof Imaginary im) {
            return reprFloat(im.imag(), false) + "j";
        }
        if (value instanceof Enum<?> e) {
            return e.name() + "()";
        }
        throw new IllegalStateException("cannot repr a value of type " + value.getClass().getName());
    }

    /** As Python's {@code repr(str)}. */
    static String reprString(String s) {
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder sb = new StringBuilder(s.length() + 2).append(quote);
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == quote || cp == '\\') {
                sb.append('\\').appendCodePoint(cp);
            } else if (cp == '\t') {
                sb.append("\\t");
            } else if (cp == '\n') {
                sb.append("\\n");
            } else if (cp == '\r') {
                sb.append("\\r");
            } else if (cp < ' ' || cp == 0x7f) {
                sb.append("\\x").append(HEX[cp >> 4]).append(HEX[cp & 0xf]);
            } else if (cp < 0x7f || isPrintable(cp)) {
                sb.appendCodePoint(cp);
            } else if (cp <= 0xff) {
                sb.append("\\x").append(HEX[cp >> 4]).append(HEX[cp & 0xf]);
            } else if (cp <= 0xffff) {
                sb.append("\\u").append(String.format("%04x", cp));
            } else {
                sb.append("\\U").append(String.format("%08x", cp));
            }
        }
        return sb.append(quote).toString();
    }

    /** Python's {@code str.isprintable} for one code point above ASCII. */
    private static boolean isPrintable(int cp) {
        switch (Character.getType(cp)) {
            case Character.CONTROL:
            case Character.FORMAT:
            case Character.SURROGATE:
            case Character.PRIVATE_USE:
            case Character.UNASSIGNED:
            case Character.LINE_SEPARATOR:
            case Character.PARAGRAPH_SEPARATOR:
            case Character.SPACE_SEPARATOR:
                return false;
            default:
                return true;
        }
    }

    /** As Python's {@code repr(bytes)}, the bytes held one per char. */
    static String reprBytes(String latin1) {
        char quote = latin1.indexOf('\'') >= 0 && latin1.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder sb = new StringBuilder(latin1.length() + 3).append('b').append(quote);
        for (int i = 0; i < latin1.length(); i++) {
            char c = latin1.charAt(i);
            if (c == quote || c == '\\') {
                sb.append('\\').append(c);
            } else if (c == '\t') {
                sb.append("\\t");
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c < ' ' || c >= 0x7f) {
                sb.append("\\x").append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
            } else {
                sb.append(c);
            }
        }
        return sb.append(quote).toString();
    }

    /**
     * As Python's {@code repr(float)}: the shortest digits that read back as the same double,
     * positional when the decimal exponent is in [-4, 16), scientific otherwise. With
     * {@code addDotZero} false, as in the parts of {@code repr(complex)}: {@code 2} rather than
     * {@code 2.0}.
     */
    static String reprFloat(double d, boolean addDotZero) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        String sign = (Double.doubleToRawLongBits(d) < 0) ? "-" : "";
        if (d == 0) {
            return sign + (addDotZero ? "0.0" : "0");
        }
        BigDecimal exact = new BigDecimal(Math.abs(d));
        BigDecimal shortest = exact;
        for (int precision = 1; precision <= 17; precision++) {
            BigDecimal rounded = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (rounded.doubleValue() == Math.abs(d)) {
                shortest = rounded;
                break;
            }
        }
        shortest = shortest.stripTrailingZeros();
        String digits = shortest.unscaledValue().toString();
        int decpt = digits.length() - shortest.scale(); // value = 0.DIGITS * 10^decpt
        StringBuilder sb = new StringBuilder(sign);
        if (decpt <= -4 || decpt > 16) {
            sb.append(digits.charAt(0));
            if (digits.length() > 1) {
                sb.append('.').append(digits, 1, digits.length());
            }
            int exp = decpt - 1;
            sb.append('e').append(exp < 0 ? '-' : '+');
            int abs = Math.abs(exp);
            if (abs < 10) {
                sb.append('0');
            }
            sb.append(abs);
        } else if (decpt <= 0) {
            sb.append("0.").append("0".repeat(-decpt)).append(digits);
        } else if (decpt >= digits.length()) {
            sb.append(digits).append("0".repeat(decpt - digits.length()));
            if (addDotZero) {
                sb.append(".0");
            }
        } else {
            sb.append(digits, 0, decpt).append('.').append(digits, decpt, digits.length());
        }
        return sb.toString();
    }
}
