package dev.greenlight.workspace;

import dev.greenlight.analysis.Binding;
import dev.greenlight.analysis.ModuleModel;
import dev.greenlight.analysis.Value;
import dev.greenlight.analysis.Workspace;
import dev.greenlight.python.ast.ClassDef;
import dev.greenlight.python.ast.Expression;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * What the workspace declares that the implicit-IO rules look up by name rather than through
 * imports: mapped classes with their relationships (string targets such as
 * {@code relationship("Address")} name classes that need not be imported), session factories with
 * their {@code expire_on_commit}, dependency providers and response models. One summary per
 * file, rebuilt when the file changes; thread-safe.
 */
public final class WorkspaceIndex {

    /** A class of the index, by file and name. */
    public record ClassRef(Path file, String name) {
    }

    /**
     * What one file declares at its top level. {@code factories} maps each session factory's name to
     * whether its sessions expire on commit ({@code null} when not a literal).
     */
    public record FileSummary(Path file, int lines, List<MappedClass> mappedClasses, Map<String, Boolean> factories,
            List<String> dependencies, List<String> responseModels) {

        static FileSummary empty(Path file, int lines) {
            return new FileSummary(file, lines, List.of(), Map.of(), List.of(), List.of());
        }
    }

    /** Index statistics: files, source lines, mapped classes, relationships. */
    public record Statistics(int files, long lines, int mappedClasses, int relationships) {
    }


    private final Map<Path, FileSummary> files = new ConcurrentHashMap<>();

    /** Words of which a module that declares models, factories or response models names one. */
    private static final List<String> DECLARING = List.of("sqlalchemy", "sqlmodel", "relationship", "Mapped[",
            "BaseModel", "Depends");

    /**
     * Words of which a module that declares a mapped class, a session factory or a pydantic model
     * names one: only such modules are parsed for the index (routes modules are not).
     */
    private static final List<String> INDEXED = List.of("__tablename__", "Mapped[", "mapped_column", "Column(",
            "relationship(", "Relationship(", "table=True", "declarative_base", "DeclarativeBase", "sessionmaker",
            "BaseModel", "registry(");

    /** Whether an edit of this text may change what other modules see of it (cheap; no parse). */
    public static boolean mayDeclare(String text) {
        return DECLARING.stream().anyMatch(text::contains);
    }

    /** Indexes {@code paths} on the common pool; {@code progress} gets the count of files done. */
    public void addAll(Collection<Path> paths, IntConsumer progress) {
        AtomicInteger done = new AtomicInteger();
        paths.parallelStream().forEach(path -> {
            update(path);
            progress.accept(done.incrementAndGet());
        });
    }

    /** (Re)indexes one file from the editor's text when it is open, else from the disk. */
    public void update(Path path) {
        Path file = path.toAbsolutePath().normalize();
        String text = Workspace.text(file);
        if (text == null) {
            files.remove(file);
            return;
        }
        int lines = (int) text.chars().filter(c -> c == '\n').count() + 1;
        ModuleModel model = INDEXED.stream().anyMatch(text::contains) ? Workspace.load(file, text) : null;
        files.put(file, model == null ? FileSummary.empty(file, lines) : summarize(file, lines, model));
    }

    public void remove(Path path) {
        files.remove(path.toAbsolutePath().normalize());
    }

    public boolean contains(Path path) {
        return files.containsKey(path.toAbsolutePath().normalize());
    }

    private static FileSummary summarize(Path file, int lines, ModuleModel model) {
        Mappings mappings = new Mappings(null);
        List<MappedClass> mapped = mappings.mappedClassesOf(model);
        Map<String, Boolean> factories = new java.util.LinkedHashMap<>();
        List<String> dependencies = new ArrayList<>();
        List<String> responseModels = new ArrayList<>();
        for (Map.Entry<String, List<Binding>> entry : model.moduleScope().bindings().entrySet()) {
            String name = entry.getKey();
            List<Binding> bindings = entry.getValue();
            if (bindings.size() != 1) {
                continue;
            }
            Binding binding = bindings.get(0);
            if ((binding.kind() == Binding.Kind.ASSIGN || binding.kind() == Binding.Kind.ANNOTATED)
                    && model.valueOf(binding.value()) instanceof Value.Factory factory) {
                factories.put(name, expiresOnCommit(factory.expireOnCommit()));
            } else if (binding.kind() == Binding.Kind.FUNCTION && model.isGenerator(binding.node())) {
                Value provided = model.inference().provided(model.exported(name));
                if (provided instanceof Value.Session) {
                    dependencies.add(name);
                }
            } else if (binding.kind() == Binding.Kind.CLASS && ResponseModels.isPydanticModel(model, (ClassDef) binding.node())) {
                responseModels.add(name);
            }
        }
        return new FileSummary(file, lines, List.copyOf(mapped), Map.copyOf(factories), List.copyOf(dependencies),
                List.copyOf(responseModels));
    }

    /** {@code True} for the default and a literal {@code True}, {@code False} for literal false, else null. */
    public static Boolean expiresOnCommit(Expression keyword) {
        if (keyword == null) {
            return true;
        }
        if (keyword instanceof dev.greenlight.python.ast.Constant constant && constant.value() instanceof Boolean flag) {
            return flag;
        }
        return null;
    }

    /** Whether any indexed file declares a mapped class. */
    public boolean hasMappedClasses() {
        for (FileSummary summary : files.values()) {
            if (!summary.mappedClasses().isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** The mapped classes of the workspace with this simple name. */
    public List<ClassRef> mappedClassesNamed(String name) {
        List<ClassRef> found = new ArrayList<>();
        for (FileSummary summary : files.values()) {
            for (MappedClass mapped : summary.mappedClasses()) {
                if (mapped.name().equals(name)) {
                    found.add(new ClassRef(summary.file(), name));
                }
            }
        }
        return found;
    }

    /** Every file summary (a snapshot). */
    public List<FileSummary> summaries() {
        return List.copyOf(files.values());
    }

    /** The model of an indexed file, from the editor's text when it is open. */
    public ModuleModel model(Path file) {
        return Workspace.load(file);
    }

    public Statistics statistics() {
        int classes = 0;
        int relationships = 0;
        long lines = 0;
        for (FileSummary summary : files.values()) {
            lines += summary.lines();
            classes += summary.mappedClasses().size();
            for (MappedClass mapped : summary.mappedClasses()) {
                relationships += mapped.relationships().size();
            }
        }
        return new Statistics(files.size(), lines, classes, relationships);
    }
}
