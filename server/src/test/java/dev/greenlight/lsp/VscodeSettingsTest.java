package dev.greenlight.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.greenlight.rules.RuleMeta;
import dev.greenlight.rules.Rules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The VS Code extension offers a severity setting for every rule the server has, and no other. */
class VscodeSettingsTest {

    @Test
    void severitySettingsNameEveryRule() throws IOException {
        Path manifest = Path.of("..", "clients", "vscode", "package.json");
        JsonObject root = JsonParser.parseString(Files.readString(manifest)).getAsJsonObject();
        JsonObject severity = root.getAsJsonObject("contributes").getAsJsonObject("configuration")
                .getAsJsonObject("properties").getAsJsonObject("greenlight.severity").getAsJsonObject("properties");
        List<String> codes = Rules.metas().stream().map(RuleMeta::code).filter(code -> !code.equals(Rules.SYNTAX_ERROR)).toList();
        assertEquals(codes, List.copyOf(severity.keySet()));
    }
}
