package dev.greenlight.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The patterns of one {@code .gitignore} file (or {@code .git/info/exclude}), matched as git
 * matches them (gitignore(5)): blank lines and {@code #} comments are skipped; {@code \} escapes
 * the next character (a leading {@code #} or {@code !}, a trailing space); {@code !} negates;
 * a trailing {@code /} matches folders only; a pattern with a {@code /} at its start or in its
 * middle is relative to the file's folder, one without matches at any depth below it; {@code *}
 * and {@code ?} never match {@code /}; {@code [a-z]}, {@code [!a-z]} and {@code [^a-z]} are
 * character classes; {@code **} at the start ({@code **}{@code /x}), in the middle
 * ({@code a/**}{@code /b}: zero or more folders) and at the end ({@code a/**}: everything inside)
 * spans folders, and elsewhere is a plain {@code *}. The last matching pattern of a file decides.
 */
public final class GitIgnore {

    /** What a file's patterns say about a path. */
    public enum Verdict {
        /** No pattern matches: a shallower file (or nothing) decides. */
        NONE,
        /** The last matching pattern ignores the path. */
        IGNORED,
        /** The last matching pattern is a negation ({@code !}): the path is kept. */
        KEPT
    }

    private record Rule(Pattern regex, boolean negated, boolean directoryOnly, String source) {
    }

    private final Path base;
    private final List<Rule> rules;

    private GitIgnore(Path base, List<Rule> rules) {
        this.base = base;
        this.rules = rules;
    }

    /** The patterns in {@code text}, relative to the folder {@code base}. */
    public static GitIgnore parse(Path base, String text) {
        List<Rule> rules = new ArrayList<>();
        for (String line : text.split("\r?\n", -1)) {
            Rule rule = compile(line);
            if (rule != null) {
                rules.add(rule);
            }
        }
        return new GitIgnore(base == null ? null : base.toAbsolutePath().normalize(), List.copyOf(rules));
    }

    /** The patterns of {@code file}, relative to {@code base}; an unreadable file has none. */
    public static GitIgnore read(Path base, Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            return parse(base, new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new GitIgnore(base.toAbsolutePath().normalize(), List.of());
        }
    }

    /** The folder the patterns are relative to. */
    public Path base() {
        return base;
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    /**
     * What these patterns say about {@code path}, which must be inside {@link #base()}.
     *
     * @param directory whether {@code path} is a folder (for patterns ending in {@code /})
     */
    public Verdict match(Path path, boolean directory) {
        Path absolute = path.toAbsolutePath().normalize();
        if (!absolute.startsWith(base) || absolute.equals(base)) {
            return Verdict.NONE;
        }
        StringBuilder relative = new StringBuilder();
        for (Path part : base.relativize(absolute)) {
            if (relative.length() > 0) {
                relative.append('/');
            }
            relative.append(part);
        }
        return match(relative.toString(), directory);
    }

    /** What these patterns say about a {@code /}-separated path relative to {@link #base()}. */
    public Verdict match(String relativePath, boolean directory) {
        for (int i = rules.size() - 1; i >= 0; i--) {
            Rule rule = rules.get(i);
            if (rule.directoryOnly() && !directory) {
                continue;
            }
            if (rule.regex().matcher(relativePath).matches()) {
                return rule.negated() ? Verdict.KEPT : Verdict.IGNORED;
            }
        }
        return Verdict.NONE;
    }

    /** One line as a rule, or null for a blank line, a comment or a pattern that matches nothing. */
    static Rule compile(String line) {
        if (line.isEmpty() || line.startsWith("#")) {
            return null;
        }
        String pattern = stripTrailingSpaces(line);
        boolean negated = false;
        if (pattern.startsWith("!")) {
            negated = true;
            pattern = pattern.substring(1);
        }
        boolean directoryOnly = false;
        if (pattern.endsWith("/") && !pattern.endsWith("\\/")) {
            directoryOnly = true;
            pattern = pattern.substring(0, pattern.length() - 1);
        }
        if (pattern.isEmpty() || pattern.equals("/")) {
            return null;
        }
        boolean anchored = pattern.indexOf('/') >= 0;
        if (pattern.startsWith("/")) {
            pattern = pattern.substring(1);
        }
        String regex = (anchored ? "" : "(?:.*/)?") + translate(pattern);
        return new Rule(Pattern.compile(regex, Pattern.DOTALL), negated, directoryOnly, line);
    }

    /** Drops trailing spaces unless escaped with a backslash ({@code "a\ "} keeps one). */
    private static String stripTrailingSpaces(String line) {
        int end = line.length();
        while (end > 0 && line.charAt(end - 1) == ' ') {
            int backslashes = 0;
            for (int i = end - 2; i >= 0 && line.charAt(i) == '\\'; i--) {
                backslashes++;
            }
            if (backslashes % 2 == 1) {
                break;
            }
            end--;
        }
        return line.substring(0, end);
    }

    /** The glob (without its leading {@code /}) as a regular expression over a relative path. */
    private static String translate(String glob) {
        StringBuilder regex = new StringBuilder();
        int n = glob.length();
        int i = 0;
        while (i < n) {
            char c = glob.charAt(i);
            if (c == '*') {
                int run = i;
                while (run < n && glob.charAt(run) == '*') {
                    run++;
                }
                boolean atSegmentStart = i == 0 || glob.charAt(i - 1) == '/';
                boolean atSegmentEnd = run == n || glob.charAt(run) == '/';
                if (run - i >= 2 && atSegmentStart && atSegmentEnd) {
                    if (run == n) {
                        // "a/**": everything inside a (i == 0 means "**" alone: everything).
                        regex.append(i == 0 ? ".*" : ".+");
                        i = run;
                    } else {
                        // "**/b" or "a/**/b": zero or more folders.
                        regex.append("(?:.*/)?");
                        i = run + 1;
                    }
                } else {
                    regex.append("[^/]*");
                    i = run;
                }
            } else if (c == '?') {
                regex.append("[^/]");
                i++;
            } else if (c == '[') {
                int end = classEnd(glob, i);
                if (end < 0) {
                    regex.append("\\[");
                    i++;
                } else {
                    regex.append(characterClass(glob.substring(i + 1, end)));
                    i = end + 1;
                }
            } else if (c == '\\' && i + 1 < n) {
                regex.append(Pattern.quote(String.valueOf(glob.charAt(i + 1))));
                i += 2;
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
                i++;
            }
        }
        return regex.toString();
    }

    /** The index of the {@code ]} closing the class opened at {@code open}, or -1. */
    private static int classEnd(String glob, int open) {
        int i = open + 1;
        if (i < glob.length() && (glob.charAt(i) == '!' || glob.charAt(i) == '^')) {
            i++;
        }
        if (i < glob.length() && glob.charAt(i) == ']') {
            i++; // "[]a]": a leading ] is a member
        }
        while (i < glob.length()) {
            char c = glob.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == ']') {
                return i;
            }
            i++;
        }
        return -1;
    }

    private static String characterClass(String body) {
        StringBuilder out = new StringBuilder("[");
        int i = 0;
        if (!body.isEmpty() && (body.charAt(0) == '!' || body.charAt(0) == '^')) {
            out.append('^');
            i = 1;
        }
        for (; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\' && i + 1 < body.length()) {
                c = body.charAt(++i);
                out.append(Character.isLetterOrDigit(c) ? String.valueOf(c) : "\\" + c);
            } else if (c == '-' || Character.isLetterOrDigit(c)) {
                out.append(c);
            } else {
                out.append('\\').append(c);
            }
        }
        // A class never matches the separator, negated or not.
        return "(?!/)" + out.append(']');
    }
}
