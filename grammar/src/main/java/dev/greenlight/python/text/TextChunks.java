package dev.greenlight.python.text;

import java.util.Arrays;

/**
 * Immutable text held as a sequence of chunks of a few thousand UTF-16 units, so that an edit
 * copies one or two chunks and two small arrays instead of the whole text. The flat
 * {@link String} is built on demand and cached ({@link #toString()}); a text made from a string
 * keeps that string.
 */
final class TextChunks implements CharSequence {

    /** Default target chunk length; a chunk holds at most twice its target. */
    static final int CHUNK = 4096;
    private static final String[] NO_CHUNKS = {};

    /** Target chunk length of this text (small in tests, to exercise the chunk boundaries). */
    private final int chunk;
    private final String[] chunks;
    /** UTF-16 offset where each chunk starts, plus the total length at the end. */
    private final int[] starts;
    /** The flat text, once built. Racy but safe: strings are immutable and safely published. */
    private String flat;

    private TextChunks(int chunk, String[] chunks, int[] starts, String flat) {
        this.chunk = chunk;
        this.chunks = chunks;
        this.starts = starts;
        this.flat = flat;
    }

    static TextChunks of(String text) {
        return of(text, CHUNK);
    }

    static TextChunks of(String text, int chunk) {
        if (chunk < 1) {
            throw new IllegalArgumentException("chunk " + chunk);
        }
        String[] pieces = split(text, chunk);
        return new TextChunks(chunk, pieces, startsOf(pieces), text);
    }

    @Override
    public int length() {
        return starts[chunks.length];
    }

    @Override
    public char charAt(int index) {
        if (index < 0 || index >= length()) {
            throw new StringIndexOutOfBoundsException("index " + index + ", length " + length());
        }
        String cached = flat;
        if (cached != null) {
            return cached.charAt(index);
        }
        int chunk = chunkOf(index);
        return chunks[chunk].charAt(index - starts[chunk]);
    }

    /** The text of {@code [from, to)} as a string: O(log chunks + to - from). */
    String substring(int from, int to) {
        if (from < 0 || to > length() || from > to) {
            throw new StringIndexOutOfBoundsException("range [" + from + ", " + to + "), length " + length());
        }
        String cached = flat;
        if (cached != null) {
            return cached.substring(from, to);
        }
        if (from == to) {
            return "";
        }
        int first = chunkOf(from);
        int last = chunkOf(to - 1);
        if (first == last) {
            return chunks[first].substring(from - starts[first], to - starts[first]);
        }
        StringBuilder s = new StringBuilder(to - from);
        s.append(chunks[first], from - starts[first], chunks[first].length());
        for (int i = first + 1; i < last; i++) {
            s.append(chunks[i]);
        }
        s.append(chunks[last], 0, to - starts[last]);
        return s.toString();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return substring(start, end);
    }

    /** The whole text, built once and cached. */
    @Override
    public String toString() {
        String cached = flat;
        if (cached == null) {
            cached = chunks.length == 1 ? chunks[0] : String.join("", Arrays.asList(chunks));
            flat = cached;
        }
        return cached;
    }

    boolean isFlat() {
        return flat != null;
    }

    int chunkCount() {
        return chunks.length;
    }

    /** The text with {@code [start, end)} replaced by {@code inserted}; bounds already checked. */
    TextChunks replace(int start, int end, String inserted) {
        int n = chunks.length;
        if (n == 0 || (start == 0 && end == length())) {
            return of(inserted, chunk);
        }
        int first = Math.min(chunkOf(start), n - 1);
        int last = end > start ? Math.max(first, chunkOf(end - 1)) : first;
        String head = chunks[first].substring(0, start - starts[first]);
        String tail = chunks[last].substring(end - starts[last]);
        int firstStart = starts[first];
        // Keep chunks from getting small: fold a small result into a neighbour.
        if (head.length() + inserted.length() + tail.length() < chunk / 4) {
            if (last + 1 < n) {
                last++;
                tail = tail.concat(chunks[last]);
            } else if (first > 0) {
                first--;
                head = chunks[first].concat(head);
                firstStart = starts[first];
            }
        }
        String combined = head.concat(inserted).concat(tail);
        String[] pieces = split(combined, chunk);
        int delta = inserted.length() - (end - start);
        int after = n - (last + 1);
        String[] newChunks = new String[first + pieces.length + after];
        System.arraycopy(chunks, 0, newChunks, 0, first);
        System.arraycopy(pieces, 0, newChunks, first, pieces.length);
        System.arraycopy(chunks, last + 1, newChunks, first + pieces.length, after);
        int[] newStarts = new int[newChunks.length + 1];
        System.arraycopy(starts, 0, newStarts, 0, first);
        int at = firstStart;
        for (int i = 0; i < pieces.length; i++) {
            newStarts[first + i] = at;
            at += pieces[i].length();
        }
        for (int i = 0; i <= after; i++) {
            newStarts[first + pieces.length + i] = starts[last + 1 + i] + delta;
        }
        return new TextChunks(chunk, newChunks, newStarts, null);
    }

    /** Index of the chunk holding {@code offset} ({@code 0 <= offset < length}). */
    private int chunkOf(int offset) {
        int low = 0;
        int high = chunks.length - 1;
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (starts[mid] <= offset) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return low;
    }

    private static String[] split(String text, int chunk) {
        int length = text.length();
        if (length == 0) {
            return NO_CHUNKS;
        }
        if (length <= 2 * chunk) {
            return new String[] {text};
        }
        int count = (length + chunk - 1) / chunk;
        String[] pieces = new String[count];
        for (int i = 0; i < count; i++) {
            pieces[i] = text.substring(i * chunk, Math.min(length, (i + 1) * chunk));
        }
        return pieces;
    }

    private static int[] startsOf(String[] pieces) {
        int[] result = new int[pieces.length + 1];
        int at = 0;
        for (int i = 0; i < pieces.length; i++) {
            result[i] = at;
            at += pieces[i].length();
        }
        result[pieces.length] = at;
        return result;
    }
}
