package dev.greenlight.rules;

import dev.greenlight.analysis.ModuleModel;
import dev.greenlight.analysis.Url;
import dev.greenlight.fix.Applicability;
import dev.greenlight.fix.Fix;
import dev.greenlight.fix.TextEdit;
import dev.greenlight.python.ast.Call;
import dev.greenlight.python.ast.Expression;
import java.util.List;

/** Where a URL was defined (related information) and the fix that rewrites its scheme. */
final class UrlSupport {

    private UrlSupport() {
    }

    /** The URL's literal, when it stands outside the call, as related information. */
    static List<RelatedInformation> related(ModuleModel model, Url url, Call call) {
        Expression literal = url.source().literal();
        if (literal == null || url.source().module() == null) {
            return List.of();
        }
        if (url.source().module() == model && call.span().start() <= literal.span().start()
                && literal.span().end() <= call.span().end()) {
            return List.of();
        }
        String message = "the URL `" + url.scheme() + "://...` is defined here";
        if (url.source().module() == model) {
            return List.of(RelatedInformation.here(literal.span(), message));
        }
        return List.of(new RelatedInformation(url.source().module().path(), literal.span(), message));
    }

    /**
     * Rewrites the scheme in the URL's literal to the dialect's async driver. Safe when the literal
     * is in the call itself; unsafe when it is a definition shared with other code (a constant,
     * a default); none when it is in another file or the scheme is not found in the literal.
     */
    static Fix schemeFix(ModuleModel model, Url url, Call call) {
        String target = url.asyncScheme();
        Expression literal = url.source().literal();
        if (target == null || literal == null || url.source().module() != model) {
            return null;
        }
        String source = model.source(literal);
        String scheme = url.scheme();
        int at = indexOfScheme(source, scheme);
        if (at < 0) {
            return null;
        }
        int start = literal.span().start() + at;
        TextEdit edit = TextEdit.replace(start, start + scheme.length(), target);
        boolean inCall = call.span().start() <= literal.span().start() && literal.span().end() <= call.span().end();
        String title = "Use the async driver: `" + target + "://`";
        return new Fix(title, inCall ? Applicability.SAFE : Applicability.UNSAFE, List.of(edit));
    }

    private static int indexOfScheme(String source, String scheme) {
        int at = source.indexOf(scheme + "://");
        if (at >= 0) {
            return at;
        }
        // URL.create(drivername="postgresql"): the whole literal is the scheme.
        for (String quote : List.of("\"", "'")) {
            at = source.indexOf(quote + scheme + quote);
            if (at >= 0) {
                return at + 1;
            }
        }
        return -1;
    }
}
