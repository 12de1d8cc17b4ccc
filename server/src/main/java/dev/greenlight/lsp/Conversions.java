package dev.greenlight.lsp;

import dev.greenlight.fix.TextEdit;
import dev.greenlight.python.text.Document;
import dev.greenlight.python.text.PositionEncoding;
import dev.greenlight.rules.Diagnostic;
import dev.greenlight.rules.RelatedInformation;
import dev.greenlight.rules.RuleMeta;
import dev.greenlight.rules.Rules;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.DiagnosticCodeDescription;
import org.eclipse.lsp4j.DiagnosticRelatedInformation;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.WorkspaceEdit;

/** Between greenlight's values (UTF-16 offsets) and LSP's (positions in the negotiated encoding). */
final class Conversions {

    static final String SOURCE = "greenlight";

    private Conversions() {
    }

    static Range range(Document document, int start, int end, PositionEncoding encoding) {
        dev.greenlight.python.text.Range range = document.range(start, end, encoding);
        return new Range(position(range.start()), position(range.end()));
    }

    static Position position(dev.greenlight.python.text.Position position) {
        return new Position(position.line(), position.character());
    }

    static dev.greenlight.python.text.Position position(Position position) {
        return new dev.greenlight.python.text.Position(position.getLine(), position.getCharacter());
    }

    /** The UTF-16 offset of an LSP position, clamped into the document. */
    static int offset(Document document, Position position, PositionEncoding encoding) {
        return document.resolve(position(position), encoding).offset();
    }

    static org.eclipse.lsp4j.Diagnostic diagnostic(Diagnostic diagnostic, OpenDocument open, ClientFeatures client) {
        return diagnostic(diagnostic, open, client, EditorSettings.NONE);
    }

    /** The diagnostic as LSP has it, shown with the severity the editor's settings give its rule. */
    static org.eclipse.lsp4j.Diagnostic diagnostic(Diagnostic diagnostic, OpenDocument open, ClientFeatures client,
            EditorSettings settings) {
        Document document = open.document();
        PositionEncoding encoding = client.encoding();
        String message = diagnostic.message();
        List<DiagnosticRelatedInformation> related = new ArrayList<>();
        for (RelatedInformation info : diagnostic.related()) {
            if (info.file() != null) {
                // Other files come with the workspace index; until then only this file's places.
                continue;
            }
            if (client.relatedInformation()) {
                related.add(new DiagnosticRelatedInformation(
                        new Location(open.uri(), range(document, info.span().start(), info.span().end(), encoding)),
                        info.message()));
            } else {
                // Clients without related information (Eglot) still get the place, in the message.
                message += " (" + info.message() + ", line " + info.span().lineno() + ")";
            }
        }
        org.eclipse.lsp4j.Diagnostic lsp = new org.eclipse.lsp4j.Diagnostic(
                range(document, diagnostic.range().start(), diagnostic.range().end(), encoding),
                message, severity(settings.severityOf(diagnostic)), SOURCE, diagnostic.code());
        if (!related.isEmpty()) {
            lsp.setRelatedInformation(related);
        }
        String url = Rules.find(diagnostic.code()).map(RuleMeta::url).orElse(null);
        if (url != null) {
            lsp.setCodeDescription(new DiagnosticCodeDescription(url));
        }
        return lsp;
    }

    static DiagnosticSeverity severity(Diagnostic diagnostic) {
        return severity(diagnostic.severity());
    }

    static DiagnosticSeverity severity(dev.greenlight.rules.Severity severity) {
        return switch (severity) {
            case ERROR -> DiagnosticSeverity.Error;
            case WARNING -> DiagnosticSeverity.Warning;
            case INFORMATION -> DiagnosticSeverity.Information;
            case HINT -> DiagnosticSeverity.Hint;
        };
    }

    static WorkspaceEdit edit(OpenDocument open, List<TextEdit> edits, PositionEncoding encoding) {
        List<org.eclipse.lsp4j.TextEdit> converted = new ArrayList<>();
        for (TextEdit edit : edits) {
            converted.add(new org.eclipse.lsp4j.TextEdit(range(open.document(), edit.start(), edit.end(), encoding),
                    edit.replacement()));
        }
        return new WorkspaceEdit(Map.of(open.uri(), converted));
    }

    /** One edit turning {@code before} into {@code after}: the part between their common prefix and suffix. */
    static TextEdit minimalEdit(String before, String after) {
        int prefix = 0;
        int limit = Math.min(before.length(), after.length());
        while (prefix < limit && before.charAt(prefix) == after.charAt(prefix)) {
            prefix++;
        }
        if (prefix > 0 && Character.isHighSurrogate(before.charAt(prefix - 1))) {
            prefix--;
        }
        int suffix = 0;
        while (suffix < limit - prefix
                && before.charAt(before.length() - 1 - suffix) == after.charAt(after.length() - 1 - suffix)) {
            suffix++;
        }
        if (suffix > 0 && Character.isLowSurrogate(before.charAt(before.length() - suffix))) {
            suffix--;
        }
        return new TextEdit(prefix, before.length() - suffix, after.substring(prefix, after.length() - suffix));
    }
}
