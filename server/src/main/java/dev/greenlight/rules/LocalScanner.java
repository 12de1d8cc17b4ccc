package dev.greenlight.rules;

import dev.greenlight.python.ast.AsyncFunctionDef;
import dev.greenlight.python.ast.ClassDef;
import dev.greenlight.python.ast.FunctionDef;
import dev.greenlight.python.ast.Lambda;
import dev.greenlight.python.ast.TreeScanner;

/**
 * Scans the code a function body runs itself: nested functions, classes and lambdas run at
 * another time (or not at all), so they are not entered.
 */
class LocalScanner extends TreeScanner {

    @Override
    public Void visitFunctionDef(FunctionDef node) {
        return null;
    }

    @Override
    public Void visitAsyncFunctionDef(AsyncFunctionDef node) {
        return null;
    }

    @Override
    public Void visitClassDef(ClassDef node) {
        return null;
    }

    @Override
    public Void visitLambda(Lambda node) {
        return null;
    }
}
