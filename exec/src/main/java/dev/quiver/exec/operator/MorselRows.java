package dev.quiver.exec.operator;

import static java.util.Objects.requireNonNull;

import dev.quiver.planner.type.DataType;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rows kept per morsel, so that they can be read back in morsel order: the input's order, however
 * the morsels were spread over workers. Each worker fills its own instance; the sink then moves
 * them into one (workers take disjoint morsels, so nothing collides).
 */
final class MorselRows {
    private final List<DataType> types;
    private final TreeMap<Integer, RowBuffer> byMorsel = new TreeMap<>();
    /** The buffer of the morsel last asked for: a morsel's batches come one after another. */
    private RowBuffer last;
    private int lastMorsel = -1;
    /**
     * The heap of every buffer but {@link #last}: only the last one grows between calls, so
     * {@link #heapBytes} (asked after every batch) need not walk all of them.
     */
    private long earlierBytes;

    MorselRows(List<DataType> types) {
        this.types = List.copyOf(requireNonNull(types, "types"));
    }

    /** The Java heap the buffered rows take. */
    long heapBytes() {
        return earlierBytes + (last == null ? 0 : last.heapBytes());
    }

    /** The buffer of morsel {@code m}'s rows (created empty on first use). */
    RowBuffer of(int m) {
        if (m != lastMorsel || last == null) {
            earlierBytes += last == null ? 0 : last.heapBytes();
            RowBuffer again = byMorsel.get(m);
            if (again != null) {
                // A morsel asked for again: from now on it counts as the last buffer, not among the earlier ones.
                earlierBytes -= again.heapBytes();
                last = again;
            } else {
                last = new RowBuffer(types);
                byMorsel.put(m, last);
            }
            lastMorsel = m;
        }
        return last;
    }

    /** Moves the buffers of another instance (of other morsels) into this one. */
    void takeAll(MorselRows other) {
        byMorsel.putAll(other.byMorsel);
        earlierBytes += other.heapBytes();
        other.byMorsel.clear();
        other.last = null;
        other.earlierBytes = 0;
    }

    /** The first {@code limit} rows in morsel order, in one buffer (the only buffer itself when it is all). */
    RowBuffer concat(long limit) {
        if (byMorsel.size() == 1 && byMorsel.firstEntry().getValue().rows() <= limit) {
            return byMorsel.firstEntry().getValue();
        }
        RowBuffer all = new RowBuffer(types);
        for (Map.Entry<Integer, RowBuffer> e : byMorsel.entrySet()) {
            RowBuffer b = e.getValue();
            if (all.rows() >= limit) {
                break;
            }
            all.appendRange(b, 0, (int) Math.min(b.rows(), limit - all.rows()));
        }
        return all;
    }

    void clear() {
        byMorsel.clear();
        last = null;
        earlierBytes = 0;
    }
}
