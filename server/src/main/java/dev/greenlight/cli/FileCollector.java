package dev.greenlight.cli;

import dev.greenlight.config.ConfigException;
import dev.greenlight.config.ConfigResolver;
import dev.greenlight.config.Settings;
import dev.greenlight.files.IgnoreRules;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns the paths given to {@code check} into Python files: a file is taken as given (even if
 * excluded: it was asked for by name, as in Ruff); a folder is walked for {@code *.py} and
 * {@code *.pyi}, skipping virtual environments, caches, version control, {@code node_modules},
 * hidden folders, what {@code exclude} names and (unless turned off) what {@code .gitignore}
 * files ignore: those in the walked folders and, inside a git repository, those above them up
 * to its top, with its {@code .git/info/exclude} (see {@link IgnoreRules}).
 */
public final class FileCollector {

    /** Folders never worth checking. */
    static final Set<String> SKIPPED_FOLDERS = Set.of(".venv", "venv", "__pycache__", ".git", "node_modules",
            ".tox", ".nox", ".mypy_cache", ".pytest_cache", ".ruff_cache", "site-packages");

    /** A file to check, and how reports name it. */
    public record Target(Path path, String displayPath) {
    }

    /** The files found, and one message per path that could not be used. */
    public record Collected(List<Target> files, List<String> errors) {
    }

    private final Path cwd;
    private final ConfigResolver configs;
    private final boolean respectGitignore;

    public FileCollector(Path cwd, ConfigResolver configs) {
        this(cwd, configs, true);
    }

    FileCollector(Path cwd, ConfigResolver configs, boolean respectGitignore) {
        this.cwd = cwd;
        this.configs = configs;
        this.respectGitignore = respectGitignore;
    }

    public Collected collect(List<String> arguments) throws ConfigException {
        Set<Path> seen = new LinkedHashSet<>();
        List<Target> files = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (String argument : arguments) {
            Path path = cwd.resolve(argument).normalize();
            if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS) && !Files.exists(path)) {
                errors.add(argument + ": No such file or directory");
                continue;
            }
            if (Files.isDirectory(path)) {
                walk(path, seen, files, errors);
            } else if (seen.add(path)) {
                files.add(new Target(path, display(path)));
            }
        }
        files.sort((a, b) -> a.displayPath().compareTo(b.displayPath()));
        return new Collected(files, errors);
    }

    private void walk(Path root, Set<Path> seen, List<Target> files, List<String> errors) throws ConfigException {
        ConfigException[] failure = new ConfigException[1];
        // The .gitignore rules in force in each folder being walked, the current one on top.
        Deque<IgnoreRules> ignores = new ArrayDeque<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    if (dir.equals(root)) {
                        ignores.push(respectGitignore ? IgnoreRules.at(dir) : IgnoreRules.none());
                        return FileVisitResult.CONTINUE;
                    }
                    String name = dir.getFileName().toString();
                    if (SKIPPED_FOLDERS.contains(name) || name.startsWith(".")) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    try {
                        Settings settings = configs.settingsFor(dir);
                        if (settings.isExcluded(dir)) {
                            return FileVisitResult.SKIP_SUBTREE;
                        }
                    } catch (ConfigException e) {
                        failure[0] = e;
                        return FileVisitResult.TERMINATE;
                    }
                    IgnoreRules here = ignores.peek();
                    if (here.isIgnored(dir, true)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    ignores.push(respectGitignore ? here.enter(dir) : here);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) {
                    ignores.pop();
                    if (e != null) {
                        errors.add(display(dir) + ": " + SourceReader.describe(e));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    String name = file.getFileName().toString();
                    if (!attributes.isRegularFile() && !Files.isRegularFile(file)) {
                        return FileVisitResult.CONTINUE;
                    }
                    if (!(name.endsWith(".py") || name.endsWith(".pyi"))) {
                        return FileVisitResult.CONTINUE;
                    }
                    if (ignores.peek().isIgnored(file, false)) {
                        return FileVisitResult.CONTINUE;
                    }
                    try {
                        if (configs.settingsFor(file).isExcluded(file)) {
                            return FileVisitResult.CONTINUE;
                        }
                    } catch (ConfigException e) {
                        failure[0] = e;
                        return FileVisitResult.TERMINATE;
                    }
                    if (seen.add(file)) {
                        files.add(new Target(file, display(file)));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    errors.add(display(file) + ": " + SourceReader.describe(e));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            errors.add(display(root) + ": " + SourceReader.describe(e));
        }
        if (failure[0] != null) {
            throw failure[0];
        }
    }

    /** The path relative to the working folder when it is inside it, else absolute. */
    String display(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        if (absolute.startsWith(cwd) && !absolute.equals(cwd)) {
            return cwd.relativize(absolute).toString();
        }
        return absolute.toString();
    }
}
