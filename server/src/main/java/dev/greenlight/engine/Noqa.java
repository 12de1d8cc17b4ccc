package dev.greenlight.engine;

import dev.greenlight.python.ast.Bytes;
import dev.greenlight.python.ast.Constant;
import dev.greenlight.python.ast.JoinedStr;
import dev.greenlight.python.ast.Module;
import dev.greenlight.python.ast.Span;
import dev.greenlight.python.ast.TreeScanner;
import dev.greenlight.rules.Diagnostic;
import dev.greenlight.rules.Rules;
import dev.greenlight.source.LineIndex;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code # noqa} comments: {@code # noqa} alone silences every diagnostic that starts on its
 * line, {@code # noqa: GL006, GL101} only those codes. The comment must be a real comment: a
 * {@code #} inside a string literal does not count. Syntax errors cannot be silenced.
 */
public final class Noqa {

    private static final Pattern DIRECTIVE = Pattern.compile(
            "#\\s*(?i:noqa)(?![\\w-])(?:\\s*:\\s*(?<codes>[A-Za-z]+[0-9]+(?:[\\s,]+[A-Za-z]+[0-9]+)*))?");
    private static final Pattern CODE = Pattern.compile("[A-Za-z]+[0-9]+");

    /** A {@code # noqa} comment: its codes (empty for a blanket one) and where it stands. */
    public record Directive(Set<String> codes, int commentStart, int start, int end) {

        public boolean blanket() {
            return codes.isEmpty();
        }

        public boolean covers(String code) {
            return blanket() || codes.contains(code);
        }
    }

    private final LineIndex lines;
    private final List<int[]> strings;

    public Noqa(LineIndex lines, Module module) {
        this.lines = lines;
        this.strings = stringRanges(module);
    }

    /** The diagnostics that no {@code # noqa} on their first line silences. */
    public List<Diagnostic> filter(List<Diagnostic> diagnostics) {
        List<Diagnostic> kept = new ArrayList<>(diagnostics.size());
        for (Diagnostic diagnostic : diagnostics) {
            if (Rules.SYNTAX_ERROR.equals(diagnostic.code())) {
                kept.add(diagnostic);
                continue;
            }
            Directive directive = directive(lines.line(diagnostic.range().start()));
            if (directive == null || !directive.covers(diagnostic.code())) {
                kept.add(diagnostic);
            }
        }
        return kept;
    }

    /** Where the line's comment starts (its {@code #}), or -1 when it has none. */
    public int commentStart(int line) {
        int start = lines.lineStart(line);
        int end = lines.lineContentEnd(line);
        String text = lines.text();
        for (int i = start; i < end; i++) {
            if (text.charAt(i) == '#' && !inString(i)) {
                return i;
            }
        }
        return -1;
    }

    /** The {@code # noqa} directive of a 0-based line, or null. */
    public Directive directive(int line) {
        int comment = commentStart(line);
        if (comment < 0) {
            return null;
        }
        String text = lines.text().substring(comment, lines.lineContentEnd(line));
        Matcher matcher = DIRECTIVE.matcher(text);
        if (!matcher.find()) {
            return null;
        }
        Set<String> codes = Set.of();
        if (matcher.group("codes") != null) {
            List<String> found = new ArrayList<>();
            Matcher code = CODE.matcher(matcher.group("codes"));
            while (code.find()) {
                found.add(code.group().toUpperCase(Locale.ROOT));
            }
            codes = Set.copyOf(found);
        }
        return new Directive(codes, comment, comment + matcher.start(), comment + matcher.end());
    }

    private boolean inString(int offset) {
        int low = 0;
        int high = strings.size() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int[] range = strings.get(middle);
            if (offset < range[0]) {
                high = middle - 1;
            } else if (offset >= range[1]) {
                low = middle + 1;
            } else {
                return true;
            }
        }
        return false;
    }

    /** The outermost string literals of the module, sorted and disjoint. */
    private static List<int[]> stringRanges(Module module) {
        List<int[]> ranges = new ArrayList<>();
        module.accept(new TreeScanner() {
            @Override
            public Void visitConstant(Constant node) {
                if (node.value() instanceof String || node.value() instanceof Bytes) {
                    add(node.span());
                }
                return null;
            }

            @Override
            public Void visitJoinedStr(JoinedStr node) {
                add(node.span());
                return null;
            }

            private void add(Span span) {
                ranges.add(new int[] {span.start(), span.end()});
            }
        });
        ranges.sort(Comparator.comparingInt(range -> range[0]));
        List<int[]> merged = new ArrayList<>();
        for (int[] range : ranges) {
            if (!merged.isEmpty() && range[0] < merged.get(merged.size() - 1)[1]) {
                int[] last = merged.get(merged.size() - 1);
                last[1] = Math.max(last[1], range[1]);
            } else {
                merged.add(range);
            }
        }
        return merged;
    }
}
