package dev.greenlight.cli;

import dev.greenlight.python.ast.AstDumper;
import dev.greenlight.python.parse.ParseResult;
import dev.greenlight.python.parse.PythonParsing;
import dev.greenlight.python.parse.SyntaxError;
import dev.greenlight.source.SourceFile;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "parse", description = "Parse a Python file and report its syntax errors; --dump prints the tree.")
final class ParseCommand extends CliCommand {

    @Parameters(paramLabel = "FILE", description = "The Python file to parse.")
    Path file;

    @Option(names = "--dump", description = "Print the tree as CPython's ast.dump(tree, include_attributes=True, indent=4).")
    boolean dump;

    @Option(names = "--indent", paramLabel = "N", description = "Indentation of the dump; a negative number prints one line (default: 4).")
    int indent = 4;

    @Override
    public Integer call() {
        Path path = cli.cwd().resolve(file);
        SourceFile source;
        try {
            source = SourceReader.read(path, file.toString());
        } catch (SourceReader.ReadException e) {
            cli.error(e.getMessage());
            return Main.EXIT_ERROR;
        }
        ParseResult parse = PythonParsing.parse(source.text());
        if (dump) {
            cli.out().println(AstDumper.dumpLikeCPython(parse.module(), indent));
        }
        if (source.decodingError() != null) {
            cli.err().println(source.displayPath() + ":1:1: SyntaxError: " + source.decodingError());
        }
        for (SyntaxError error : parse.errors()) {
            int start = error.span().start();
            cli.err().println(source.displayPath() + ":" + (source.lines().line(start) + 1) + ":"
                    + source.lines().characterColumn(start) + ": SyntaxError: " + error.message());
        }
        return parse.hasErrors() || source.decodingError() != null ? Main.EXIT_DIAGNOSTICS : Main.EXIT_CLEAN;
    }
}
