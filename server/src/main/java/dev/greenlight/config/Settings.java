package dev.greenlight.config;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code [tool.greenlight]} settings of one project: rule selectors, per-file ignores and
 * excluded paths. Glob patterns are relative to {@code root}, the folder of the
 * {@code pyproject.toml} (or the current folder without one); a pattern without {@code /} also
 * matches a file or folder name anywhere, so {@code "__init__.py"} and {@code "migrations"} work
 * as people expect.
 */
public final class Settings {

    private final Path root;
    private final Path configFile;
    private final List<String> select;
    private final List<String> ignore;
    private final Map<String, List<String>> perFileIgnores;
    private final List<String> exclude;
    private final List<Glob> excludeGlobs;
    private final List<Map.Entry<Glob, List<String>>> perFileGlobs;

    public Settings(Path root, Path configFile, List<String> select, List<String> ignore,
            Map<String, List<String>> perFileIgnores, List<String> exclude) {
        this.root = root.toAbsolutePath().normalize();
        this.configFile = configFile;
        this.select = List.copyOf(select);
        this.ignore = List.copyOf(ignore);
        this.perFileIgnores = new LinkedHashMap<>(perFileIgnores);
        this.exclude = List.copyOf(exclude);
        this.excludeGlobs = exclude.stream().map(Glob::new).toList();
        List<Map.Entry<Glob, List<String>>> globs = new ArrayList<>();
        perFileIgnores.forEach((pattern, codes) -> globs.add(Map.entry(new Glob(pattern), List.copyOf(codes))));
        this.perFileGlobs = globs;
    }

    /** No configuration: every rule, nothing excluded. */
    public static Settings defaults(Path root) {
        return new Settings(root, null, RuleSelection.DEFAULT_SELECT, List.of(), Map.of(), List.of());
    }

    public Path root() {
        return root;
    }

    /** The pyproject.toml these settings came from, or null. */
    public Path configFile() {
        return configFile;
    }

    public List<String> select() {
        return select;
    }

    public List<String> ignore() {
        return ignore;
    }

    public Map<String, List<String>> perFileIgnores() {
        return perFileIgnores;
    }

    public List<String> exclude() {
        return exclude;
    }

    /** These settings with {@code select} replaced and {@code ignore} extended (command-line options). */
    public Settings withOverrides(List<String> newSelect, List<String> moreIgnore) {
        List<String> combinedIgnore = new ArrayList<>(ignore);
        if (moreIgnore != null) {
            combinedIgnore.addAll(moreIgnore);
        }
        return new Settings(root, configFile, newSelect != null && !newSelect.isEmpty() ? newSelect : select,
                combinedIgnore, perFileIgnores, exclude);
    }

    /** The rules on for {@code file}: the selection less the per-file ignores that match it. */
    public RuleSelection selectionFor(Path file) {
        RuleSelection selection = RuleSelection.of(select, ignore);
        if (file == null) {
            return selection;
        }
        for (Map.Entry<Glob, List<String>> entry : perFileGlobs) {
            if (entry.getKey().matches(root, file)) {
                selection = selection.ignoring(entry.getValue());
            }
        }
        return selection;
    }

    /** Whether {@code path} (a file or a folder) is excluded by {@code exclude}. */
    public boolean isExcluded(Path path) {
        for (Glob glob : excludeGlobs) {
            if (glob.matches(root, path)) {
                return true;
            }
        }
        return false;
    }

    /** A glob pattern as written in pyproject.toml. */
    private static final class Glob {

        private final boolean nameOnly;
        private final PathMatcher matcher;
        private final PathMatcher underMatcher;

        Glob(String pattern) {
            String normalized = pattern.replace('\\', '/');
            while (normalized.startsWith("./")) {
                normalized = normalized.substring(2);
            }
            if (normalized.endsWith("/")) {
                normalized = normalized.substring(0, normalized.length() - 1);
            }
            this.nameOnly = !normalized.contains("/");
            this.matcher = FileSystems.getDefault().getPathMatcher("glob:" + normalized);
            // "build" also excludes what is inside build/, as in Ruff and git.
            this.underMatcher = FileSystems.getDefault().getPathMatcher("glob:" + normalized + "/**");
        }

        boolean matches(Path root, Path path) {
            Path absolute = path.toAbsolutePath().normalize();
            if (nameOnly) {
                Path relative = absolute.startsWith(root) ? root.relativize(absolute) : absolute.getFileName();
                if (relative == null) {
                    return false;
                }
                for (Path part : relative) {
                    if (matcher.matches(part)) {
                        return true;
                    }
                }
                return false;
            }
            if (!absolute.startsWith(root)) {
                return false;
            }
            Path relative = root.relativize(absolute);
            return matcher.matches(relative) || underMatcher.matches(relative);
        }
    }
}
