package dev.greenlight.python.parse;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the installed CPython keeps its standard library: real Python code for tests to read. */
final class StandardLibrary {

    private StandardLibrary() {
    }

    static Path location() throws IOException {
        ProcessBuilder builder = new ProcessBuilder("python3", "-c",
                "import sysconfig; print(sysconfig.get_paths()['stdlib'])");
        builder.redirectErrorStream(true);
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (process.waitFor() != 0 || !Files.isDirectory(Path.of(output))) {
                fail("python3 did not name its standard library: " + output);
            }
            return Path.of(output);
        } catch (IOException notFound) {
            fail("python3 not found: this test edits real modules of its standard library; install python3");
            throw notFound;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IOException(interrupted);
        }
    }
}
