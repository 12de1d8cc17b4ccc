package dev.greenlight.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff of two texts by lines (Myers' algorithm), for {@code check --diff}: the
 * {@code ---}/{@code +++} header, then hunks with three lines of context.
 */
public final class UnifiedDiff {

    private static final int CONTEXT = 3;

    private enum Op { KEEP, DELETE, INSERT }

    private record Step(Op op, int oldLine, int newLine) {
    }

    private UnifiedDiff() {
    }

    /** The diff, or an empty string when the texts are equal. */
    public static String diff(String oldName, String newName, String oldText, String newText) {
        if (oldText.equals(newText)) {
            return "";
        }
        List<String> a = splitLines(oldText);
        List<String> b = splitLines(newText);
        List<Step> script = script(a, b);
        StringBuilder out = new StringBuilder();
        out.append("--- ").append(oldName).append('\n');
        out.append("+++ ").append(newName).append('\n');
        List<Integer> changes = new ArrayList<>();
        for (int i = 0; i < script.size(); i++) {
            if (script.get(i).op() != Op.KEEP) {
                changes.add(i);
            }
        }
        int c = 0;
        while (c < changes.size()) {
            int first = changes.get(c);
            int last = first;
            while (c + 1 < changes.size() && changes.get(c + 1) - last <= 2 * CONTEXT + 1) {
                last = changes.get(++c);
            }
            c++;
            appendHunk(out, script.subList(Math.max(0, first - CONTEXT), Math.min(script.size(), last + CONTEXT + 1)), a, b);
        }
        return out.toString();
    }

    private static void appendHunk(StringBuilder out, List<Step> hunk, List<String> a, List<String> b) {
        int oldStart = -1;
        int newStart = -1;
        int oldCount = 0;
        int newCount = 0;
        for (Step step : hunk) {
            if (step.op() != Op.INSERT) {
                if (oldStart < 0) {
                    oldStart = step.oldLine();
                }
                oldCount++;
            }
            if (step.op() != Op.DELETE) {
                if (newStart < 0) {
                    newStart = step.newLine();
                }
                newCount++;
            }
        }
        Step first = hunk.get(0);
        if (oldStart < 0) {
            oldStart = first.oldLine();
        }
        if (newStart < 0) {
            newStart = first.newLine();
        }
        out.append("@@ -").append(range(oldStart, oldCount)).append(" +").append(range(newStart, newCount)).append(" @@\n");
        for (Step step : hunk) {
            switch (step.op()) {
                case KEEP -> appendLine(out, ' ', a.get(step.oldLine()));
                case DELETE -> appendLine(out, '-', a.get(step.oldLine()));
                case INSERT -> appendLine(out, '+', b.get(step.newLine()));
            }
        }
    }

    private static String range(int start, int count) {
        int shown = count == 0 ? start : start + 1;
        return count == 1 ? String.valueOf(shown) : shown + "," + count;
    }

    private static void appendLine(StringBuilder out, char marker, String line) {
        out.append(marker);
        if (line.endsWith("\n") || line.endsWith("\r")) {
            out.append(line, 0, line.length() - (line.endsWith("\r\n") ? 2 : 1)).append('\n');
        } else {
            out.append(line).append('\n').append("\\ No newline at end of file\n");
        }
    }

    /** Lines with their terminators, so that a changed terminator is a changed line. */
    private static List<String> splitLines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                lines.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    /** The shortest edit script from {@code a} to {@code b} (Myers, 1986), as a list of steps. */
    private static List<Step> script(List<String> a, List<String> b) {
        int n = a.size();
        int m = b.size();
        int max = n + m;
        int offset = max + 1;
        int[] v = new int[2 * max + 3];
        List<int[]> trace = new ArrayList<>();
        int finalD = -1;
        outer:
        for (int d = 0; d <= max; d++) {
            trace.add(v.clone());
            for (int k = -d; k <= d; k += 2) {
                int x;
                if (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) {
                    x = v[offset + k + 1];
                } else {
                    x = v[offset + k - 1] + 1;
                }
                int y = x - k;
                while (x < n && y < m && a.get(x).equals(b.get(y))) {
                    x++;
                    y++;
                }
                v[offset + k] = x;
                if (x >= n && y >= m) {
                    finalD = d;
                    break outer;
                }
            }
        }
        List<Step> reversed = new ArrayList<>();
        int x = n;
        int y = m;
        for (int d = finalD; d > 0; d--) {
            int[] previous = trace.get(d);
            int k = x - y;
            int previousK;
            if (k == -d || (k != d && previous[offset + k - 1] < previous[offset + k + 1])) {
                previousK = k + 1;
            } else {
                previousK = k - 1;
            }
            int previousX = previous[offset + previousK];
            int previousY = previousX - previousK;
            while (x > previousX && y > previousY) {
                reversed.add(new Step(Op.KEEP, --x, --y));
            }
            if (x == previousX) {
                reversed.add(new Step(Op.INSERT, x, --y));
            } else {
                reversed.add(new Step(Op.DELETE, --x, y));
            }
        }
        while (x > 0 && y > 0) {
            reversed.add(new Step(Op.KEEP, --x, --y));
        }
        List<Step> steps = new ArrayList<>(reversed.size());
        for (int i = reversed.size() - 1; i >= 0; i--) {
            steps.add(reversed.get(i));
        }
        return steps;
    }
}
