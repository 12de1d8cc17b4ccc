package dev.greenlight.cli;

import dev.greenlight.config.ConfigException;
import dev.greenlight.config.ConfigResolver;
import dev.greenlight.config.PyprojectLoader;
import dev.greenlight.config.RuleSelection;
import dev.greenlight.config.Settings;
import dev.greenlight.engine.CheckResult;
import dev.greenlight.engine.Checker;
import dev.greenlight.workspace.WorkspaceIndex;
import dev.greenlight.engine.FixLoop;
import dev.greenlight.engine.Workers;
import dev.greenlight.report.FileReport;
import dev.greenlight.report.GithubReporter;
import dev.greenlight.report.JsonReporter;
import dev.greenlight.report.ReportSummary;
import dev.greenlight.report.Reporter;
import dev.greenlight.report.SarifReporter;
import dev.greenlight.report.Statistics;
import dev.greenlight.report.TextReporter;
import dev.greenlight.report.UnifiedDiff;
import dev.greenlight.source.SourceFile;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "check", sortOptions = false,
        description = "Check Python files and folders (recursively) for SQLAlchemy asyncio mistakes.",
        footer = {"", "Exit status: 0 no diagnostics (or all fixed), 1 diagnostics remain, 2 usage, configuration or I/O error."})
final class CheckCommand extends CliCommand {

    enum Format { text, json, github, sarif }

    @Parameters(paramLabel = "PATH", arity = "0..*",
            description = "Files or folders to check (default: the current folder); `-` reads standard input.")
    List<String> paths = new ArrayList<>();

    @Option(names = "--output-format", paramLabel = "FORMAT",
            description = "text (default), json (Ruff's shape), github (workflow annotations) or sarif (SARIF 2.1.0).")
    Format format = Format.text;

    @Option(names = "--fix", description = "Apply safe fixes and write the files back.")
    boolean fix;

    @Option(names = "--unsafe-fixes", description = "Also apply (and count as fixable) fixes that may change behaviour.")
    boolean unsafeFixes;

    @Option(names = "--diff", description = "Print the fixes as a unified diff instead of writing them; report nothing else.")
    boolean diff;

    @Option(names = "--select", split = ",", paramLabel = "CODES",
            description = "Rules to check, replacing `select` of pyproject.toml: codes or prefixes (GL006, GL0, ALL).")
    List<String> select = new ArrayList<>();

    @Option(names = "--ignore", split = ",", paramLabel = "CODES", description = "Rules not to check, added to `ignore`.")
    List<String> ignore = new ArrayList<>();

    @Option(names = "--exit-zero", description = "Exit with 0 even when diagnostics remain.")
    boolean exitZero;

    @Option(names = "--statistics", description = "Print how many diagnostics of each rule, not the diagnostics.")
    boolean statistics;

    @Option(names = "--stdin-filename", paramLabel = "PATH",
            description = "The name of the file read from standard input (`-`), for reports and configuration.")
    String stdinFilename;

    @Option(names = "--no-respect-gitignore",
            description = "Also check files that .gitignore files ignore.")
    boolean noRespectGitignore;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Use this pyproject.toml's [tool.greenlight] instead of looking for one above each file.")
    Path config;

    /** What checking one file gave. */
    private record Outcome(FileReport report, SourceFile original, SourceFile fixed, int fixedCount,
            List<String> internalErrors, String readError) {
    }

    @Override
    public Integer call() {
        List<String> unknown = new ArrayList<>(RuleSelection.unknown(select));
        unknown.addAll(RuleSelection.unknown(ignore));
        if (!unknown.isEmpty()) {
            cli.error("unknown rule selector" + (unknown.size() > 1 ? "s " : " ") + String.join(", ", unknown)
                    + " (greenlight rule --all lists the rules)");
            return Main.EXIT_ERROR;
        }
        ConfigResolver configs;
        try {
            configs = configResolver();
        } catch (ConfigException e) {
            cli.error(e.getMessage());
            return Main.EXIT_ERROR;
        }
        List<String> arguments = paths.isEmpty() ? List.of(".") : paths;
        boolean stdin = arguments.contains("-");
        if (stdin && arguments.size() > 1) {
            cli.error("`-` (standard input) cannot be mixed with other paths");
            return Main.EXIT_ERROR;
        }
        List<Outcome> outcomes;
        List<String> errors = new ArrayList<>();
        try {
            if (stdin) {
                outcomes = List.of(checkStdin(configs));
            } else {
                FileCollector.Collected collected = new FileCollector(cli.cwd(), configs, !noRespectGitignore).collect(arguments);
                errors.addAll(collected.errors());
                outcomes = checkAll(collected.files(), configs);
            }
        } catch (ConfigException e) {
            cli.error(e.getMessage());
            return Main.EXIT_ERROR;
        }
        boolean internalFailure = false;
        for (Outcome outcome : outcomes) {
            if (outcome.readError() != null) {
                errors.add(outcome.readError());
            }
            for (String internal : outcome.internalErrors()) {
                cli.err().println("greenlight: internal error: " + internal);
                internalFailure = true;
            }
        }
        List<Outcome> checked = outcomes.stream().filter(outcome -> outcome.readError() == null).toList();
        int result = diff ? printDiffs(checked) : report(checked, stdin, errors);
        for (String error : errors) {
            cli.error(error);
        }
        return !errors.isEmpty() || internalFailure ? Main.EXIT_ERROR : result;
    }

    private final WorkspaceIndex index = new WorkspaceIndex();

    private ConfigResolver configResolver() throws ConfigException {
        if (config != null) {
            Path file = cli.cwd().resolve(config);
            if (!Files.isRegularFile(file)) {
                throw new ConfigException(config + ": No such file");
            }
            Optional<Settings> settings = PyprojectLoader.load(file);
            return ConfigResolver.fixed(settings.orElse(Settings.defaults(file.toAbsolutePath().getParent())));
        }
        return ConfigResolver.discovering(cli.cwd());
    }

    private Outcome checkStdin(ConfigResolver configs) throws ConfigException {
        byte[] bytes;
        try {
            bytes = cli.in().readAllBytes();
        } catch (IOException e) {
            return new Outcome(null, null, null, 0, List.of(), "standard input: " + SourceReader.describe(e));
        }
        Path path = stdinFilename == null ? null : cli.cwd().resolve(stdinFilename).normalize();
        String display = stdinFilename == null ? "-" : stdinFilename;
        SourceFile source = SourceReader.decode(path, display, bytes);
        Settings settings = configs.settingsFor(path != null ? path : cli.cwd());
        if (path != null && path.getParent() != null && Files.isDirectory(path.getParent())) {
            // The modules beside the file (its models) are what a lone buffer most often needs.
            try (java.util.stream.Stream<Path> siblings = Files.list(path.getParent())) {
                index.addAll(siblings.filter(p -> p.toString().endsWith(".py") && !p.equals(path)).toList(), done -> { });
            } catch (IOException | RuntimeException unreadable) {
                // Checked on its own, then.
            }
        }
        return checkOne(source, settings);
    }

    private List<Outcome> checkAll(List<FileCollector.Target> files, ConfigResolver configs) throws ConfigException {
        List<Settings> settings = new ArrayList<>();
        for (FileCollector.Target target : files) {
            settings.add(configs.settingsFor(target.path()));
        }
        // Mapped classes named by string (`relationship("Address")`) are looked up among the checked files.
        index.addAll(files.stream().map(FileCollector.Target::path).toList(), done -> { });
        int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), files.size()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, Workers.factory("greenlight-check"));
        try (Progress progress = Progress.start(cli, files.size())) {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                FileCollector.Target target = files.get(i);
                Settings fileSettings = settings.get(i);
                futures.add(pool.submit(() -> {
                    try {
                        SourceFile source;
                        try {
                            source = SourceReader.read(target.path(), target.displayPath());
                        } catch (SourceReader.ReadException e) {
                            return new Outcome(null, null, null, 0, List.of(), e.getMessage());
                        }
                        return checkOne(source, fileSettings);
                    } finally {
                        progress.step();
                    }
                }));
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> future : futures) {
                outcomes.add(future.get());
            }
            return outcomes;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private Outcome checkOne(SourceFile source, Settings fileSettings) {
        Settings settings = fileSettings.withOverrides(select, ignore);
        Predicate<String> enabled = settings.selectionFor(source.path());
        Checker checker = new Checker().withIndex(index);
        if (fix || diff) {
            FixLoop.Outcome fixed = new FixLoop(checker).run(source, enabled, unsafeFixes);
            CheckResult remaining = fixed.remaining();
            return new Outcome(new FileReport(fixed.fixed(), remaining.diagnostics()), source, fixed.fixed(),
                    fixed.fixedCount(), remaining.internalErrors(), null);
        }
        CheckResult result = checker.check(source, enabled);
        return new Outcome(new FileReport(source, result.diagnostics()), source, source, 0, result.internalErrors(), null);
    }

    /** {@code --diff}: the fixes as a diff per file; exit 1 when there is anything to fix. */
    private int printDiffs(List<Outcome> outcomes) {
        int fixed = 0;
        int files = 0;
        for (Outcome outcome : outcomes) {
            String before = outcome.original().text();
            String after = outcome.fixed().text();
            if (!before.equals(after)) {
                String name = outcome.original().displayPath();
                cli.out().print(UnifiedDiff.diff(name, name, before, after));
                cli.out().println();
                fixed += outcome.fixedCount();
                files++;
            }
        }
        if (fixed > 0) {
            cli.err().println("Would fix " + fixed + " error" + (fixed == 1 ? "" : "s") + " in " + files + " file" + (files == 1 ? "" : "s") + ".");
        } else {
            cli.err().println("No errors would be fixed.");
        }
        return fixed > 0 && !exitZero ? Main.EXIT_DIAGNOSTICS : Main.EXIT_CLEAN;
    }

    private int report(List<Outcome> outcomes, boolean stdin, List<String> errors) {
        PrintStream reportStream = cli.out();
        int fixedCount = 0;
        if (fix) {
            for (Outcome outcome : outcomes) {
                fixedCount += outcome.fixedCount();
                if (outcome.original().text().equals(outcome.fixed().text())) {
                    continue;
                }
                if (stdin) {
                    continue;
                }
                try {
                    Files.writeString(outcome.original().path(), outcome.fixed().text(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    errors.add(outcome.original().displayPath() + ": cannot write the fixed file: " + SourceReader.describe(e));
                }
            }
            if (stdin && !outcomes.isEmpty()) {
                // As Ruff: the fixed source goes to standard output, the report to standard error.
                cli.out().print(outcomes.get(0).fixed().text());
                cli.out().flush();
                reportStream = cli.err();
            }
        }
        List<FileReport> reports = outcomes.stream().map(Outcome::report).toList();
        if (statistics) {
            if (format == Format.json) {
                Statistics.printJson(reports, unsafeFixes, reportStream);
            } else {
                Statistics.printText(reports, unsafeFixes, reportStream);
            }
        } else {
            reporter().report(reports, new ReportSummary(fixedCount, fix, unsafeFixes), reportStream);
        }
        int remaining = Reporter.count(reports);
        return remaining > 0 && !exitZero ? Main.EXIT_DIAGNOSTICS : Main.EXIT_CLEAN;
    }

    private Reporter reporter() {
        return switch (format) {
            case text -> new TextReporter();
            case json -> new JsonReporter();
            case github -> new GithubReporter();
            case sarif -> new SarifReporter();
        };
    }
}
