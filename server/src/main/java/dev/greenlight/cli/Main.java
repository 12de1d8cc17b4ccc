package dev.greenlight.cli;

import dev.greenlight.BuildInfo;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar greenlight.jar <command>}: {@code check}, {@code rule}, {@code parse},
 * {@code version} and {@code server}. Exit codes as Ruff's: 0 clean, 1 diagnostics, 2 usage,
 * configuration or I/O errors.
 */
@Command(name = "greenlight", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Finds SQLAlchemy asyncio mistakes (MissingGreenlet and relatives) in Python code.")
public final class Main implements java.util.concurrent.Callable<Integer> {

    public static final int EXIT_CLEAN = 0;
    public static final int EXIT_DIAGNOSTICS = 1;
    public static final int EXIT_ERROR = 2;

    /**
     * The subcommands, by name. Only the one named on the command line is given to picocli (when
     * the first argument names one): building every command's model costs startup time, which the
     * language server pays before it can answer {@code initialize}.
     */
    private static final Map<String, Class<?>> COMMANDS = commands();

    private static Map<String, Class<?>> commands() {
        Map<String, Class<?>> commands = new LinkedHashMap<>();
        commands.put("check", CheckCommand.class);
        commands.put("rule", RuleCommand.class);
        commands.put("parse", ParseCommand.class);
        commands.put("version", VersionCommand.class);
        commands.put("server", ServerCommand.class);
        commands.put("help", CommandLine.HelpCommand.class);
        return commands;
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true, StandardCharsets.UTF_8);
        int code = run(args, new Cli(System.in, out, err, Path.of("").toAbsolutePath(), Cli.detectStderrTerminal()));
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs one command line with the given streams and working folder; returns the exit code. */
    public static int run(String[] args, Cli cli) {
        if (args.length == 1 && args[0].equals("server")) {
            // What editors run: straight to the server, without building the command-line model
            // (picocli's start-up cost would delay the answer to `initialize`).
            ServerCommand server = new ServerCommand();
            server.cli = cli;
            try {
                return server.call();
            } catch (Exception | StackOverflowError e) {
                cli.err().println("greenlight: internal error: " + e);
                e.printStackTrace(cli.err());
                return EXIT_ERROR;
            }
        }
        Factory factory = new Factory(cli);
        CommandLine commandLine = new CommandLine(new Main(), factory);
        String first = args.length > 0 ? args[0] : "";
        if (COMMANDS.containsKey(first) && !first.equals("help")) {
            commandLine.addSubcommand(first, factory.createUnchecked(COMMANDS.get(first)));
        } else {
            COMMANDS.forEach((name, type) -> commandLine.addSubcommand(name, factory.createUnchecked(type)));
        }
        commandLine.setOut(new PrintWriter(cli.out(), true));
        commandLine.setErr(new PrintWriter(cli.err(), true));
        commandLine.setExecutionExceptionHandler((exception, line, parsed) -> {
            cli.err().println("greenlight: internal error: " + exception);
            exception.printStackTrace(cli.err());
            return EXIT_ERROR;
        });
        commandLine.setParameterExceptionHandler((exception, params) -> {
            cli.err().println("greenlight: error: " + exception.getMessage());
            exception.getCommandLine().usage(cli.err());
            return EXIT_ERROR;
        });
        return commandLine.execute(args);
    }

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("greenlight: error: a command is required");
        spec.commandLine().usage(spec.commandLine().getErr());
        return EXIT_ERROR;
    }

    /** The version for {@code --version}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"greenlight " + BuildInfo.version()};
        }
    }

    /** Gives every command the streams and working folder of this run. */
    private static final class Factory implements CommandLine.IFactory {

        private final Cli cli;
        private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

        Factory(Cli cli) {
            this.cli = cli;
        }

        Object createUnchecked(Class<?> type) {
            try {
                return create(type);
            } catch (Exception e) {
                throw new IllegalStateException("cannot create " + type.getName(), e);
            }
        }

        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (CliCommand.class.isAssignableFrom(type)) {
                K command = type.getDeclaredConstructor().newInstance();
                ((CliCommand) command).cli = cli;
                return command;
            }
            return fallback.create(type);
        }
    }
}
