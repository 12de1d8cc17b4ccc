package dev.greenlight.lsp;

import dev.greenlight.python.text.PositionEncoding;
import java.util.List;
import java.util.Optional;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeActionCapabilities;
import org.eclipse.lsp4j.GeneralClientCapabilities;
import org.eclipse.lsp4j.PublishDiagnosticsCapabilities;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;

/**
 * What the client can do, read once from {@code initialize}: the booleans the server's
 * behaviour depends on, so that no handler digs through nested, nullable capabilities.
 */
record ClientFeatures(
        PositionEncoding encoding,
        boolean pullDiagnostics,
        boolean relatedInformation,
        boolean codeDescription,
        boolean versionedPublish,
        boolean codeActionLiterals,
        boolean lazyCodeActionEdits,
        boolean preferredCodeActions,
        boolean configuration,
        boolean diagnosticRefresh,
        boolean watchedFilesRegistration,
        boolean workDoneProgress) {

    static ClientFeatures none() {
        return new ClientFeatures(PositionEncoding.UTF16, false, false, false, false, true, false, false, false, false, false,
                false);
    }

    static ClientFeatures of(ClientCapabilities capabilities) {
        if (capabilities == null) {
            return none();
        }
        TextDocumentClientCapabilities text = capabilities.getTextDocument();
        WorkspaceClientCapabilities workspace = capabilities.getWorkspace();
        GeneralClientCapabilities general = capabilities.getGeneral();
        PublishDiagnosticsCapabilities publish = text == null ? null : text.getPublishDiagnostics();
        CodeActionCapabilities codeAction = text == null ? null : text.getCodeAction();
        boolean pull = text != null && text.getDiagnostic() != null;
        boolean related = pull ? is(text.getDiagnostic().getRelatedInformation()) || publish != null && is(publish.getRelatedInformation())
                : publish != null && is(publish.getRelatedInformation());
        boolean description = pull ? is(text.getDiagnostic().getCodeDescriptionSupport())
                : publish != null && is(publish.getCodeDescriptionSupport());
        List<String> lazy = codeAction == null || codeAction.getResolveSupport() == null ? List.of()
                : Optional.ofNullable(codeAction.getResolveSupport().getProperties()).orElse(List.of());
        return new ClientFeatures(
                negotiate(general == null ? null : general.getPositionEncodings()),
                pull,
                related,
                description,
                publish != null && is(publish.getVersionSupport()),
                codeAction == null || codeAction.getCodeActionLiteralSupport() != null,
                lazy.contains("edit"),
                codeAction != null && is(codeAction.getIsPreferredSupport()),
                workspace != null && is(workspace.getConfiguration()),
                workspace != null && workspace.getDiagnostics() != null && is(workspace.getDiagnostics().getRefreshSupport()),
                workspace != null && workspace.getDidChangeWatchedFiles() != null
                        && is(workspace.getDidChangeWatchedFiles().getDynamicRegistration()),
                capabilities.getWindow() != null && is(capabilities.getWindow().getWorkDoneProgress()));
    }

    /** UTF-8 when the client offers it (CPython's own columns), else UTF-16, which every client supports. */
    static PositionEncoding negotiate(List<String> offered) {
        if (offered != null && offered.contains(PositionEncoding.UTF8.lspName())) {
            return PositionEncoding.UTF8;
        }
        return PositionEncoding.UTF16;
    }

    private static boolean is(Boolean value) {
        return Boolean.TRUE.equals(value);
    }
}
