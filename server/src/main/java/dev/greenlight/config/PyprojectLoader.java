package dev.greenlight.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

/**
 * Reads {@code [tool.greenlight]} from a {@code pyproject.toml}:
 *
 * <pre>
 * [tool.greenlight]
 * select = ["GL"]
 * ignore = ["GL101"]
 * exclude = ["migrations", "build/"]
 *
 * [tool.greenlight.per-file-ignores]
 * "tests/*" = ["GL003"]
 * </pre>
 *
 * Unknown keys, values of the wrong type and unknown rule codes are errors that name the file
 * and line: a typo must not silently switch a rule off.
 */
public final class PyprojectLoader {

    public static final String FILE_NAME = "pyproject.toml";

    private static final List<String> SECTION = List.of("tool", "greenlight");
    private static final Set<String> KEYS = Set.of("select", "ignore", "per-file-ignores", "exclude");

    private PyprojectLoader() {
    }

    /** The settings of {@code pyproject}, or empty when it has no {@code [tool.greenlight]} table. */
    public static Optional<Settings> load(Path pyproject) throws ConfigException {
        String text;
        try {
            text = Files.readString(pyproject);
        } catch (IOException | RuntimeException e) {
            throw new ConfigException("cannot read " + pyproject + ": " + describe(e));
        }
        return parse(pyproject, text);
    }

    /** As {@link #load}, from text already read. */
    public static Optional<Settings> parse(Path pyproject, String text) throws ConfigException {
        TomlParseResult toml = Toml.parse(text);
        if (toml.hasErrors()) {
            TomlParseError first = toml.errors().get(0);
            throw new ConfigException(at(pyproject, first.position()) + ": invalid TOML: " + first.getMessage());
        }
        Object section = toml.get(SECTION);
        if (section == null) {
            return Optional.empty();
        }
        if (!(section instanceof TomlTable table)) {
            throw new ConfigException(at(pyproject, toml.inputPositionOf(SECTION)) + ": tool.greenlight must be a table");
        }
        for (String key : table.keySet()) {
            if (!KEYS.contains(key)) {
                throw new ConfigException(at(pyproject, table.inputPositionOf(List.of(key)))
                        + ": unknown setting `" + key + "` in [tool.greenlight] (known: exclude, ignore, per-file-ignores, select)");
            }
        }
        List<String> select = strings(pyproject, table, "select", RuleSelection.DEFAULT_SELECT);
        List<String> ignore = strings(pyproject, table, "ignore", List.of());
        List<String> exclude = strings(pyproject, table, "exclude", List.of());
        Map<String, List<String>> perFileIgnores = new LinkedHashMap<>();
        Object perFile = table.get(List.of("per-file-ignores"));
        if (perFile != null) {
            if (!(perFile instanceof TomlTable perFileTable)) {
                throw new ConfigException(at(pyproject, table.inputPositionOf(List.of("per-file-ignores")))
                        + ": per-file-ignores must be a table of glob = [codes]");
            }
            for (String pattern : perFileTable.keySet()) {
                List<String> codes = strings(pyproject, perFileTable, pattern, List.of());
                checkSelectors(pyproject, perFileTable, pattern, codes);
                perFileIgnores.put(pattern, codes);
            }
        }
        checkSelectors(pyproject, table, "select", select);
        checkSelectors(pyproject, table, "ignore", ignore);
        Path root = pyproject.toAbsolutePath().normalize().getParent();
        return Optional.of(new Settings(root, pyproject, select, ignore, perFileIgnores, exclude));
    }

    private static List<String> strings(Path file, TomlTable table, String key, List<String> absent)
            throws ConfigException {
        Object value = table.get(List.of(key));
        if (value == null) {
            return absent;
        }
        if (!(value instanceof TomlArray array)) {
            throw new ConfigException(at(file, table.inputPositionOf(List.of(key))) + ": `" + key + "` must be a list of strings");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            if (!array.isString(i)) {
                throw new ConfigException(at(file, table.inputPositionOf(List.of(key))) + ": `" + key + "` must be a list of strings");
            }
            out.add(array.getString(i));
        }
        return out;
    }

    private static void checkSelectors(Path file, TomlTable table, String key, List<String> selectors)
            throws ConfigException {
        List<String> unknown = RuleSelection.unknown(selectors);
        if (!unknown.isEmpty()) {
            throw new ConfigException(at(file, table.inputPositionOf(List.of(key))) + ": unknown rule selector"
                    + (unknown.size() > 1 ? "s " : " ") + String.join(", ", unknown) + " in `" + key + "`");
        }
    }

    private static String at(Path file, TomlPosition position) {
        return position == null ? file.toString() : file + ":" + position.line();
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return e instanceof java.nio.file.NoSuchFileException ? "no such file"
                : e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                : message != null ? message : e.getClass().getSimpleName();
    }
}
