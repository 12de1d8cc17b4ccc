package dev.greenlight.workspace;

import dev.greenlight.analysis.Api;
import dev.greenlight.analysis.ModuleModel;
import dev.greenlight.analysis.Value;
import dev.greenlight.python.ast.AnnAssign;
import dev.greenlight.python.ast.Attribute;
import dev.greenlight.python.ast.BinOp;
import dev.greenlight.python.ast.ClassDef;
import dev.greenlight.python.ast.Constant;
import dev.greenlight.python.ast.Expression;
import dev.greenlight.python.ast.Keyword;
import dev.greenlight.python.ast.Name;
import dev.greenlight.python.ast.Statement;
import dev.greenlight.python.ast.Subscript;
import dev.greenlight.python.ast.Tuple;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Pydantic models used as FastAPI response models: their fields, and which fields hold another
 * model (nested serialization reads the related objects too).
 */
public final class ResponseModels {

    /** A field of a response model; {@code nested} is the model of its value (or of each item), or null. */
    public record Field(String name, ResponseModel nested, AnnAssign declaration) {
    }

    /** A pydantic model class with its fields, inherited ones included. */
    public record ResponseModel(String name, ModuleModel module, ClassDef def, Map<String, Field> fields) {
    }

    /** A type as FastAPI serializes it: a model, possibly as the item type of a list. */
    public record ResponseType(ResponseModel model, boolean list) {
    }

    private static final Set<String> WRAPPERS = Set.of("list", "List", "Sequence", "set", "Set", "tuple", "Tuple",
            "Iterable", "Optional");
    private static final int MAX_DEPTH = 8;

    private ResponseModels() {
    }

    /** Whether a class is a pydantic model (SQLModel without {@code table=True} included). */
    public static boolean isPydanticModel(ModuleModel module, ClassDef def) {
        return isPydanticModel(module, def, 0);
    }

    private static boolean isPydanticModel(ModuleModel module, ClassDef def, int depth) {
        if (depth > MAX_DEPTH) {
            return false;
        }
        for (Expression base : def.bases()) {
            Value value = module.valueOf(base);
            if (value instanceof Value.Dotted dotted) {
                if (dotted.name().equals(Api.PYDANTIC_BASE_MODEL) || dotted.name().equals("pydantic.main.BaseModel")) {
                    return true;
                }
                if (dotted.name().equals(Api.SQLMODEL) && !isTable(def)) {
                    return true;
                }
            } else if (value instanceof Value.ClassValue parent && !parent.instance()
                    && isPydanticModel(parent.module(), parent.def(), depth + 1)) {
                return !isTable(def);
            }
        }
        return false;
    }

    private static boolean isTable(ClassDef def) {
        for (Keyword keyword : def.keywords()) {
            if ("table".equals(keyword.arg())) {
                return Mappings.isTrue(keyword.value());
            }
        }
        return false;
    }

    /** The response type an annotation or {@code response_model=} expression names, or null. */
    public static ResponseType of(ModuleModel module, Expression type) {
        return of(module, type, 0);
    }

    private static ResponseType of(ModuleModel module, Expression type, int depth) {
        if (type == null || depth > MAX_DEPTH) {
            return null;
        }
        if (type instanceof Subscript subscript) {
            String base = subscript.value() instanceof Name name ? name.id()
                    : subscript.value() instanceof Attribute attribute ? attribute.attr() : "";
            if (!WRAPPERS.contains(base)) {
                return null;
            }
            Expression inner = subscript.slice() instanceof Tuple tuple && !tuple.elts().isEmpty() ? tuple.elts().get(0)
                    : subscript.slice();
            ResponseType item = of(module, inner, depth + 1);
            return item == null ? null : new ResponseType(item.model(), item.list() || !base.equals("Optional"));
        }
        if (type instanceof BinOp bin) {
            ResponseType left = of(module, bin.left(), depth + 1);
            return left != null ? left : of(module, bin.right(), depth + 1);
        }
        Value value;
        if (type instanceof Constant constant && constant.value() instanceof String text && text.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            value = module.inference().nameValue(text, module.scopeOf(type));
        } else {
            value = module.valueOf(type);
        }
        if (value instanceof Value.ClassValue cls && !cls.instance() && isPydanticModel(cls.module(), cls.def())) {
            return new ResponseType(model(cls.module(), cls.def(), depth), false);
        }
        return null;
    }

    /**
     * Whether the model reads objects by attribute: {@code model_config = ConfigDict(from_attributes=True)}
     * (or a dict saying so), or pydantic 1's {@code class Config: orm_mode = True}, on it or a base.
     */
    public static boolean readsAttributes(ResponseModel model) {
        return readsAttributes(model.module(), model.def(), 0);
    }

    private static boolean readsAttributes(ModuleModel module, ClassDef def, int depth) {
        if (depth > MAX_DEPTH) {
            return false;
        }
        for (Statement statement : def.body()) {
            if (statement instanceof ClassDef config && config.name().equals("Config")) {
                for (Statement setting : config.body()) {
                    if (setting instanceof dev.greenlight.python.ast.Assign assign && assign.targets().size() == 1
                            && assign.targets().get(0) instanceof Name name
                            && (name.id().equals("orm_mode") || name.id().equals("from_attributes"))) {
                        return Mappings.isTrue(assign.value());
                    }
                }
            }
            Expression config = statement instanceof dev.greenlight.python.ast.Assign assign && assign.targets().size() == 1
                    && assign.targets().get(0) instanceof Name name && name.id().equals("model_config") ? assign.value()
                    : statement instanceof AnnAssign annotated && annotated.target() instanceof Name name
                    && name.id().equals("model_config") ? annotated.value() : null;
            // A setting the model does not make comes from its bases (pydantic merges model_config).
            if (config instanceof dev.greenlight.python.ast.Call call
                    && dev.greenlight.analysis.Inference.keyword(call, "from_attributes") != null) {
                return Mappings.isTrue(dev.greenlight.analysis.Inference.keyword(call, "from_attributes"));
            }
            if (config instanceof dev.greenlight.python.ast.Dict dict) {
                for (int i = 0; i < dict.keys().size(); i++) {
                    if (dict.keys().get(i) instanceof Constant key && "from_attributes".equals(key.value())) {
                        return Mappings.isTrue(dict.values().get(i));
                    }
                }
            }
        }
        for (Expression base : def.bases()) {
            if (module.valueOf(base) instanceof Value.ClassValue parent && !parent.instance()
                    && readsAttributes(parent.module(), parent.def(), depth + 1)) {
                return true;
            }
        }
        return false;
    }

    private static ResponseModel model(ModuleModel module, ClassDef def, int depth) {
        Map<String, Field> fields = new LinkedHashMap<>();
        collect(module, def, fields, depth);
        return new ResponseModel(def.name(), module, def, fields);
    }

    private static void collect(ModuleModel module, ClassDef def, Map<String, Field> fields, int depth) {
        if (depth > MAX_DEPTH) {
            return;
        }
        for (Statement statement : def.body()) {
            if (statement instanceof AnnAssign assign && assign.target() instanceof Name name
                    && !name.id().startsWith("_") && !name.id().equals("model_config")) {
                ResponseType nested = of(module, assign.annotation(), depth + 1);
                fields.putIfAbsent(name.id(), new Field(name.id(), nested == null ? null : nested.model(), assign));
            }
        }
        for (Expression base : def.bases()) {
            if (module.valueOf(base) instanceof Value.ClassValue parent && !parent.instance()) {
                collect(parent.module(), parent.def(), fields, depth + 1);
            }
        }
    }
}
