package dev.greenlight.python.parse;

import dev.greenlight.python.ast.Located;
import dev.greenlight.python.ast.Node;
import dev.greenlight.python.ast.Span;
import dev.greenlight.python.ast.Statement;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Copies statements that moved in the text: every span moves by an offset and a line count. The
 * columns stay, because a statement is only moved when the edit left its lines alone.
 */
final class SpanShifter {

    /** How to take a record class apart and build it again. */
    private record Shape(MethodHandle[] accessors, Class<?>[] types, MethodHandle constructor) {
    }

    private static final ConcurrentHashMap<Class<?>, Shape> SHAPES = new ConcurrentHashMap<>();
    private static final Pattern LINE_NUMBER = Pattern.compile("((?:detected at|on) line )(\\d+)");

    private int offsetDelta;
    private int lineDelta;

    List<Statement> shiftStatements(List<Statement> statements, int offsetDelta, int lineDelta) {
        this.offsetDelta = offsetDelta;
        this.lineDelta = lineDelta;
        List<Statement> out = new ArrayList<>(statements.size());
        for (Statement statement : statements) {
            out.add((Statement) shift(statement));
        }
        return out;
    }

    List<SyntaxError> shiftErrors(List<SyntaxError> errors, int offsetDelta, int lineDelta) {
        this.offsetDelta = offsetDelta;
        this.lineDelta = lineDelta;
        List<SyntaxError> out = new ArrayList<>(errors.size());
        for (SyntaxError error : errors) {
            out.add(new SyntaxError(shiftLineNumbers(error.message()), shift(error.span())));
        }
        return out;
    }

    /** CPython's messages name lines ("detected at line 12", "on line 3"); those move too. */
    private String shiftLineNumbers(String message) {
        if (lineDelta == 0 || message.indexOf("line ") < 0) {
            return message;
        }
        Matcher matcher = LINE_NUMBER.matcher(message);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, matcher.group(1) + (Integer.parseInt(matcher.group(2)) + lineDelta));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /**
     * A copy of {@code root} in which the statement {@code old} is replaced by {@code replacement}
     * (already in the new text's positions): what follows {@code old} moves, the nodes that hold
     * it end later, and what precedes it stays as it is.
     */
    Node replace(Node root, Set<Node> path, Statement old, List<Statement> replacement, int offsetDelta,
            int lineDelta) {
        this.offsetDelta = offsetDelta;
        this.lineDelta = lineDelta;
        return rebuild(root, path, old, replacement);
    }

    private Node rebuild(Node node, Set<Node> path, Statement old, List<Statement> replacement) {
        Shape shape = SHAPES.computeIfAbsent(node.getClass(), SpanShifter::shapeOf);
        Object[] arguments = new Object[shape.accessors.length];
        int after = old.span().end();
        try {
            for (int i = 0; i < arguments.length; i++) {
                Object value = (Object) shape.accessors[i].invokeExact((Object) node);
                if (value instanceof Span span) {
                    arguments[i] = new Span(span.start(), span.end() + offsetDelta, span.lineno(), span.colOffset(),
                            span.endLineno() + lineDelta, span.endColOffset());
                } else if (value instanceof Node child) {
                    arguments[i] = path.contains(child) ? rebuild(child, path, old, replacement)
                            : firstPosition(child) >= after ? shift(child) : child;
                } else if (value instanceof List<?> list && containsNode(list)) {
                    List<Object> out = new ArrayList<>(list.size() + replacement.size());
                    for (Object element : list) {
                        if (element == old) {
                            out.addAll(replacement);
                        } else if (element instanceof Node child && path.contains(child)) {
                            out.add(rebuild(child, path, old, replacement));
                        } else if (element instanceof Node child && firstPosition(child) >= after) {
                            out.add(shift(child));
                        } else {
                            out.add(element);
                        }
                    }
                    arguments[i] = out;
                } else {
                    arguments[i] = value;
                }
            }
            return (Node) (Object) shape.constructor.invokeExact(arguments);
        } catch (Throwable impossible) {
            throw new IllegalStateException("cannot copy " + node.getClass().getSimpleName(), impossible);
        }
    }

    /** Where the first positioned part of a node starts (nodes such as match_case have no span). */
    static int firstPosition(Node node) {
        if (node instanceof Located located) {
            return located.span().start();
        }
        int[] first = {Integer.MAX_VALUE};
        node.forEachChild(child -> first[0] = Math.min(first[0], firstPosition(child)));
        return first[0];
    }

    private Span shift(Span span) {
        return new Span(span.start() + offsetDelta, span.end() + offsetDelta, span.lineno() + lineDelta,
                span.colOffset(), span.endLineno() + lineDelta, span.endColOffset());
    }

    private Object shiftValue(Object value) {
        if (value instanceof Node node) {
            return shift(node);
        }
        if (value instanceof Span span) {
            return shift(span);
        }
        if (value instanceof List<?> list) {
            if (list.isEmpty() || !(list.get(0) instanceof Node || containsNode(list))) {
                return list;
            }
            List<Object> out = new ArrayList<>(list.size());
            for (Object element : list) {
                out.add(element == null ? null : shiftValue(element));
            }
            return out;
        }
        return value;
    }

    private static boolean containsNode(List<?> list) {
        for (Object element : list) {
            if (element instanceof Node) {
                return true;
            }
        }
        return false;
    }

    private final NodeShifter copier = new NodeShifter(this::shiftReflectively);

    private Node shift(Node node) {
        return copier.shift(node, offsetDelta, lineDelta);
    }

    /** The generic copy, for node classes that {@link NodeShifter} does not know. */
    private Node shiftReflectively(Node node) {
        Shape shape = SHAPES.computeIfAbsent(node.getClass(), SpanShifter::shapeOf);
        Object[] arguments = new Object[shape.accessors.length];
        try {
            for (int i = 0; i < arguments.length; i++) {
                arguments[i] = shiftValue((Object) shape.accessors[i].invokeExact((Object) node));
            }
            return (Node) (Object) shape.constructor.invokeExact(arguments);
        } catch (Throwable impossible) {
            throw new IllegalStateException("cannot copy " + node.getClass().getSimpleName(), impossible);
        }
    }

    private static Shape shapeOf(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        MethodHandle[] accessors = new MethodHandle[components.length];
        Class<?>[] types = new Class<?>[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                accessors[i] = lookup.unreflect(components[i].getAccessor());
                types[i] = components[i].getType();
            }
            // (Object[]) -> Object, so that each copy is one exact call without boxing the array.
            MethodHandle constructor = lookup.findConstructor(type, MethodType.methodType(void.class, types))
                    .asSpreader(Object[].class, types.length)
                    .asType(MethodType.methodType(Object.class, Object[].class));
            for (int i = 0; i < accessors.length; i++) {
                accessors[i] = accessors[i].asType(MethodType.methodType(Object.class, Object.class));
            }
            return new Shape(accessors, types, constructor);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("not a node record: " + type, e);
        }
    }
}
