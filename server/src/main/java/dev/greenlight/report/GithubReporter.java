package dev.greenlight.report;

import dev.greenlight.rules.Diagnostic;
import dev.greenlight.source.LineIndex;
import java.io.PrintStream;
import java.util.List;

/**
 * GitHub Actions workflow commands, one line per diagnostic, which GitHub shows as annotations on
 * the pull request: {@code ::error title=greenlight (GL006),file=...,line=...,col=...,endLine=...,endColumn=...::message}.
 */
public final class GithubReporter implements Reporter {

    @Override
    public void report(List<FileReport> files, ReportSummary summary, PrintStream out) {
        for (FileReport file : files) {
            LineIndex lines = file.source().lines();
            for (Diagnostic diagnostic : file.diagnostics()) {
                int start = diagnostic.range().start();
                int end = diagnostic.range().end();
                String path = file.source().displayPath();
                int row = Locations.row(lines, start);
                int column = Locations.column(lines, start);
                String command = switch (diagnostic.severity()) {
                    case ERROR -> "error";
                    case WARNING -> "warning";
                    default -> "notice";
                };
                out.println("::" + command
                        + " title=" + property("greenlight (" + diagnostic.code() + ")")
                        + ",file=" + property(path)
                        + ",line=" + row
                        + ",col=" + column
                        + ",endLine=" + Locations.row(lines, end)
                        + ",endColumn=" + Locations.column(lines, end)
                        + "::" + data(path + ":" + row + ":" + column + ": " + diagnostic.code() + " " + diagnostic.message()));
            }
        }
    }

    /** Escapes a message: {@code %}, CR and LF. */
    static String data(String text) {
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** Escapes a property value: as a message, and {@code :} and {@code ,} too. */
    static String property(String text) {
        return data(text).replace(":", "%3A").replace(",", "%2C");
    }
}
