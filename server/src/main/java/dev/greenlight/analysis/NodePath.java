package dev.greenlight.analysis;

import dev.greenlight.python.ast.Node;
import java.util.ArrayList;
import java.util.List;

/**
 * The ancestors of the node being visited, from the module down to its parent. A rule receives
 * the walker's live path: read it during the callback, copy it ({@link #snapshot()}) to keep it.
 */
public final class NodePath {

    private final List<Node> nodes;

    public NodePath() {
        this.nodes = new ArrayList<>();
    }

    private NodePath(List<Node> nodes) {
        this.nodes = nodes;
    }

    public void push(Node node) {
        nodes.add(node);
    }

    public void pop() {
        nodes.remove(nodes.size() - 1);
    }

    /** Number of ancestors. */
    public int size() {
        return nodes.size();
    }

    /** The {@code n}-th ancestor: 0 is the parent, 1 the grandparent; null beyond the root. */
    public Node ancestor(int n) {
        int index = nodes.size() - 1 - n;
        return index >= 0 ? nodes.get(index) : null;
    }

    public Node parent() {
        return ancestor(0);
    }

    /** The nearest ancestor of the given class, or null. */
    public <T extends Node> T nearest(Class<T> kind) {
        for (int i = nodes.size() - 1; i >= 0; i--) {
            if (kind.isInstance(nodes.get(i))) {
                return kind.cast(nodes.get(i));
            }
        }
        return null;
    }

    /** A copy that stays valid after the walk moves on. */
    public NodePath snapshot() {
        return new NodePath(new ArrayList<>(nodes));
    }
}
