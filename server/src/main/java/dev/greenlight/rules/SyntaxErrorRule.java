package dev.greenlight.rules;

import dev.greenlight.python.parse.SyntaxError;

/** GL000: every syntax error of the front end, as a diagnostic; the other rules still run. */
@RuleInfo(code = "GL000", name = "syntax-error",
        summary = "Python cannot read this code: the module does not import",
        severity = Severity.ERROR)
public final class SyntaxErrorRule implements Rule {

    @Override
    public void register(Checks checks) {
        checks.onModule(this::check);
    }

    private void check(RuleContext context) {
        if (context.source().decodingError() != null) {
            context.report(context.lines().span(0, 0), "SyntaxError: " + context.source().decodingError());
        }
        for (SyntaxError error : context.parse().errors()) {
            context.report(error.span(), "SyntaxError: " + error.message());
        }
    }
}
