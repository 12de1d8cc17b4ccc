package dev.greenlight.python.parse;

import dev.greenlight.python.ast.Module;
import java.util.List;

/**
 * What reading a module gives: the tree of everything that parsed, and the syntax errors. The
 * module is never null; with errors, statements that could not be read are left out.
 */
public record ParseResult(Module module, List<SyntaxError> errors) {

    public boolean hasErrors() {
        return !errors.isEmpty();
    }
}
