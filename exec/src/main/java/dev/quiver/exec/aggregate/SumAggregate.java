package dev.quiver.exec.aggregate;

import dev.quiver.exec.function.Decimals;
import dev.quiver.exec.function.Int128;
import dev.quiver.exec.vector.ValueVector;
import dev.quiver.planner.type.DataType;
import java.util.List;
import java.util.Optional;

/**
 * SUM. Small integers sum into a BIGINT (overflow is an error); BIGINTs and decimals into a 128-bit
 * DECIMAL(38, s) (overflowing 38 digits is an error); REAL and DOUBLE into a double. The sum of no
 * values is NULL.
 */
public final class SumAggregate implements AggregateFunction {
    enum Accumulator {
        LONG, WIDE, DOUBLE
    }

    private final DataType result;
    private final Accumulator accumulator;

    public SumAggregate(DataType input, DataType result) {
        this.result = result;
        this.accumulator = input.isApproximateNumeric() ? Accumulator.DOUBLE
                : result.isDecimal() ? Accumulator.WIDE : Accumulator.LONG;
    }

    @Override
    public DataType resultType() {
        return result;
    }

    @Override
    public List<DataType> stateTypes() {
        return List.of(result);
    }

    @Override
    public Optional<Object> sharedStateKey() {
        return accumulator == Accumulator.WIDE ? Optional.of(new WideSumState.Key(result.scale())) : Optional.empty();
    }

    @Override
    public GroupState createState() {
        return switch (accumulator) {
            case LONG -> new LongSumState();
            case WIDE -> new WideSumState(result.scale());
            case DOUBLE -> new DoubleSumState();
        };
    }

    @Override
    public void update(GroupState state, int[] groupIds, ValueVector in, int[] sel, int n) {
        boolean[] nulls = in.nulls;
        switch (accumulator) {
            case LONG -> {
                LongSumState s = (LongSumState) state;
                for (int k = 0; k < n; k++) {
                    int i = sel[k];
                    if (!nulls[i]) {
                        s.add(groupIds[k], in.longs[i]);
                    }
                }
            }
            case WIDE -> ((WideSumState) state).addAll(groupIds, in, sel, n);
            case DOUBLE -> ((DoubleSumState) state).addAll(groupIds, in, sel, n);
        }
    }

    @Override
    public void combine(GroupState target, GroupState source, int[] sources, int[] targets, int n) {
        switch (accumulator) {
            case LONG -> {
                LongSumState t = (LongSumState) target;
                LongSumState s = (LongSumState) source;
                for (int k = 0; k < n; k++) {
                    int g = sources[k];
                    if (s.seen[g]) {
                        t.add(targets[k], s.sums[g]);
                    }
                }
            }
            case WIDE -> ((WideSumState) target).mergeAll((WideSumState) source, sources, targets, n);
            case DOUBLE -> ((DoubleSumState) target).mergeAll((DoubleSumState) source, sources, targets, n);
        }
    }

    @Override
    public void finalizeGroups(GroupState state, int groups, ValueVector out) {
        out.ensureCapacity(groups);
        switch (accumulator) {
            case LONG -> {
                LongSumState s = (LongSumState) state;
                for (int g = 0; g < groups; g++) {
                    out.nulls[g] = !s.seen[g];
                    out.longs[g] = s.sums[g];
                }
            }
            case WIDE -> {
                WideSumState s = (WideSumState) state;
                for (int g = 0; g < groups; g++) {
                    out.nulls[g] = s.count(g) == 0;
                    if (!out.nulls[g] && !Int128.fitsPrecision(s.high(g), s.low(g), result.precision())) {
                        throw Decimals.overflow(result.precision(), result.scale());
                    }
                    out.highs[g] = s.high(g);
                    out.longs[g] = s.low(g);
                }
            }
            case DOUBLE -> {
                DoubleSumState s = (DoubleSumState) state;
                for (int g = 0; g < groups; g++) {
                    out.nulls[g] = s.counts[g] == 0;
                    out.doubles[g] = s.sums[g];
                }
            }
        }
    }

    @Override
    public SerializedState serialize(GroupState state, int groups) {
        ValueVector v = new ValueVector(result, groups);
        finalizeGroups(state, groups, v);
        return new SerializedState(List.of(v), groups);
    }

    @Override
    public GroupState deserialize(SerializedState serialized, int groups) {
        GroupState state = createState();
        state.ensureCapacity(groups);
        ValueVector v = serialized.columns().get(0);
        int[] identity = new int[groups];
        for (int g = 0; g < groups; g++) {
            identity[g] = g;
        }
        // A serialized sum is a sum of one value: folding it in reproduces the state.
        SumAggregate reader = new SumAggregate(result, result);
        reader.update(state, identity, v, identity, groups);
        return state;
    }
}
