package dev.greenlight.report;

import java.io.PrintStream;
import java.util.List;

/** An output format of {@code greenlight check}. */
public interface Reporter {

    void report(List<FileReport> files, ReportSummary summary, PrintStream out);

    /** Diagnostics of all files, for counting. */
    static int count(List<FileReport> files) {
        return files.stream().mapToInt(file -> file.diagnostics().size()).sum();
    }
}
