package dev.quiver.exec.aggregate;

/**
 * The partial states of one aggregate for a dense range of groups {@code 0..n-1}, held in arrays
 * indexed by group id so that updates are array stores (and generated code can make them inline).
 */
public interface GroupState {
    /** Makes room for groups {@code 0..groups-1}; new groups start in the aggregate's initial state. */
    void ensureCapacity(int groups);

    /** The Java heap the states take (their arrays' lengths), counted against the query's memory limit. */
    long heapBytes();

    /**
     * Returns every group in use, {@code 0..groups-1}, to the initial state, keeping the capacity (a
     * spilled table's states start over); {@code groups} is how many are in use.
     */
    void clear(int groups);
}
