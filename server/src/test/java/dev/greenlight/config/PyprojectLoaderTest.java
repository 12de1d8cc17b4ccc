package dev.greenlight.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PyprojectLoaderTest {

    @TempDir
    Path dir;

    @Test
    void readsEverySetting() throws Exception {
        Path file = write("""
                [project]
                name = "shop"

                [tool.greenlight]
                select = ["GL0"]
                ignore = ["GL000"]
                exclude = ["migrations", "build/"]

                [tool.greenlight.per-file-ignores]
                "tests/*.py" = ["GL006"]
                "__init__.py" = ["GL0"]
                """);
        Settings settings = PyprojectLoader.load(file).orElseThrow();
        assertEquals(List.of("GL0"), settings.select());
        assertEquals(List.of("GL000"), settings.ignore());
        assertEquals(List.of("migrations", "build/"), settings.exclude());
        assertEquals(Map.of("tests/*.py", List.of("GL006"), "__init__.py", List.of("GL0")), settings.perFileIgnores());
        assertEquals(dir.toAbsolutePath().normalize(), settings.root());

        assertFalse(settings.selectionFor(dir.resolve("tests/test_users.py")).test("GL006"));
        assertTrue(settings.selectionFor(dir.resolve("app/users.py")).test("GL006"));
        assertFalse(settings.selectionFor(dir.resolve("app/__init__.py")).test("GL006"));
        assertTrue(settings.isExcluded(dir.resolve("migrations")));
        assertTrue(settings.isExcluded(dir.resolve("app/migrations/versions/0001.py")));
        assertTrue(settings.isExcluded(dir.resolve("build/lib/app.py")));
        assertFalse(settings.isExcluded(dir.resolve("app/users.py")));
    }

    @Test
    void noSectionMeansNoSettings() throws Exception {
        assertEquals(Optional.empty(), PyprojectLoader.load(write("[tool.ruff]\nselect = [\"E\"]\n")));
    }

    @Test
    void unknownKeyIsAnErrorWithItsLine() throws IOException {
        Path file = write("[tool.greenlight]\nselect = [\"GL\"]\nignroe = [\"GL006\"]\n");
        ConfigException error = assertThrows(ConfigException.class, () -> PyprojectLoader.load(file));
        assertEquals(file + ":3: unknown setting `ignroe` in [tool.greenlight] (known: exclude, ignore, per-file-ignores, select)",
                error.getMessage());
    }

    @Test
    void unknownCodeIsAnError() throws IOException {
        Path file = write("[tool.greenlight]\nignore = [\"GL999\"]\n");
        ConfigException error = assertThrows(ConfigException.class, () -> PyprojectLoader.load(file));
        assertEquals(file + ":2: unknown rule selector GL999 in `ignore`", error.getMessage());
    }

    @Test
    void wrongTypeIsAnError() throws IOException {
        Path file = write("[tool.greenlight]\nselect = \"GL006\"\n");
        ConfigException error = assertThrows(ConfigException.class, () -> PyprojectLoader.load(file));
        assertEquals(file + ":2: `select` must be a list of strings", error.getMessage());
    }

    @Test
    void invalidTomlIsAnError() throws IOException {
        Path file = write("[tool.greenlight\nselect = []\n");
        ConfigException error = assertThrows(ConfigException.class, () -> PyprojectLoader.load(file));
        assertTrue(error.getMessage().startsWith(file + ":1: invalid TOML: "), error.getMessage());
    }

    @Test
    void resolverFindsTheNearestSection() throws Exception {
        write("[tool.greenlight]\nignore = [\"GL006\"]\n");
        Path nested = Files.createDirectories(dir.resolve("services/api"));
        Files.writeString(nested.resolve("pyproject.toml"), "[project]\nname = \"api\"\n");
        Files.writeString(nested.resolve("main.py"), "");
        ConfigResolver resolver = ConfigResolver.discovering(dir);
        Settings settings = resolver.settingsFor(nested.resolve("main.py"));
        assertEquals(List.of("GL006"), settings.ignore());
        assertEquals(dir.toAbsolutePath().normalize(), settings.root());
    }

    private Path write(String text) throws IOException {
        Path file = dir.resolve("pyproject.toml");
        Files.writeString(file, text);
        return file;
    }
}
