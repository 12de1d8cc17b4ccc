package dev.greenlight;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Facts fixed at build time: the version, and where the rule pages are published. */
public final class BuildInfo {

    private static final Properties PROPERTIES = load();

    private BuildInfo() {
    }

    public static String version() {
        return PROPERTIES.getProperty("version", "unknown");
    }

    /** The base URL of the rule pages, or empty when they are not published. */
    public static String docsUrl() {
        String url = PROPERTIES.getProperty("docs.url", "").strip();
        return url.startsWith("${") ? "" : url;
    }

    private static Properties load() {
        Properties properties = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("build.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException ignored) {
            // A jar without the file still runs; version() says "unknown".
        }
        return properties;
    }
}
