package dev.greenlight.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The documentation pages of the rules, kept as resources {@code rules/<code>.md}. */
public final class RuleDocs {

    /**
     * Where the pages are published (the root pom's {@code greenlight.docs.url}); each page is
     * {@code BASE_URL + code}. Empty until the project publishes its pages: then no link is given.
     */
    public static final String BASE_URL = dev.greenlight.BuildInfo.docsUrl();

    /** The sections every page has, in this order. */
    public static final java.util.List<String> SECTIONS = java.util.List.of(
            "## What it does", "## Why is this bad?", "## Example", "## Use instead", "## Fix");

    private RuleDocs() {
    }

    /** The link to the rule's page, or null while the pages are not published. */
    public static String url(RuleMeta rule) {
        return BASE_URL.isEmpty() ? null : BASE_URL + rule.code();
    }

    /** The page's Markdown, or null when the rule has none. */
    public static String page(String code) {
        try (InputStream in = RuleDocs.class.getResourceAsStream("/rules/" + code + ".md")) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The page as {@code greenlight rule CODE} prints it: title, metadata, then the page. */
    public static String render(RuleMeta rule) {
        StringBuilder out = new StringBuilder();
        out.append("# ").append(rule.name()).append(" (").append(rule.code()).append(")\n\n");
        out.append(rule.summary()).append("\n\n");
        out.append("Default severity: ").append(rule.severity().lowerName()).append(". ");
        out.append(rule.fix().sentence()).append("\n\n");
        String page = page(rule.code());
        if (page != null) {
            out.append(page.strip()).append('\n');
        }
        return out.toString();
    }
}
