package dev.greenlight.lsp;

import dev.greenlight.config.PyprojectLoader;
import dev.greenlight.config.RuleSelection;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.ConfigurationItem;
import org.eclipse.lsp4j.ConfigurationParams;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesRegistrationOptions;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.FileSystemWatcher;
import org.eclipse.lsp4j.Registration;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.WorkspaceService;

/**
 * Settings and files: {@code initializationOptions}, {@code workspace/configuration} (section
 * {@code greenlight}) and {@code didChangeConfiguration} give {@code select}/{@code ignore} and
 * {@code severity} (see {@link EditorSettings});
 * a changed {@code pyproject.toml} ({@code didChangeWatchedFiles}) reloads the configuration.
 * Either way every open document is checked again.
 */
final class Workspace implements WorkspaceService {

    private final GreenlightServer server;
    private final Analysis analysis;
    private final TextDocuments documents;
    private final WorkspaceIndexer indexer;
    private final Log log;

    Workspace(GreenlightServer server, Analysis analysis, TextDocuments documents, WorkspaceIndexer indexer, Log log) {
        this.server = server;
        this.analysis = analysis;
        this.documents = documents;
        this.indexer = indexer;
        this.log = log;
    }

    void applyInitializationOptions(Object options) {
        EditorSettings settings = EditorSettings.from(options);
        if (settings != null) {
            apply(settings);
        }
    }

    void initialized() {
        LanguageClient client = server.client();
        if (client == null) {
            return;
        }
        if (server.features().watchedFilesRegistration()) {
            DidChangeWatchedFilesRegistrationOptions options = new DidChangeWatchedFilesRegistrationOptions(
                    List.of(new FileSystemWatcher(Either.forLeft("**/" + PyprojectLoader.FILE_NAME)),
                            new FileSystemWatcher(Either.forLeft("**/*.py"))));
            client.registerCapability(new RegistrationParams(List.of(
                    new Registration("greenlight-pyproject", "workspace/didChangeWatchedFiles", options))))
                    .exceptionally(error -> {
                        log.warning("the client refused to watch pyproject.toml: " + error);
                        return null;
                    });
        }
        fetchConfiguration();
    }

    @Override
    public void didChangeConfiguration(DidChangeConfigurationParams params) {
        try {
            EditorSettings settings = EditorSettings.from(params.getSettings());
            if (settings != null) {
                apply(settings);
                refresh();
            } else {
                fetchConfiguration();
            }
        } catch (RuntimeException error) {
            log.error("didChangeConfiguration failed", error);
        }
    }

    @Override
    public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
        try {
            boolean configuration = false;
            boolean sources = false;
            for (FileEvent event : params.getChanges()) {
                configuration |= event.getUri().endsWith("/" + PyprojectLoader.FILE_NAME);
                java.nio.file.Path path = event.getUri().endsWith(".py") ? TextDocuments.pathOf(event.getUri()) : null;
                if (path != null) {
                    sources = true;
                    if (event.getType() == org.eclipse.lsp4j.FileChangeType.Deleted) {
                        indexer.remove(path);
                    } else if (analysis.openText(path) == null) {
                        indexer.update(path);
                    }
                }
            }
            if (configuration) {
                analysis.reloadConfiguration();
            }
            if (configuration || sources) {
                refresh();
            }
        } catch (RuntimeException error) {
            log.error("didChangeWatchedFiles failed", error);
        }
    }

    /** Asks the client for the {@code greenlight} section, when it can answer. */
    private void fetchConfiguration() {
        LanguageClient client = server.client();
        if (client == null || !server.features().configuration()) {
            return;
        }
        ConfigurationItem item = new ConfigurationItem();
        item.setSection("greenlight");
        client.configuration(new ConfigurationParams(List.of(item))).thenAccept(values -> {
            EditorSettings settings = values == null || values.isEmpty() ? null : EditorSettings.from(values.get(0));
            if (settings != null) {
                apply(settings);
                refresh();
            }
        }).exceptionally(error -> {
            log.warning("workspace/configuration failed: " + error);
            return null;
        });
    }

    /** Keeps the known selectors (unknown ones are logged and dropped). */
    private void apply(EditorSettings settings) {
        List<String> unknown = new ArrayList<>(RuleSelection.unknown(settings.select()));
        unknown.addAll(RuleSelection.unknown(settings.ignore()));
        if (!unknown.isEmpty()) {
            log.warning("unknown rule selectors in the editor's settings, ignored: " + String.join(", ", unknown));
        }
        for (String problem : settings.problems()) {
            log.warning("editor settings, ignored: " + problem);
        }
        List<String> unknownSeverity = RuleSelection.unknown(List.copyOf(settings.severity().keySet()));
        if (!unknownSeverity.isEmpty()) {
            log.warning("`severity` names codes that match no rule: " + String.join(", ", unknownSeverity));
        }
        List<String> bad = unknown.stream().map(String::toUpperCase).toList();
        analysis.setEditorSettings(settings.withSelectors(
                settings.select().stream().filter(s -> !bad.contains(s.strip().toUpperCase())).toList(),
                settings.ignore().stream().filter(s -> !bad.contains(s.strip().toUpperCase())).toList()));
    }

    /** Settings or files changed: every open document is checked again (pull clients are asked to pull). */
    private void refresh() {
        documents.dependenciesChanged(null);
    }
}
