package dev.greenlight.analysis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What a check of some statements read beyond those statements: the names it looked up in the
 * module scope, whether it read something of the whole module (every use of a module-level name,
 * the list of top-level statements), and the workspace files its imports led to. If none of that
 * changed, checking the same statements again gives the same findings.
 *
 * <p>Module-scope lookups are recorded by the model ({@link ModuleModel#recordInto}); workspace
 * lookups by {@link Workspace} on the thread that runs {@link #recording}.
 */
public final class Dependencies {

    private static final ThreadLocal<Dependencies> ACTIVE = new ThreadLocal<>();

    /** One import resolved against the file system, and what it found there. */
    private record Lookup(Path from, String name, Path file, long size, FileTime modified) {
    }

    private final Set<String> names = new HashSet<>();
    private final Set<Lookup> lookups = new LinkedHashSet<>();
    private boolean moduleWide;

    /** Runs {@code work} with the workspace lookups of this thread recorded here. */
    public <T> T recording(Supplier<T> work) {
        Dependencies outer = ACTIVE.get();
        ACTIVE.set(this);
        try {
            return work.get();
        } finally {
            ACTIVE.set(outer);
        }
    }

    void name(String name) {
        names.add(name);
    }

    public void moduleWide() {
        moduleWide = true;
    }

    public boolean isModuleWide() {
        return moduleWide;
    }

    /** Whether one of {@code changed} was looked up in the module scope. */
    public boolean readsAny(List<String> changed) {
        for (int i = 0; i < changed.size(); i++) { // asked of every part on every edit: no iterator
            if (names.contains(changed.get(i))) {
                return true;
            }
        }
        return false;
    }

    /** The workspace lookups recorded, to be checked with {@link #changedLookups}. */
    public Collection<?> lookups() {
        return lookups;
    }

    /**
     * Those of {@code lookups} (gathered from {@link #lookups}) that no longer resolve to the
     * same file unchanged on disk: each import is looked up once however many checks read it.
     */
    public static Set<Object> changedLookups(Collection<?> lookups) {
        Set<Object> changed = new HashSet<>();
        for (Object lookup : lookups) {
            if (!stillFinds((Lookup) lookup)) {
                changed.add(lookup);
            }
        }
        return changed;
    }

    /** Whether one of the lookups recorded here is among {@code changed}. */
    public boolean readsAnyLookup(Set<Object> changed) {
        if (changed.isEmpty()) {
            return false;
        }
        for (Lookup lookup : lookups) {
            if (changed.contains(lookup)) {
                return true;
            }
        }
        return false;
    }

    private static boolean stillFinds(Lookup lookup) {
        Path file = Workspace.find(lookup.from(), lookup.name());
        Lookup now = lookup(lookup.from(), lookup.name(), file);
        return Objects.equals(now, lookup);
    }

    /** Called by {@link Workspace} for each import it resolves. */
    static void resolved(Path from, String name, Path file) {
        Dependencies active = ACTIVE.get();
        if (active != null) {
            active.lookups.add(lookup(from, name, file));
        }
    }

    private static Lookup lookup(Path from, String name, Path file) {
        if (file == null) {
            return new Lookup(from, name, null, -1, null);
        }
        try {
            return new Lookup(from, name, file, Files.size(file), Files.getLastModifiedTime(file));
        } catch (IOException e) {
            return new Lookup(from, name, file, -1, null);
        }
    }
}
