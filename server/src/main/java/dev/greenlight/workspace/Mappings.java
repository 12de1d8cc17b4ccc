package dev.greenlight.workspace;

import dev.greenlight.analysis.Api;
import dev.greenlight.analysis.Inference;
import dev.greenlight.analysis.ModuleModel;
import dev.greenlight.analysis.Value;
import dev.greenlight.python.ast.AnnAssign;
import dev.greenlight.python.ast.Assign;
import dev.greenlight.python.ast.Attribute;
import dev.greenlight.python.ast.BinOp;
import dev.greenlight.python.ast.Call;
import dev.greenlight.python.ast.ClassDef;
import dev.greenlight.python.ast.Constant;
import dev.greenlight.python.ast.Dict;
import dev.greenlight.python.ast.Expression;
import dev.greenlight.python.ast.Keyword;
import dev.greenlight.python.ast.Lambda;
import dev.greenlight.python.ast.Name;
import dev.greenlight.python.ast.Node;
import dev.greenlight.python.ast.Singleton;
import dev.greenlight.python.ast.Statement;
import dev.greenlight.python.ast.Subscript;
import dev.greenlight.python.ast.Tuple;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds out which classes are mapped and what they declare: one instance per check, caching what
 * it learned. Relationship targets written as strings ({@code relationship("Address")},
 * {@code Mapped[list["Address"]]}) are resolved in the declaring module first, then through the
 * {@link WorkspaceIndex}, when there is one and the name is unique in it.
 */
public final class Mappings {

    private enum Kind { NONE, BASE, ABSTRACT, MAPPED }

    private static final int MAX_DEPTH = 12;
    private static final Set<String> COLLECTIONS = Set.of("list", "List", "set", "Set", "Sequence", "Collection",
            "MutableSequence", "MutableSet", "FrozenSet", "frozenset");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*");

    private final WorkspaceIndex index;
    private final Map<ClassDef, MappedClass> mapped = new IdentityHashMap<>();
    private final Map<ClassDef, Kind> kinds = new IdentityHashMap<>();

    public Mappings(WorkspaceIndex index) {
        this.index = index;
    }

    /** The mapped class a value names (the class itself, not an instance), or null. */
    public MappedClass ofClass(Value value) {
        return value instanceof Value.ClassValue cls && !cls.instance() ? of(cls.module(), cls.def()) : null;
    }

    /** The mapping of {@code def}, or null when it is not a mapped class. */
    public MappedClass of(ModuleModel module, ClassDef def) {
        if (mapped.containsKey(def)) {
            return mapped.get(def);
        }
        mapped.put(def, null);
        MappedClass result = kind(module, def, 0) == Kind.MAPPED ? describe(module, def) : null;
        mapped.put(def, result);
        return result;
    }

    /** The class a relationship points to, or null when it cannot be resolved for sure. */
    public MappedClass target(MappedClass.Relationship relationship) {
        String name = relationship.target();
        if (name == null) {
            return null;
        }
        String simple = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : name;
        ModuleModel module = relationship.module();
        Value local = module.exported(simple);
        MappedClass found = ofClass(local);
        if (found != null) {
            return found;
        }
        if (index != null) {
            List<WorkspaceIndex.ClassRef> refs = index.mappedClassesNamed(simple);
            if (refs.size() == 1) {
                WorkspaceIndex.ClassRef ref = refs.get(0);
                ModuleModel other = index.model(ref.file());
                if (other != null && other.exported(simple) instanceof Value.ClassValue cls) {
                    return of(cls.module(), cls.def());
                }
            }
        }
        return null;
    }

    /** Whether a class is mapped, a declarative base, or an abstract mapped class. */
    private Kind kind(ModuleModel module, ClassDef def, int depth) {
        Kind known = kinds.get(def);
        if (known != null) {
            return known;
        }
        if (depth > MAX_DEPTH) {
            return Kind.NONE;
        }
        kinds.put(def, Kind.NONE);
        Kind result = Kind.NONE;
        for (Expression decorator : def.decoratorList()) {
            if (module.valueOf(decorator) instanceof Value.Dotted dotted
                    && dotted.name().equals(Api.REGISTRY_INSTANCE + ".mapped")) {
                result = Kind.MAPPED;
            }
        }
        for (Expression base : def.bases()) {
            Value value = module.valueOf(base);
            if (value instanceof Value.Dotted dotted) {
                String name = dotted.name();
                if (name.equals(Api.DECLARATIVE_BASE_CLASS) || name.equals(Api.DECLARATIVE_BASE_NO_META)) {
                    result = Kind.BASE;
                } else if (name.equals(Api.SQLMODEL) && isTrue(keyword(def, "table"))) {
                    result = Kind.MAPPED;
                }
            } else if (value instanceof Value.MappedBase) {
                result = Kind.MAPPED;
            } else if (value instanceof Value.ClassValue parent && !parent.instance()) {
                Kind inherited = kind(parent.module(), parent.def(), depth + 1);
                if (inherited == Kind.BASE || inherited == Kind.ABSTRACT || inherited == Kind.MAPPED) {
                    result = result == Kind.BASE ? Kind.BASE : Kind.MAPPED;
                } else if (isTrue(keyword(def, "table")) && sqlModelBased(parent.module(), parent.def(), depth + 1)) {
                    // SQLModel's tutorial shape: `class Hero(HeroBase, table=True)` over a plain data model.
                    result = Kind.MAPPED;
                }
            }
        }
        if (result == Kind.MAPPED && declaresAbstract(def)) {
            result = Kind.ABSTRACT;
        }
        kinds.put(def, result);
        return result;
    }

    private static boolean sqlModelBased(ModuleModel module, ClassDef def, int depth) {
        if (depth > MAX_DEPTH) {
            return false;
        }
        for (Expression base : def.bases()) {
            Value value = module.valueOf(base);
            if (value instanceof Value.Dotted dotted && dotted.name().equals(Api.SQLMODEL)
                    || value instanceof Value.ClassValue parent && !parent.instance() && sqlModelBased(parent.module(), parent.def(), depth + 1)) {
                return true;
            }
        }
        return false;
    }

    private static boolean declaresAbstract(ClassDef def) {
        for (Statement statement : def.body()) {
            if (statement instanceof Assign assign && assign.targets().size() == 1
                    && assign.targets().get(0) instanceof Name name && name.id().equals("__abstract__")) {
                return isTrue(assign.value());
            }
        }
        return false;
    }

    private MappedClass describe(ModuleModel module, ClassDef def) {
        Map<String, MappedClass.Relationship> relationships = new LinkedHashMap<>();
        Map<String, MappedClass.Column> columns = new LinkedHashMap<>();
        boolean[] flags = new boolean[2];
        collect(module, def, def.name(), relationships, columns, flags, 0);
        backrefsTo(module, def).forEach(relationship -> relationships.putIfAbsent(relationship.name(), relationship));
        return new MappedClass(def.name(), module, def, flags[0], flags[1], Map.copyOf(relationships), Map.copyOf(columns));
    }

    /**
     * The relationships other mapped classes give {@code def} with {@code backref="name"} or
     * {@code backref=backref("name", lazy=...)}: looked for in its own module and, with an index,
     * in every module that declares mapped classes.
     */
    private List<MappedClass.Relationship> backrefsTo(ModuleModel module, ClassDef def) {
        List<ModuleModel> modules = new ArrayList<>();
        modules.add(module);
        if (index != null) {
            for (WorkspaceIndex.FileSummary summary : index.summaries()) {
                ModuleModel other = summary.mappedClasses().isEmpty() ? null : index.model(summary.file());
                if (other != null && other != module) {
                    modules.add(other);
                }
            }
        }
        List<MappedClass.Relationship> found = new ArrayList<>();
        for (ModuleModel other : modules) {
            for (Statement top : other.module().body()) {
                if (top instanceof ClassDef owner && owner != def && kind(other, owner, 0) == Kind.MAPPED) {
                    backrefsIn(other, owner, def.name(), found);
                }
            }
        }
        return found;
    }

    private static void backrefsIn(ModuleModel module, ClassDef owner, String target, List<MappedClass.Relationship> found) {
        for (Statement statement : owner.body()) {
            Expression value = statement instanceof AnnAssign assign ? assign.value()
                    : statement instanceof Assign assign ? assign.value() : null;
            Expression annotation = statement instanceof AnnAssign assign ? assign.annotation() : null;
            if (!(value instanceof Call call) || !Api.RELATIONSHIP.equals(dotted(module, call.func()))) {
                continue;
            }
            Expression backref = Inference.keyword(call, "backref");
            String name = null;
            Expression lazyNode = null;
            if (backref instanceof Constant constant && constant.value() instanceof String text) {
                name = text;
            } else if (backref instanceof Call made && Api.BACKREF.equals(dotted(module, made.func()))
                    && !made.args().isEmpty() && made.args().get(0) instanceof Constant constant
                    && constant.value() instanceof String text) {
                name = text;
                lazyNode = Inference.keyword(made, "lazy");
            }
            Expression first = Inference.argument(call, 0, "argument");
            TypeTarget typed = annotation == null ? null : typeTarget(annotation, 0);
            String forward = first != null ? targetName(first) : typed != null ? typed.name() : null;
            if (name == null || forward == null || !(forward.equals(target) || forward.endsWith("." + target))) {
                continue;
            }
            // The reverse of one object is a collection; otherwise (or unknown) it is taken as one object,
            // which at worst leaves the items of a collection unfollowed.
            boolean reverseIsCollection = typed != null && !typed.collection();
            found.add(new MappedClass.Relationship(target, name, owner.name(), lazy(lazyNode), lazyNode,
                    reverseIsCollection, statement, module, null));
        }
    }

    /** Declarations of {@code def} and its workspace bases; a subclass's own declarations win. */
    private void collect(ModuleModel module, ClassDef def, String owner, Map<String, MappedClass.Relationship> relationships,
            Map<String, MappedClass.Column> columns, boolean[] flags, int depth) {
        if (depth > MAX_DEPTH) {
            return;
        }
        for (Statement statement : def.body()) {
            declaration(module, statement, owner, relationships, columns, flags);
        }
        for (Expression base : def.bases()) {
            Value value = module.valueOf(base);
            if (value instanceof Value.Dotted dotted && dotted.name().equals(Api.ASYNC_ATTRS)) {
                flags[0] = true;
            } else if (value instanceof Value.ClassValue parent && !parent.instance()) {
                Map<String, MappedClass.Relationship> inheritedRelationships = new LinkedHashMap<>();
                Map<String, MappedClass.Column> inheritedColumns = new LinkedHashMap<>();
                collect(parent.module(), parent.def(), owner, inheritedRelationships, inheritedColumns, flags, depth + 1);
                inheritedRelationships.forEach(relationships::putIfAbsent);
                inheritedColumns.forEach(columns::putIfAbsent);
            }
        }
    }

    private void declaration(ModuleModel module, Statement statement, String owner,
            Map<String, MappedClass.Relationship> relationships, Map<String, MappedClass.Column> columns, boolean[] flags) {
        String name;
        Expression annotation = null;
        Expression value;
        if (statement instanceof AnnAssign assign && assign.target() instanceof Name target) {
            name = target.id();
            annotation = assign.annotation();
            value = assign.value();
        } else if (statement instanceof Assign assign && assign.targets().size() == 1
                && assign.targets().get(0) instanceof Name target) {
            name = target.id();
            value = assign.value();
        } else {
            return;
        }
        if (name.equals("__mapper_args__")) {
            flags[1] |= mayFetchDefaults(value);
            return;
        }
        if (name.startsWith("__") || name.equals("model_config")) {
            return;
        }
        String callee = value instanceof Call call ? dotted(module, call.func()) : null;
        if (callee != null && (callee.equals(Api.RELATIONSHIP) || callee.equals(Api.SQLMODEL_RELATIONSHIP))) {
            Call call = (Call) value;
            relationships.putIfAbsent(name, relationship(module, owner, name, call, annotation, statement,
                    callee.equals(Api.SQLMODEL_RELATIONSHIP)));
            return;
        }
        if (callee != null && (callee.equals(Api.MAPPED_COLUMN) || callee.equals(Api.COLUMN) || callee.equals(Api.DEFERRED)
                || callee.equals("sqlmodel.Field") || callee.equals("sqlalchemy.orm.column_property"))) {
            Call call = (Call) value;
            Call column = call;
            boolean deferred = callee.equals(Api.DEFERRED) || isTrue(Inference.keyword(call, "deferred"));
            if (callee.equals(Api.DEFERRED) && !call.args().isEmpty() && call.args().get(0) instanceof Call inner) {
                column = inner;
            }
            columns.putIfAbsent(name, column(module, name, column, statement, deferred));
            return;
        }
        if (annotation != null && value == null && (isMapped(module, annotation) || isSqlModelField(module, annotation))) {
            columns.putIfAbsent(name, new MappedClass.Column(name, statement, false, false, false));
        }
    }

    private static boolean isSqlModelField(ModuleModel module, Expression annotation) {
        return !(annotation instanceof Subscript subscript && module.valueOf(subscript.value()) instanceof Value.Dotted d
                && d.name().equals("typing.ClassVar"));
    }

    private static boolean isMapped(ModuleModel module, Expression annotation) {
        return annotation instanceof Subscript subscript && module.valueOf(subscript.value()) instanceof Value.Dotted dotted
                && dotted.name().equals(Api.MAPPED);
    }

    private MappedClass.Relationship relationship(ModuleModel module, String owner, String name, Call call,
            Expression annotation, Statement declaration, boolean sqlModel) {
        Expression lazyNode = Inference.keyword(call, "lazy");
        if (sqlModel) {
            Expression kwargs = Inference.keyword(call, "sa_relationship_kwargs");
            lazyNode = kwargs instanceof Dict dict ? dictValue(dict, "lazy") : null;
        }
        String lazy = lazyNode == null && !sqlModel ? annotatedLazy(module, annotation) : lazy(lazyNode);
        String target = null;
        boolean uselist = false;
        Expression first = sqlModel ? null : Inference.argument(call, 0, "argument");
        if (first != null) {
            target = targetName(first);
        }
        if (annotation != null) {
            TypeTarget typed = typeTarget(annotation, 0);
            if (typed != null) {
                target = target != null ? target : typed.name();
                uselist = typed.collection();
            }
        }
        Expression uselistNode = Inference.keyword(call, "uselist");
        if (uselistNode instanceof Constant constant && constant.value() instanceof Boolean flag) {
            uselist = flag;
        }
        Expression pairs = Inference.keyword(call, "back_populates");
        String backPopulates = pairs instanceof Constant constant && constant.value() instanceof String text ? text : null;
        return new MappedClass.Relationship(owner, name, target, lazy, lazyNode, uselist, declaration, module, backPopulates);
    }

    /**
     * Whether {@code __mapper_args__} may set {@code eager_defaults=True}: anything but a literal
     * dict whose {@code eager_defaults} is absent, {@code False} or {@code "auto"} (which fetches
     * INSERT defaults only) counts, so that an unreadable setting leaves GL109 silent.
     */
    private static boolean mayFetchDefaults(Expression value) {
        if (!(value instanceof Dict dict) || dict.keys().contains(null)) {
            return true;
        }
        Expression eager = dictValue(dict, "eager_defaults");
        return eager != null && !(eager instanceof Constant constant
                && (Boolean.FALSE.equals(constant.value()) || "auto".equals(constant.value())));
    }

    /** Without {@code lazy=}, {@code WriteOnlyMapped[...]} and {@code DynamicMapped[...]} choose the strategy. */
    private static String annotatedLazy(ModuleModel module, Expression annotation) {
        String base = annotation instanceof Subscript subscript ? dotted(module, subscript.value()) : null;
        if (base != null && base.startsWith("sqlalchemy.") && base.endsWith(".WriteOnlyMapped")) {
            return "write_only";
        }
        if (base != null && base.startsWith("sqlalchemy.") && base.endsWith(".DynamicMapped")) {
            return "dynamic";
        }
        return "select";
    }

    /** The loader strategy a {@code lazy=} value names; {@code "?"} when it is not a literal. */
    private static String lazy(Expression node) {
        if (node == null) {
            return "select";
        }
        if (node instanceof Constant constant) {
            Object value = constant.value();
            if (value instanceof String text) {
                return text;
            }
            if (value instanceof Boolean flag) {
                return flag ? "select" : "joined";
            }
            if (value == Singleton.NONE) {
                return "noload";
            }
        }
        return "?";
    }

    private static String targetName(Expression expression) {
        if (expression instanceof Constant constant && constant.value() instanceof String text) {
            Matcher matcher = IDENTIFIER.matcher(text.trim());
            return matcher.matches() ? text.trim() : null;
        }
        if (expression instanceof Name name) {
            return name.id();
        }
        if (expression instanceof Attribute attribute) {
            return attribute.attr();
        }
        if (expression instanceof Lambda lambda) {
            return targetName(lambda.body());
        }
        return null;
    }

    private record TypeTarget(String name, boolean collection) {
    }

    /** The class named by {@code Mapped[list["X"]]}, {@code Optional["X"]}, {@code "X | None"}, .... */
    private static TypeTarget typeTarget(Expression annotation, int depth) {
        if (depth > 6 || annotation == null) {
            return null;
        }
        if (annotation instanceof Constant constant && constant.value() instanceof String text) {
            return stringTarget(text);
        }
        if (annotation instanceof Name name) {
            return COLLECTIONS.contains(name.id()) ? null : new TypeTarget(name.id(), false);
        }
        if (annotation instanceof Attribute attribute) {
            return new TypeTarget(attribute.attr(), false);
        }
        if (annotation instanceof BinOp bin) {
            TypeTarget left = typeTarget(bin.left(), depth + 1);
            return left != null && !left.name().equals("None") ? left : typeTarget(bin.right(), depth + 1);
        }
        if (annotation instanceof Subscript subscript) {
            String base = subscript.value() instanceof Name name ? name.id()
                    : subscript.value() instanceof Attribute attribute ? attribute.attr() : "";
            Expression inner = subscript.slice() instanceof Tuple tuple && !tuple.elts().isEmpty() ? tuple.elts().get(0) : subscript.slice();
            TypeTarget target = typeTarget(inner, depth + 1);
            if (target == null) {
                return null;
            }
            return COLLECTIONS.contains(base) ? new TypeTarget(target.name(), true) : target;
        }
        return null;
    }

    private static TypeTarget stringTarget(String text) {
        boolean collection = false;
        String target = null;
        Matcher matcher = IDENTIFIER.matcher(text);
        while (matcher.find()) {
            String word = matcher.group();
            String simple = word.contains(".") ? word.substring(word.lastIndexOf('.') + 1) : word;
            if (COLLECTIONS.contains(simple)) {
                collection = true;
            } else if (!simple.equals("Optional") && !simple.equals("None") && !simple.equals("Mapped") && target == null) {
                target = simple;
            }
        }
        return target == null ? null : new TypeTarget(target, collection);
    }

    private MappedClass.Column column(ModuleModel module, String name, Call call, Statement declaration, boolean deferred) {
        boolean sqlOnUpdate = Inference.keyword(call, "server_onupdate") != null
                || isSqlExpression(module, Inference.keyword(call, "onupdate"));
        boolean serverDefault = Inference.keyword(call, "server_default") != null;
        return new MappedClass.Column(name, declaration, deferred, sqlOnUpdate, serverDefault);
    }

    /** {@code func.now()}, {@code text("...")}: a value the database computes, not Python. */
    private static boolean isSqlExpression(ModuleModel module, Expression expression) {
        return expression instanceof Call call && dotted(module, call.func()) != null
                && dotted(module, call.func()).startsWith("sqlalchemy.");
    }

    private static String dotted(ModuleModel module, Expression expression) {
        return module.valueOf(expression) instanceof Value.Dotted dotted ? dotted.name() : null;
    }

    private static Expression keyword(ClassDef def, String name) {
        for (Keyword keyword : def.keywords()) {
            if (name.equals(keyword.arg())) {
                return keyword.value();
            }
        }
        return null;
    }

    private static Expression dictValue(Dict dict, String key) {
        for (int i = 0; i < dict.keys().size(); i++) {
            if (dict.keys().get(i) instanceof Constant constant && key.equals(constant.value())) {
                return dict.values().get(i);
            }
        }
        return null;
    }

    static boolean isTrue(Node node) {
        return node instanceof Constant constant && Boolean.TRUE.equals(constant.value());
    }

    /** Every mapped class defined at the top level of a module (for the index). */
    public List<MappedClass> mappedClassesOf(ModuleModel module) {
        List<MappedClass> found = new ArrayList<>();
        for (Statement statement : module.module().body()) {
            if (statement instanceof ClassDef def) {
                MappedClass mappedClass = of(module, def);
                if (mappedClass != null) {
                    found.add(mappedClass);
                }
            }
        }
        return found;
    }
}
