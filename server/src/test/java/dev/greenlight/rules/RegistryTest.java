package dev.greenlight.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every rule class is registered, documented, and its metadata is well formed. */
class RegistryTest {

    @Test
    void everyRuleClassIsRegistered() throws IOException, URISyntaxException, ClassNotFoundException {
        Path classes = Path.of(Rule.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Set<String> found = new TreeSet<>();
        try (Stream<Path> walk = Files.walk(classes.resolve("dev/greenlight/rules"))) {
            for (Path file : walk.filter(path -> path.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name);
                if (Rule.class.isAssignableFrom(type) && !type.isInterface() && !Modifier.isAbstract(type.getModifiers())) {
                    assertNotNull(type.getAnnotation(RuleInfo.class), type.getName() + " lacks @RuleInfo");
                    found.add(type.getName());
                }
            }
        }
        Set<String> registered = new TreeSet<>();
        Rules.all().forEach(rule -> registered.add(rule.getClass().getName()));
        assertEquals(found, registered, "rule classes vs. the registry in Rules");
    }

    @Test
    void metadataIsWellFormedAndUnique() {
        Set<String> codes = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (RuleMeta rule : Rules.metas()) {
            assertTrue(rule.code().matches("GL[0-9]{3}"), rule.code());
            assertTrue(rule.name().matches("[a-z0-9]+(-[a-z0-9]+)*"), rule.name());
            assertTrue(codes.add(rule.code()), "duplicate code " + rule.code());
            assertTrue(names.add(rule.name()), "duplicate name " + rule.name());
            assertTrue(!rule.summary().isBlank() && !rule.summary().contains("\n"), rule.code() + " summary");
        }
        List<String> inOrder = Rules.metas().stream().map(RuleMeta::code).toList();
        assertEquals(inOrder.stream().sorted().toList(), inOrder, "registry in code order");
    }

    @Test
    void everyRuleHasADocumentationPageWithEverySection() {
        for (RuleMeta rule : Rules.metas()) {
            String page = RuleDocs.page(rule.code());
            assertNotNull(page, "missing resource rules/" + rule.code() + ".md");
            int last = -1;
            for (String section : RuleDocs.SECTIONS) {
                int at = page.indexOf("\n" + section + "\n");
                if (page.startsWith(section + "\n")) {
                    at = 0;
                }
                assertTrue(at > last, rule.code() + ".md: section `" + section + "` missing or out of order");
                last = at;
            }
            assertTrue(page.contains("```python"), rule.code() + ".md has no Python example");
        }
    }

    @Test
    void everyRuleHasFixtures() throws URISyntaxException {
        Path root = Path.of(RegistryTest.class.getResource("/fixtures").toURI());
        for (RuleMeta rule : Rules.metas()) {
            if (rule.code().equals(Rules.SYNTAX_ERROR)) {
                continue;
            }
            assertTrue(Files.isDirectory(root.resolve(rule.code())), "no fixtures/" + rule.code());
        }
    }

    @Test
    void findsByCodeOrName() {
        assertEquals("GL006", Rules.find("gl006").orElseThrow().code());
        assertEquals("GL006", Rules.find("await-outside-async").orElseThrow().code());
        assertTrue(Rules.find("GL999").isEmpty());
    }
}
