package dev.greenlight.lsp;

import dev.greenlight.engine.IncrementalCheck;
import dev.greenlight.python.parse.ParseResult;
import dev.greenlight.python.parse.ParsedModule;
import dev.greenlight.python.parse.PythonParsing;
import dev.greenlight.python.text.Document;
import dev.greenlight.python.text.Edit;
import dev.greenlight.python.text.EditListener;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * One open document's parse, kept up to date by its edits: the message thread records each edit
 * as {@code didChange} applies it ({@link #edited}); the analysis worker, asked for the parse of a
 * version, replays the edits made since the version it parsed last on that parse
 * ({@link ParsedModule#edit}), so that typing re-parses only the statements it touches. When the
 * edits do not lead from the last parse to the version asked for (a document reopened, an edit
 * lost), or the incremental parse fails, the version is parsed whole.
 */
final class IncrementalParse implements EditListener {

    /** More pending edits than this (a worker far behind) are dropped for one whole parse. */
    private static final int MAX_PENDING = 10_000;

    /** Whether edits are replayed at all ({@code -Dgreenlight.incremental=false} parses whole, for comparison). */
    static final boolean ENABLED = !"false".equals(System.getProperty("greenlight.incremental"));

    private record Step(Document before, Edit edit, Document after) {
    }

    /**
     * A version's parse: {@code module}, and how it was made from {@code previous} (the version
     * parsed before, or null when it was parsed whole) by the edits {@code shifts}. Only
     * {@code fallback} when the parse could not be kept (pathological input).
     */
    record Parsed(ParsedModule module, ParsedModule previous, List<IncrementalCheck.Shift> shifts,
            ParseResult fallback) {

        ParseResult result() {
            return module != null ? module.result() : fallback;
        }
    }

    /** Edits not yet replayed, oldest first. Guarded by {@code this}. */
    private final Deque<Step> pending = new ArrayDeque<>();
    /** The document last parsed, and its parse (worker only, but read under the lock with pending). */
    private Document parsedDocument;
    private ParsedModule module;
    private int wholeParses;
    private int incrementalParses;

    @Override
    public synchronized void edited(Document before, Edit edit, Document after) {
        if (!ENABLED) {
            return;
        }
        if (pending.size() >= MAX_PENDING) {
            pending.clear();
            parsedDocument = null;
            module = null;
        }
        pending.addLast(new Step(before, edit, after));
    }

    /** The parse of {@code target}; called on the analysis worker only. */
    ParseResult parse(Document target) {
        return parsed(target).result();
    }

    /** As {@link #parse}, with what the incremental check needs to know of how it was made. */
    Parsed parsed(Document target) {
        Document base;
        ParsedModule start;
        List<Step> steps = new ArrayList<>();
        synchronized (this) {
            base = parsedDocument;
            start = module;
            // The steps that lead to the target, which are the oldest pending ones.
            int reach = -1;
            int i = 0;
            for (Step step : pending) {
                if (sameText(step.after(), target)) {
                    reach = i;
                }
                i++;
            }
            for (int k = 0; k <= reach; k++) {
                steps.add(pending.removeFirst());
            }
        }
        ParsedModule next = null;
        List<IncrementalCheck.Shift> shifts = null;
        if (ENABLED && start != null && base != null) {
            if (steps.isEmpty() && sameText(base, target)) {
                next = start;
                shifts = List.of();
            } else if (!steps.isEmpty() && sameText(steps.get(0).before(), base)) {
                shifts = new ArrayList<>(steps.size());
                next = replay(start, steps, shifts);
            }
        }
        if (next == null) {
            shifts = null;
        }
        if (next == null) {
            try {
                next = ParsedModule.parse(target.text());
                wholeParses++;
            } catch (RuntimeException | StackOverflowError failure) {
                // PythonParsing knows what to do with pathological input (a deeper stack).
                synchronized (this) {
                    parsedDocument = null;
                    module = null;
                }
                return new Parsed(null, null, null, PythonParsing.parse(target.text()));
            }
        }
        synchronized (this) {
            parsedDocument = target;
            module = next;
        }
        return new Parsed(next, shifts == null ? null : start, shifts, null);
    }

    private ParsedModule replay(ParsedModule start, List<Step> steps, List<IncrementalCheck.Shift> shifts) {
        ParsedModule current = start;
        try {
            for (int i = 0; i < steps.size(); i++) {
                Step step = steps.get(i);
                Edit edit = step.edit();
                ParsedModule before = current;
                current = i == steps.size() - 1
                        ? current.edit(edit.start(), edit.end(), edit.text(), step.after().text())
                        : current.edit(edit.start(), edit.end(), edit.text());
                shifts.add(IncrementalCheck.Shift.of(before, current, edit.start(), edit.end(), edit.text()));
            }
            incrementalParses++;
            return current;
        } catch (RuntimeException | StackOverflowError failure) {
            return null;
        }
    }

    /** How many versions were parsed whole and how many by replaying edits (for tests). */
    synchronized int[] counts() {
        return new int[] {wholeParses, incrementalParses};
    }

    /** Whether two documents hold the same text object (versions of one text share it). */
    private static boolean sameText(Document a, Document b) {
        return a == b || a.chars() == b.chars();
    }
}
