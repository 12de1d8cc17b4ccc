package dev.greenlight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** Runs the CLI in-process on a copy of a fixture tree and compares with golden files. */
final class CliTestSupport {

    /** What one run printed and returned. */
    record Run(int exitCode, String out, String err) {
    }

    private CliTestSupport() {
    }

    static Run runWithInput(Path cwd, String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        InputStream in = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
        int code;
        try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = Main.run(args, new Cli(in, outStream, errStream, cwd.toAbsolutePath()));
        }
        String root = cwd.toAbsolutePath().toString();
        return new Run(code, out.toString(StandardCharsets.UTF_8).replace(root, "<ROOT>"),
                err.toString(StandardCharsets.UTF_8).replace(root, "<ROOT>"));
    }

    static Run run(Path cwd, String... args) {
        return runWithInput(cwd, "", args);
    }

    /** Copies the resource folder {@code cli/<name>} into {@code target}. */
    static void copyTree(String name, Path target) throws IOException, URISyntaxException {
        Path source = Path.of(CliTestSupport.class.getResource("/cli/" + name).toURI());
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path path : walk.toList()) {
                Path destination = target.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(path, destination, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    static String resource(String path) throws IOException {
        try (InputStream in = CliTestSupport.class.getResourceAsStream(path)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * Compares with {@code cli/expected/<name>}. On a difference the actual text is also written to
     * {@code target/golden-actual/<name>} for review; golden files are only ever changed by hand.
     */
    static void assertGolden(String name, String actual) throws IOException {
        String expected = resource("/cli/expected/" + name);
        if (expected == null || !expected.equals(actual)) {
            Path dump = Path.of("target", "golden-actual", name);
            Files.createDirectories(dump.getParent());
            Files.writeString(dump, actual);
        }
        assertEquals(expected, actual, "golden file cli/expected/" + name + " (actual output in target/golden-actual)");
    }
}
