package dev.greenlight.lsp;

import dev.greenlight.config.ConfigException;
import dev.greenlight.config.ConfigResolver;
import dev.greenlight.config.Settings;
import dev.greenlight.engine.CheckResult;
import dev.greenlight.engine.Checker;
import dev.greenlight.workspace.WorkspaceIndex;
import dev.greenlight.engine.IncrementalCheck;
import dev.greenlight.engine.Workers;
import dev.greenlight.source.SourceFile;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The open documents and their analysis, off the message thread. Edits replace a document at
 * once (on the message thread, in order); analysis runs on a worker, always on the newest
 * version: changes that arrive while one analysis runs coalesce into one more. A result is
 * published only if its version is still the document's version when it is done.
 */
final class Analysis {

    /** A document at one version, checked. */
    record Result(OpenDocument document, SourceFile source, CheckResult check, int generation) {

        int version() {
            return document.version();
        }
    }

    private final Map<String, OpenDocument> documents = new ConcurrentHashMap<>();
    private final Map<String, Result> results = new ConcurrentHashMap<>();
    private final Map<String, IncrementalParse> parses = new ConcurrentHashMap<>();
    /** Each open document's findings by top-level statement (analysis worker only). */
    private final Map<String, IncrementalCheck> checks = new ConcurrentHashMap<>();
    private final Set<String> scheduled = ConcurrentHashMap.newKeySet();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(Workers.factory("greenlight-analysis"));
    private final WorkspaceIndex index = new WorkspaceIndex();
    private final Checker checker = new Checker().withIndex(index);
    private final Log log;
    private volatile Path root;
    private volatile ConfigResolver configs;
    private volatile EditorSettings editorSettings = EditorSettings.NONE;
    private final Set<String> reportedConfigErrors = ConcurrentHashMap.newKeySet();
    /** Bumped when what documents depend on (other modules, the index) changes: results made before are stale. */
    private final java.util.concurrent.atomic.AtomicInteger generation = new java.util.concurrent.atomic.AtomicInteger();

    Analysis(Log log, Path root) {
        this.log = log;
        setRoot(root);
        // Other modules are read through the editor's text when they are open in it.
        dev.greenlight.analysis.Workspace.setOverlay(this::openText);
    }

    WorkspaceIndex index() {
        return index;
    }

    /** The editor's text of the file at {@code path}, or null when it is not open. */
    String openText(Path path) {
        for (OpenDocument document : documents.values()) {
            if (path.equals(document.path())) {
                return document.document().text();
            }
        }
        return null;
    }

    Path root() {
        return root;
    }

    void setRoot(Path root) {
        this.root = root;
        this.configs = ConfigResolver.discovering(root);
    }

    /** Forget cached pyproject.toml files (one changed on disk). */
    void reloadConfiguration() {
        configs = ConfigResolver.discovering(root);
        reportedConfigErrors.clear();
        results.clear();
    }

    /** Another module changed: every result but {@code changed}'s (null: all) must be computed again. */
    void dependenciesChanged(String changed) {
        generation.incrementAndGet();
        results.keySet().removeIf(uri -> !uri.equals(changed));
    }

    EditorSettings editorSettings() {
        return editorSettings;
    }

    void setEditorSettings(EditorSettings settings) {
        editorSettings = settings == null ? EditorSettings.NONE : settings;
        results.clear();
    }

    OpenDocument document(String uri) {
        return documents.get(uri);
    }

    Collection<OpenDocument> documents() {
        return documents.values();
    }

    /** A document just opened: its parse starts afresh. */
    void open(OpenDocument document) {
        parses.put(document.uri(), new IncrementalParse());
        documents.put(document.uri(), document);
    }

    /** A new version of an open document, made by edits that {@link #editListener} has seen. */
    void put(OpenDocument document) {
        documents.put(document.uri(), document);
    }

    /** Follows the edits of {@code uri}'s text so that its parse follows them. */
    dev.greenlight.python.text.EditListener editListener(String uri) {
        return parses.computeIfAbsent(uri, u -> new IncrementalParse());
    }

    void remove(String uri) {
        documents.remove(uri);
        results.remove(uri);
        parses.remove(uri);
        checks.remove(uri);
    }

    /**
     * Analyzes the newest version of {@code uri} on the worker unless an analysis is already
     * waiting there, and hands each result that is still current to {@code publish}.
     */
    void schedule(String uri, Consumer<Result> publish) {
        if (!scheduled.add(uri)) {
            return;
        }
        worker.execute(() -> {
            scheduled.remove(uri);
            OpenDocument document = documents.get(uri);
            if (document == null) {
                return;
            }
            try {
                Result result = analyze(document);
                if (isCurrent(result)) {
                    publish.accept(result);
                }
            } catch (RuntimeException | StackOverflowError error) {
                log.error("analysis of " + document.displayName() + " failed", error);
            }
        });
    }

    /** The result for the document's current version, computed on the worker when needed. */
    CompletableFuture<Result> current(String uri) {
        OpenDocument document = documents.get(uri);
        if (document == null) {
            return CompletableFuture.failedFuture(new UnknownDocumentException(uri));
        }
        Result cached = results.get(uri);
        if (cached != null && cached.document().document() == document.document() && cached.generation() == generation.get()) {
            return CompletableFuture.completedFuture(cached);
        }
        return CompletableFuture.supplyAsync(() -> analyze(document), worker);
    }

    /** The worker that analysis runs on, for work that follows from a result (code actions). */
    java.util.concurrent.Executor worker() {
        return worker;
    }

    boolean isCurrent(Result result) {
        OpenDocument now = documents.get(result.document().uri());
        return now != null && now.document() == result.document().document();
    }

    /** Whether rules are on for this document: {@code select}/{@code ignore} and per-file ignores. */
    Predicate<String> selection(OpenDocument document) {
        return settings(document).selectionFor(document.path());
    }

    private Result analyze(OpenDocument document) {
        int generationAtStart = generation.get();
        SourceFile source = new SourceFile(document.path(), document.displayName(), document.document().text());
        IncrementalParse parse = parses.get(document.uri());
        if (parse == null) {
            parse = new IncrementalParse(); // closed meanwhile: parse whole, remember nothing
        }
        CheckResult check;
        IncrementalParse.Parsed parsed;
        try {
            parsed = parse.parsed(document.document());
        } catch (RuntimeException | StackOverflowError failure) {
            parsed = null;
        }
        Predicate<String> selection = selection(document);
        if (parsed == null) {
            check = checker.check(source, selection);
        } else if (parsed.module() == null || !IncrementalParse.ENABLED) {
            check = checker.check(source, parsed.result(), selection);
        } else {
            IncrementalCheck incremental = checks.computeIfAbsent(document.uri(), uri -> new IncrementalCheck(checker));
            try {
                check = incremental.check(source, parsed.module(), parsed.previous(), parsed.shifts(), selection);
            } catch (RuntimeException | StackOverflowError failure) {
                // The whole check reports what it can of pathological input (a rule's failure, say).
                check = checker.check(source, parsed.result(), selection);
            }
        }
        for (String internal : check.internalErrors()) {
            log.error(internal, null);
        }
        Result result = new Result(document, source, check, generationAtStart);
        if (isCurrent(result)) {
            results.put(document.uri(), result);
        }
        return result;
    }

    private Settings settings(OpenDocument document) {
        Settings settings;
        try {
            settings = configs.settingsFor(document.path() != null ? document.path() : root);
        } catch (ConfigException e) {
            if (reportedConfigErrors.add(e.getMessage())) {
                log.warning(e.getMessage() + " (using the default settings)");
            }
            settings = Settings.defaults(root);
        }
        EditorSettings editor = editorSettings;
        return settings.withOverrides(editor.select(), editor.ignore());
    }

    void shutdown() {
        worker.shutdownNow();
        try {
            worker.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A request named a document that is not open. */
    static final class UnknownDocumentException extends RuntimeException {
        UnknownDocumentException(String uri) {
            super("document not open: " + uri);
        }
    }
}
