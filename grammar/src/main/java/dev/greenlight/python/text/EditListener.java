package dev.greenlight.python.text;

/**
 * Sees each step of {@link Document#apply(java.util.List, int, PositionEncoding, EditListener)}:
 * the document before the change, the change resolved to UTF-16 offsets in that document's text,
 * and the document after it. An incremental consumer (the reparser) follows the edits one by one.
 * A whole-document change arrives as an edit over the whole old text.
 */
@FunctionalInterface
public interface EditListener {

    void edited(Document before, Edit edit, Document after);
}
