package dev.quiver.exec.aggregate;

import dev.quiver.exec.batch.Selections;
import dev.quiver.exec.vector.ValueVector;
import dev.quiver.planner.type.DataType;
import java.util.List;
import java.util.Optional;

/**
 * A combinable aggregate: the one contract behind parallel aggregation (thread-local states
 * combined at the end), continuous views (stored states combined with each micro-batch, finalized
 * at read time) and sharded views. Nothing outside this contract knows how an aggregate works.
 *
 * <p>Life of a state: {@link #createState()} (every group starts in the initial state, e.g. count 0,
 * sum "no input"), any number of {@link #update}s, any number of {@link #combine}s into it or from
 * it, then {@link #finalizeGroups} once. {@link #serialize}/{@link #deserialize} round-trip a state
 * exactly, so a deserialized state combines as the original would.
 *
 * <p>Invariants callers rely on: update ignores NULL inputs (except COUNT(*), which has none);
 * combining is associative and commutative, and combining an initial state changes nothing; the
 * result of a group with no input is COUNT's 0 or NULL for every other aggregate. Implementations
 * are stateless and thread-safe; states are not (one per thread).
 */
public interface AggregateFunction {
    /** The SQL type of the final value. */
    DataType resultType();

    /** The SQL types of the serialized state's columns. */
    List<DataType> stateTypes();

    GroupState createState();

    /**
     * Folds rows {@code sel[0..n)} into their groups: row {@code sel[k]} belongs to group
     * {@code groupIds[k]}. {@code input} is position-aligned with the batch (absent for COUNT(*)).
     * The state already has capacity for every group id passed.
     */
    void update(GroupState state, int[] groupIds, ValueVector input, int[] sel, int n);

    /**
     * Merges group {@code sources[k]} of {@code source} into group {@code targets[k]} of {@code
     * target}, for k < n; source groups not listed are left out. No source group is listed twice.
     * The target already has capacity for every group id passed.
     */
    void combine(GroupState target, GroupState source, int[] sources, int[] targets, int n);

    /** Merges group {@code s} of {@code source} into group {@code targetOf[s]} of {@code target}, for s < sourceGroups. */
    default void combine(GroupState target, GroupState source, int[] targetOf, int sourceGroups) {
        combine(target, source, Selections.identity(sourceGroups), targetOf, sourceGroups);
    }

    /** Writes the final values of groups {@code 0..groups-1} to entries {@code 0..groups-1} of {@code out}. */
    void finalizeGroups(GroupState state, int groups, ValueVector out);

    SerializedState serialize(GroupState state, int groups);

    /** A state for {@code groups} groups read back from {@link #serialize}'s output. */
    GroupState deserialize(SerializedState serialized, int groups);

    /**
     * What the state is, for sharing one state between aggregates: two functions with equal
     * non-empty keys, fed the same argument, keep states that are equal after every update and
     * combine, and each finalizes correctly from the other's state. SUM and AVG of one decimal both
     * keep its 128-bit sum and count (TPC-H Q1 asks for both of two columns). Empty (the default):
     * the state is the function's own.
     */
    default Optional<Object> sharedStateKey() {
        return Optional.empty();
    }
}
