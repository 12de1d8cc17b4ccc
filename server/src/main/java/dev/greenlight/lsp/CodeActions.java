package dev.greenlight.lsp;

import dev.greenlight.fix.Fix;
import com.google.gson.JsonObject;
import dev.greenlight.engine.FixLoop;
import dev.greenlight.engine.Noqa;
import dev.greenlight.fix.TextEdit;
import dev.greenlight.python.parse.PythonParsing;
import dev.greenlight.python.text.PositionEncoding;
import dev.greenlight.rules.Diagnostic;
import dev.greenlight.rules.Rules;
import dev.greenlight.source.LineIndex;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.WorkspaceEdit;

/**
 * The code actions: a quick fix per fixable diagnostic in the requested range (preferred when
 * safe), "suppress with {@code # noqa: CODE}" per diagnostic, and {@code source.fixAll.greenlight},
 * which applies every safe fix of the file as {@code check --fix} does. With a client that
 * resolves edits lazily, actions carry a {@code data} object and get their edit in
 * {@code codeAction/resolve}.
 */
final class CodeActions {

    static final String FIX_ALL = CodeActionKind.SourceFixAll + ".greenlight";

    private final FixLoop fixLoop = new FixLoop(new dev.greenlight.engine.Checker());

    List<CodeAction> actions(Analysis.Result result, Predicate<String> enabled, CodeActionParams params,
            ClientFeatures client) {
        List<String> only = params.getContext() == null ? null : params.getContext().getOnly();
        OpenDocument open = result.document();
        PositionEncoding encoding = client.encoding();
        int from = Conversions.offset(open.document(), params.getRange().getStart(), encoding);
        int to = Conversions.offset(open.document(), params.getRange().getEnd(), encoding);
        List<CodeAction> actions = new ArrayList<>();
        if (wanted(only, CodeActionKind.QuickFix)) {
            List<Diagnostic> here = result.check().diagnostics().stream()
                    .filter(d -> d.range().start() <= Math.max(from, to) && Math.min(from, to) <= d.range().end())
                    .toList();
            for (Diagnostic diagnostic : here) {
                if (diagnostic.hasFix()) {
                    actions.add(quickFix(result, diagnostic, client));
                }
                for (int i = 0; i < diagnostic.alternatives().size(); i++) {
                    actions.add(alternative(result, diagnostic, i, client));
                }
            }
            Set<String> suppressed = new LinkedHashSet<>();
            for (Diagnostic diagnostic : here) {
                if (!Rules.SYNTAX_ERROR.equals(diagnostic.code()) && suppressed.add(diagnostic.code() + "@" + diagnostic.line())) {
                    actions.add(suppress(result, diagnostic, client));
                }
            }
        }
        if (wanted(only, FIX_ALL) && result.check().diagnostics().stream().anyMatch(d -> d.hasFix() && d.fix().isSafe())) {
            CodeAction fixAll = new CodeAction("Fix all auto-fixable greenlight problems");
            fixAll.setKind(FIX_ALL);
            attach(fixAll, result, client, data(result, "fixAll", null), () -> fixAllEdit(result, enabled, encoding));
            actions.add(fixAll);
        }
        return actions;
    }

    /** Fills in the edit of an action a lazy client sent back; null when the document moved on. */
    WorkspaceEdit resolve(Analysis.Result result, Predicate<String> enabled, JsonObject data, ClientFeatures client) {
        if (data.get("version").getAsInt() != result.version()) {
            return null;
        }
        String kind = data.get("kind").getAsString();
        if (kind.equals("fixAll")) {
            return fixAllEdit(result, enabled, client.encoding());
        }
        Diagnostic diagnostic = find(result, data);
        if (diagnostic == null) {
            return null;
        }
        if (kind.equals("alternative")) {
            int index = data.get("index").getAsInt();
            return index < diagnostic.alternatives().size()
                    ? Conversions.edit(result.document(), diagnostic.alternatives().get(index).edits(), client.encoding()) : null;
        }
        return kind.equals("fix") ? Conversions.edit(result.document(), diagnostic.fix().edits(), client.encoding())
                : suppressEdit(result, diagnostic, client.encoding());
    }

    private CodeAction quickFix(Analysis.Result result, Diagnostic diagnostic, ClientFeatures client) {
        CodeAction action = new CodeAction(diagnostic.fix().title());
        action.setKind(CodeActionKind.QuickFix);
        action.setDiagnostics(List.of(Conversions.diagnostic(diagnostic, result.document(), client)));
        if (client.preferredCodeActions() && diagnostic.fix().isSafe()) {
            action.setIsPreferred(true);
        }
        attach(action, result, client, data(result, "fix", diagnostic),
                () -> Conversions.edit(result.document(), diagnostic.fix().edits(), client.encoding()));
        return action;
    }

    /** Another way to fix the diagnostic: offered, never preferred. */
    private CodeAction alternative(Analysis.Result result, Diagnostic diagnostic, int index, ClientFeatures client) {
        Fix fix = diagnostic.alternatives().get(index);
        CodeAction action = new CodeAction(fix.title());
        action.setKind(CodeActionKind.QuickFix);
        action.setDiagnostics(List.of(Conversions.diagnostic(diagnostic, result.document(), client)));
        JsonObject data = data(result, "alternative", diagnostic);
        data.addProperty("index", index);
        attach(action, result, client, data, () -> Conversions.edit(result.document(), fix.edits(), client.encoding()));
        return action;
    }

    private CodeAction suppress(Analysis.Result result, Diagnostic diagnostic, ClientFeatures client) {
        CodeAction action = new CodeAction("Suppress " + diagnostic.code() + " on this line (# noqa: " + diagnostic.code() + ")");
        action.setKind(CodeActionKind.QuickFix);
        action.setDiagnostics(List.of(Conversions.diagnostic(diagnostic, result.document(), client)));
        attach(action, result, client, data(result, "noqa", diagnostic),
                () -> suppressEdit(result, diagnostic, client.encoding()));
        return action;
    }

    private static void attach(CodeAction action, Analysis.Result result, ClientFeatures client, JsonObject data,
            java.util.function.Supplier<WorkspaceEdit> edit) {
        if (client.lazyCodeActionEdits()) {
            action.setData(data);
        } else {
            action.setEdit(edit.get());
        }
    }

    private WorkspaceEdit fixAllEdit(Analysis.Result result, Predicate<String> enabled, PositionEncoding encoding) {
        String before = result.source().text();
        FixLoop.Outcome outcome = fixLoop.run(result.source(), enabled, false);
        String after = outcome.fixed().text();
        List<TextEdit> edits = before.equals(after) ? List.of() : List.of(Conversions.minimalEdit(before, after));
        return Conversions.edit(result.document(), edits, encoding);
    }

    /** Adds the code to the line's {@code # noqa: ...}, or appends {@code  # noqa: CODE} to the line. */
    private static WorkspaceEdit suppressEdit(Analysis.Result result, Diagnostic diagnostic, PositionEncoding encoding) {
        String text = result.source().text();
        LineIndex lines = result.source().lines();
        int line = lines.line(diagnostic.range().start());
        Noqa noqa = new Noqa(lines, PythonParsing.parse(text).module());
        Noqa.Directive directive = noqa.directive(line);
        TextEdit edit;
        if (directive != null && !directive.blanket()) {
            edit = TextEdit.insert(directive.end(), ", " + diagnostic.code());
        } else {
            int end = lines.lineContentEnd(line);
            int trimmed = end;
            while (trimmed > lines.lineStart(line) && Character.isWhitespace(text.charAt(trimmed - 1))) {
                trimmed--;
            }
            edit = new TextEdit(trimmed, end, "  # noqa: " + diagnostic.code());
        }
        return Conversions.edit(result.document(), List.of(edit), encoding);
    }

    private static JsonObject data(Analysis.Result result, String kind, Diagnostic diagnostic) {
        JsonObject data = new JsonObject();
        data.addProperty("uri", result.document().uri());
        data.addProperty("version", result.version());
        data.addProperty("kind", kind);
        if (diagnostic != null) {
            data.addProperty("code", diagnostic.code());
            data.addProperty("start", diagnostic.range().start());
            data.addProperty("end", diagnostic.range().end());
        }
        return data;
    }

    private static Diagnostic find(Analysis.Result result, JsonObject data) {
        String code = data.get("code").getAsString();
        int start = data.get("start").getAsInt();
        int end = data.get("end").getAsInt();
        return result.check().diagnostics().stream()
                .filter(d -> d.code().equals(code) && d.range().start() == start && d.range().end() == end)
                .findFirst().orElse(null);
    }

    private static boolean wanted(List<String> only, String kind) {
        if (only == null || only.isEmpty()) {
            return true;
        }
        for (String requested : only) {
            if (kind.equals(requested) || kind.startsWith(requested + ".")) {
                return true;
            }
        }
        return false;
    }

}
