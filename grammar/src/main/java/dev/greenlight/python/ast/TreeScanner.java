package dev.greenlight.python.ast;

/**
 * A visitor that walks the whole tree. Override the {@code visitX} methods of interest and call
 * {@code super.visitX(node)} (or {@link #scanChildren}) to keep walking below that node.
 */
public abstract class TreeScanner implements Visitor<Void> {

    @Override
    public Void defaultVisit(Node node) {
        scanChildren(node);
        return null;
    }

    protected final void scanChildren(Node node) {
        node.forEachChild(child -> child.accept(this));
    }
}
