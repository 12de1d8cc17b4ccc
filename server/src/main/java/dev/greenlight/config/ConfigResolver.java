package dev.greenlight.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the settings that apply to a file: those of the nearest {@code pyproject.toml} with a
 * {@code [tool.greenlight]} table in the file's folder or above it, as Ruff finds its own, or
 * the defaults rooted at {@code fallbackRoot}. Folders are looked up once.
 */
public final class ConfigResolver {

    private final Path fallbackRoot;
    private final Settings fixed;
    private final Map<Path, Optional<Settings>> byFolder = new ConcurrentHashMap<>();

    private ConfigResolver(Path fallbackRoot, Settings fixed) {
        this.fallbackRoot = fallbackRoot.toAbsolutePath().normalize();
        this.fixed = fixed;
    }

    /** Looks for pyproject.toml files above each checked file. */
    public static ConfigResolver discovering(Path fallbackRoot) {
        return new ConfigResolver(fallbackRoot, null);
    }

    /** Uses one configuration for every file (the {@code --config} option). */
    public static ConfigResolver fixed(Settings settings) {
        return new ConfigResolver(settings.root(), settings);
    }

    /** The settings for a file or folder. */
    public Settings settingsFor(Path path) throws ConfigException {
        if (fixed != null) {
            return fixed;
        }
        Path absolute = path.toAbsolutePath().normalize();
        Path folder = Files.isDirectory(absolute) ? absolute : absolute.getParent();
        while (folder != null) {
            Optional<Settings> found = lookup(folder);
            if (found.isPresent()) {
                return found.get();
            }
            folder = folder.getParent();
        }
        return Settings.defaults(fallbackRoot);
    }

    private Optional<Settings> lookup(Path folder) throws ConfigException {
        Optional<Settings> known = byFolder.get(folder);
        if (known != null) {
            return known;
        }
        Path candidate = folder.resolve(PyprojectLoader.FILE_NAME);
        Optional<Settings> found = Files.isRegularFile(candidate) ? PyprojectLoader.load(candidate) : Optional.empty();
        byFolder.put(folder, found);
        return found;
    }
}
