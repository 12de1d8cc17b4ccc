package dev.greenlight.analysis;

import dev.greenlight.python.parse.PythonParsing;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Finds and loads the other modules of the workspace that a module imports ({@code from
 * app.database import get_db}, {@code from .config import settings}), from the file system
 * beside the importing file. A module is found by walking up from the importing file's folder to
 * a folder where the dotted path exists as {@code a/b.py} or {@code a/b/__init__.py}. Loaded
 * models are cached by path, size and modification time.
 */
public final class Workspace {

    /** Top-level packages that are never looked for in the workspace. */
    private static final Set<String> EXTERNAL = Set.of(
            "sqlalchemy", "sqlmodel", "fastapi", "starlette", "pydantic", "pydantic_settings", "typing",
            "typing_extensions", "os", "sys", "asyncio", "collections", "contextlib", "functools",
            "dataclasses", "datetime", "uuid", "enum", "abc", "logging", "json", "alembic", "decimal");

    private static final int MAX_LEVELS = 8;
    private static final int CACHE_SIZE = 256;

    private record Entry(long size, FileTime modified, ModuleModel model) {
    }

    private static final Map<Path, Entry> CACHE = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Path, Entry> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    /** The text of a file as the editor holds it, when that differs from the disk; else null. */
    @FunctionalInterface
    public interface Overlay {
        String text(Path file);
    }

    private static volatile Overlay overlay = file -> null;

    /** Open documents whose text wins over the disk's (the language server sets this). */
    public static void setOverlay(Overlay openDocuments) {
        overlay = openDocuments == null ? file -> null : openDocuments;
    }

    private record Opened(String text, ModuleModel model) {
    }

    private static final Map<Path, Opened> OPENED = new java.util.concurrent.ConcurrentHashMap<>();

    private Workspace() {
    }

    /**
     * The file of module {@code name} imported from {@code from} ({@code name} may start with dots
     * for a relative import), or null when it is not a file of the workspace.
     */
    public static Path find(Path from, String name) {
        if (from == null || name == null || name.isEmpty()) {
            return null;
        }
        Path dir = from.toAbsolutePath().getParent();
        if (dir == null) {
            return null;
        }
        int level = 0;
        while (level < name.length() && name.charAt(level) == '.') {
            level++;
        }
        String rest = name.substring(level);
        if (level > 0) {
            for (int i = 1; i < level && dir != null; i++) {
                dir = dir.getParent();
            }
            return dir == null ? null : moduleFile(dir, rest);
        }
        String top = rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest;
        if (EXTERNAL.contains(top)) {
            return null;
        }
        for (int i = 0; i < MAX_LEVELS && dir != null; i++, dir = dir.getParent()) {
            Path found = moduleFile(dir, rest);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static Path moduleFile(Path dir, String dotted) {
        if (dotted.isEmpty()) {
            Path init = dir.resolve("__init__.py");
            return Files.isRegularFile(init) ? init : null;
        }
        Path base = dir;
        for (String part : dotted.split("\\.")) {
            base = base.resolve(part);
        }
        Path file = base.resolveSibling(base.getFileName() + ".py");
        if (Files.isRegularFile(file)) {
            return file;
        }
        Path init = base.resolve("__init__.py");
        return Files.isRegularFile(init) ? init : null;
    }

    /** The model of the module in {@code file}, or null when it cannot be read. */
    public static ModuleModel load(Path file) {
        return load(file, null);
    }

    /**
     * As {@link #load(Path)}; {@code diskText}, when not null, is the file's content just read by
     * the caller (saves reading it twice).
     */
    public static ModuleModel load(Path file, String diskText) {
        Path normalized = file.toAbsolutePath().normalize();
        String open = overlay.text(normalized);
        if (open != null) {
            Opened known = OPENED.get(normalized);
            if (known != null && known.text().equals(open)) {
                return known.model();
            }
            try {
                ModuleModel model = ModuleModel.of(normalized, open, PythonParsing.parse(open).module());
                OPENED.put(normalized, new Opened(open, model));
                return model;
            } catch (RuntimeException | StackOverflowError e) {
                return null;
            }
        }
        OPENED.remove(normalized);
        try {
            long size = Files.size(file);
            FileTime modified = Files.getLastModifiedTime(file);
            Path key = file.toAbsolutePath().normalize();
            synchronized (CACHE) {
                Entry entry = CACHE.get(key);
                if (entry != null && entry.size == size && entry.modified.equals(modified)) {
                    return entry.model;
                }
            }
            String text = diskText != null ? diskText : Files.readString(file, StandardCharsets.UTF_8);
            ModuleModel model = ModuleModel.of(key, text, PythonParsing.parse(text).module());
            synchronized (CACHE) {
                CACHE.put(key, new Entry(size, modified, model));
            }
            return model;
        } catch (IOException | RuntimeException | StackOverflowError e) {
            return null;
        }
    }

    /** Forgets every loaded model (benchmarks measure indexing from nothing with it). */
    public static void clearCache() {
        synchronized (CACHE) {
            CACHE.clear();
        }
        OPENED.clear();
    }

    /** The text of a file: the editor's when it is open, else the disk's (UTF-8); null when unreadable. */
    public static String text(Path file) {
        Path normalized = file.toAbsolutePath().normalize();
        String open = overlay.text(normalized);
        if (open != null) {
            return open;
        }
        try {
            return Files.readString(normalized, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The model of module {@code name} imported from {@code from}, or null. */
    public static ModuleModel module(Path from, String name) {
        Path file = find(from, name);
        Dependencies.resolved(from, name, file);
        return file == null ? null : load(file);
    }
}
