package dev.greenlight.files;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code .gitignore} files in force at one folder of a walk, shallowest first, as git
 * combines them: a deeper file overrides a shallower one, and {@code .git/info/exclude} of the
 * repository comes below them all. Immutable: {@link #enter} gives the rules for a subfolder.
 *
 * <p>Above the folder a walk starts in, {@code .gitignore} files count up to the top of the git
 * repository (the nearest folder holding {@code .git}); outside a repository only the walked
 * folder's own files count.
 */
public final class IgnoreRules {

    public static final String FILE_NAME = ".gitignore";

    private static final IgnoreRules NONE = new IgnoreRules(List.of());

    private final List<GitIgnore> files;

    private IgnoreRules(List<GitIgnore> files) {
        this.files = files;
    }

    /** No rules: nothing is ignored. */
    public static IgnoreRules none() {
        return NONE;
    }

    /**
     * The rules in force at {@code folder}, a folder where a walk starts: those of the repository
     * around it (its {@code .git/info/exclude} and every {@code .gitignore} from its top down to
     * {@code folder}, included), or {@code folder}'s own {@code .gitignore} outside a repository.
     */
    public static IgnoreRules at(Path folder) {
        Path start = folder.toAbsolutePath().normalize();
        Path top = null;
        for (Path p = start; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve(".git"))) {
                top = p;
                break;
            }
        }
        List<Path> chain = new ArrayList<>();
        if (top == null) {
            chain.add(start);
        } else {
            for (Path p = start; p != null && p.startsWith(top); p = p.getParent()) {
                chain.add(0, p);
            }
        }
        List<GitIgnore> files = new ArrayList<>();
        if (top != null) {
            Path exclude = top.resolve(".git").resolve("info").resolve("exclude");
            if (Files.isRegularFile(exclude)) {
                add(files, GitIgnore.read(top, exclude));
            }
        }
        for (Path dir : chain) {
            Path file = dir.resolve(FILE_NAME);
            if (Files.isRegularFile(file)) {
                add(files, GitIgnore.read(dir, file));
            }
        }
        return files.isEmpty() ? NONE : new IgnoreRules(List.copyOf(files));
    }

    /** The rules in force inside {@code subfolder} (a folder just under this one's). */
    public IgnoreRules enter(Path subfolder) {
        Path file = subfolder.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return this;
        }
        GitIgnore ignore = GitIgnore.read(subfolder, file);
        if (ignore.isEmpty()) {
            return this;
        }
        List<GitIgnore> more = new ArrayList<>(files);
        more.add(ignore);
        return new IgnoreRules(List.copyOf(more));
    }

    /** These rules with {@code ignore} added as the deepest file (for tests and callers with text). */
    public IgnoreRules with(GitIgnore ignore) {
        List<GitIgnore> more = new ArrayList<>(files);
        more.add(ignore);
        return new IgnoreRules(List.copyOf(more));
    }

    /**
     * Whether {@code path} (a file or folder directly matched, not through its parents: a walk
     * does not enter ignored folders) is ignored: the deepest file with a matching pattern decides.
     */
    public boolean isIgnored(Path path, boolean directory) {
        for (int i = files.size() - 1; i >= 0; i--) {
            GitIgnore.Verdict verdict = files.get(i).match(path, directory);
            if (verdict != GitIgnore.Verdict.NONE) {
                return verdict == GitIgnore.Verdict.IGNORED;
            }
        }
        return false;
    }

    private static void add(List<GitIgnore> files, GitIgnore ignore) {
        if (!ignore.isEmpty()) {
            files.add(ignore);
        }
    }
}
