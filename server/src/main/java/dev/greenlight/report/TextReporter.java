package dev.greenlight.report;

import dev.greenlight.rules.Diagnostic;
import dev.greenlight.source.LineIndex;
import java.io.PrintStream;
import java.util.List;

/**
 * The default output: for each diagnostic {@code path:row:col: CODE message}, the source line
 * with carets under the offending code, and the fix's title; then a summary in Ruff's words.
 */
public final class TextReporter implements Reporter {

    private static final int TAB_WIDTH = 4;

    @Override
    public void report(List<FileReport> files, ReportSummary summary, PrintStream out) {
        int total = 0;
        int applicable = 0;
        int hidden = 0;
        for (FileReport file : files) {
            for (Diagnostic diagnostic : file.diagnostics()) {
                total++;
                boolean fixable = diagnostic.hasFix() && diagnostic.fix().applies(summary.unsafeFixes());
                if (fixable) {
                    applicable++;
                } else if (diagnostic.hasFix()) {
                    hidden++;
                }
                printDiagnostic(file, diagnostic, fixable, out);
            }
        }
        printSummary(total, applicable, hidden, summary, out);
    }

    private static void printDiagnostic(FileReport file, Diagnostic diagnostic, boolean fixable, PrintStream out) {
        LineIndex lines = file.source().lines();
        int start = diagnostic.range().start();
        int line = lines.line(start);
        int row = line + 1;
        out.println(file.source().displayPath() + ":" + row + ":" + lines.characterColumn(start) + ": "
                + diagnostic.code() + " " + (fixable ? "[*] " : "") + diagnostic.message());
        String gutter = " ".repeat(String.valueOf(row).length());
        String source = lines.lineText(line);
        int lineStart = lines.lineStart(line);
        int caretFrom = start - lineStart;
        int caretTo = Math.min(diagnostic.range().end(), lines.lineContentEnd(line)) - lineStart;
        out.println(gutter + " |");
        out.println(row + " | " + expandTabs(source));
        int width = Math.max(1, displayWidth(source, caretFrom, caretTo));
        out.println(gutter + " | " + " ".repeat(displayWidth(source, 0, caretFrom)) + "^".repeat(width) + " " + diagnostic.code());
        out.println(gutter + " |");
        if (diagnostic.hasFix()) {
            out.println(gutter + " = help: " + diagnostic.fix().title());
        }
        out.println();
    }

    private static void printSummary(int total, int applicable, int hidden, ReportSummary summary, PrintStream out) {
        if (summary.fixMode()) {
            int found = total + summary.fixed();
            if (found == 0) {
                out.println("All checks passed!");
                return;
            }
            out.println("Found " + found + " error" + plural(found) + " (" + summary.fixed() + " fixed, " + total + " remaining).");
        } else {
            if (total == 0) {
                out.println("All checks passed!");
                return;
            }
            out.println("Found " + total + " error" + plural(total) + ".");
        }
        String hiddenNote = hidden == 0 ? ""
                : hidden + " hidden fix" + (hidden == 1 ? "" : "es") + " can be enabled with the `--unsafe-fixes` option";
        if (applicable > 0 && !summary.fixMode()) {
            out.println("[*] " + applicable + " fixable with the `--fix` option" + (hiddenNote.isEmpty() ? "." : " (" + hiddenNote + ")."));
        } else if (!hiddenNote.isEmpty()) {
            out.println("No fixes available (" + hiddenNote + ").");
        }
    }

    private static String plural(int count) {
        return count == 1 ? "" : "s";
    }

    private static String expandTabs(String line) {
        return line.replace("\t", " ".repeat(TAB_WIDTH));
    }

    /** Columns taken by {@code line[from, to)} on a terminal: a tab takes 4, any character 1. */
    private static int displayWidth(String line, int from, int to) {
        int width = 0;
        int end = Math.min(to, line.length());
        for (int i = Math.max(0, from); i < end; ) {
            int c = line.codePointAt(i);
            width += c == '\t' ? TAB_WIDTH : 1;
            i += Character.charCount(c);
        }
        return width;
    }
}
