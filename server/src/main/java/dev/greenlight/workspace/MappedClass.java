package dev.greenlight.workspace;

import dev.greenlight.analysis.ModuleModel;
import dev.greenlight.python.ast.ClassDef;
import dev.greenlight.python.ast.Expression;
import dev.greenlight.python.ast.Node;
import java.util.Map;

/**
 * A class mapped by SQLAlchemy's ORM (or SQLModel with {@code table=True}): what the implicit-IO
 * rules need to know of it. Attributes inherited from mapped or mixin classes of the workspace are
 * included.
 *
 * @param asyncAttrs     whether it inherits {@code AsyncAttrs} (so {@code obj.awaitable_attrs.rel} exists)
 * @param eagerDefaults  whether {@code __mapper_args__} sets {@code eager_defaults} to {@code True} (or may: not a literal)
 */
public record MappedClass(String name, ModuleModel module, ClassDef def, boolean asyncAttrs, boolean eagerDefaults,
        Map<String, Relationship> relationships, Map<String, Column> columns) {

    /**
     * A {@code relationship()}. {@code target} is the name of the related class as written (a string
     * or a name), resolved by {@link Mappings#target}; {@code lazy} is the loader strategy
     * ({@code "select"} when not given), {@code lazyNode} the expression that sets it (null when
     * defaulted), {@code declaration} the assignment that declares it (for a {@code backref}, the
     * other side's), {@code backPopulates} the attribute on the other side it pairs with, or null.
     */
    public record Relationship(String owner, String name, String target, String lazy, Expression lazyNode,
            boolean uselist, Node declaration, ModuleModel module, String backPopulates) {

        /** Loaded together with its parent whatever the statement says. */
        public boolean eagerByDefault() {
            return switch (lazy) {
                case "selectin", "joined", "subquery", "immediate" -> true;
                default -> false;
            };
        }

        /** Raises instead of loading: {@code lazy="raise"} and {@code "raise_on_sql"}. */
        public boolean raises() {
            return lazy.equals("raise") || lazy.equals("raise_on_sql");
        }

        public String qualified() {
            return owner + "." + name;
        }
    }

    /**
     * A mapped column. {@code sqlOnUpdate} when its new value on UPDATE is computed by the database
     * ({@code onupdate=func.now()}, {@code server_onupdate=...}); {@code serverDefault} for a
     * {@code server_default}.
     */
    public record Column(String name, Node declaration, boolean deferred, boolean sqlOnUpdate, boolean serverDefault) {
    }

    public Relationship relationship(String attribute) {
        return relationships.get(attribute);
    }

    /** Whether {@code attribute} is a column or relationship the ORM loads (and expires). */
    public boolean isMappedAttribute(String attribute) {
        return relationships.containsKey(attribute) || columns.containsKey(attribute);
    }
}
