package dev.greenlight.lsp;

import dev.greenlight.python.text.Document;
import java.nio.file.Path;

/** One open document: its URI, the file it is (null when not a file), and its text at a version. */
record OpenDocument(String uri, Path path, Document document) {

    int version() {
        return document.version();
    }

    OpenDocument with(Document next) {
        return new OpenDocument(uri, path, next);
    }

    String displayName() {
        return path != null ? path.toString() : uri;
    }
}
