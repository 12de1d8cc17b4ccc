package dev.greenlight.analysis;

import dev.greenlight.python.ast.Expression;
import dev.greenlight.python.ast.Node;

/**
 * One place that binds a name in a scope.
 *
 * <ul>
 * <li>{@code ASSIGN}, {@code WALRUS}: {@code value} is the assigned expression;</li>
 * <li>{@code ANNOTATED}: {@code value} (may be null) and {@code annotation};</li>
 * <li>{@code PARAMETER}: {@code node} is the {@code arg}, {@code annotation} its annotation,
 *     {@code value} its default;</li>
 * <li>{@code WITH}, {@code ASYNC_WITH}: {@code value} is the context expression;</li>
 * <li>{@code IMPORT}: {@code module} the imported module (absolute, or with leading dots),
 *     {@code member} the imported name, or null for {@code import a.b};</li>
 * <li>{@code FUNCTION}, {@code CLASS}: {@code node} is the definition;</li>
 * <li>{@code TYPE_ALIAS}: {@code value} is the aliased type;</li>
 * <li>{@code OTHER}: loop targets, tuple targets, except handlers, deletions: value unknown.</li>
 * </ul>
 */
public record Binding(String name, Kind kind, Node node, Expression value, Expression annotation,
        Scope scope, String module, String member) {

    public enum Kind {
        ASSIGN, ANNOTATED, WALRUS, PARAMETER, WITH, ASYNC_WITH, IMPORT, FUNCTION, CLASS, TYPE_ALIAS, OTHER
    }
}
