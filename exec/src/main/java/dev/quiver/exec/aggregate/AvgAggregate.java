package dev.quiver.exec.aggregate;

import dev.quiver.exec.function.Decimals;
import dev.quiver.exec.vector.ValueVector;
import dev.quiver.planner.type.DataType;
import java.util.List;
import java.util.Optional;

/**
 * AVG as a DOUBLE. Exact inputs keep an exact 128-bit sum and their average is the double nearest
 * the exact quotient (rounded once, see {@link Decimals#average}); approximate inputs keep a double
 * sum. Both keep a count. No values: NULL.
 */
public final class AvgAggregate implements AggregateFunction {
    private final boolean exact;
    private final DataType sumType;

    public AvgAggregate(DataType input) {
        this.exact = input.isExactNumeric();
        this.sumType = exact ? DataType.decimal(DataType.MAX_DECIMAL_PRECISION, input.isDecimal() ? input.scale() : 0)
                : DataType.DOUBLE;
    }

    @Override
    public DataType resultType() {
        return DataType.DOUBLE;
    }

    @Override
    public List<DataType> stateTypes() {
        return List.of(sumType, DataType.BIGINT);
    }

    @Override
    public Optional<Object> sharedStateKey() {
        return exact ? Optional.of(new WideSumState.Key(sumType.scale())) : Optional.empty();
    }

    @Override
    public GroupState createState() {
        return exact ? new WideSumState(sumType.scale()) : new DoubleSumState();
    }

    @Override
    public void update(GroupState state, int[] groupIds, ValueVector in, int[] sel, int n) {
        if (exact) {
            ((WideSumState) state).addAll(groupIds, in, sel, n);
        } else {
            ((DoubleSumState) state).addAll(groupIds, in, sel, n);
        }
    }

    @Override
    public void combine(GroupState target, GroupState source, int[] sources, int[] targets, int n) {
        if (exact) {
            ((WideSumState) target).mergeAll((WideSumState) source, sources, targets, n);
        } else {
            ((DoubleSumState) target).mergeAll((DoubleSumState) source, sources, targets, n);
        }
    }

    @Override
    public void finalizeGroups(GroupState state, int groups, ValueVector out) {
        out.ensureCapacity(groups);
        int scale = sumType.scale();
        for (int g = 0; g < groups; g++) {
            long count;
            double average;
            if (exact) {
                WideSumState s = (WideSumState) state;
                count = s.count(g);
                average = count == 0 ? 0 : Decimals.average(s.high(g), s.low(g), scale, count);
            } else {
                DoubleSumState s = (DoubleSumState) state;
                count = s.counts[g];
                average = count == 0 ? 0 : s.sums[g] / count;
            }
            out.nulls[g] = count == 0;
            out.doubles[g] = average;
        }
    }

    @Override
    public SerializedState serialize(GroupState state, int groups) {
        ValueVector sums = new ValueVector(sumType, groups);
        ValueVector counts = new ValueVector(DataType.BIGINT, groups);
        for (int g = 0; g < groups; g++) {
            if (exact) {
                WideSumState s = (WideSumState) state;
                sums.highs[g] = s.high(g);
                sums.longs[g] = s.low(g);
                counts.longs[g] = s.count(g);
            } else {
                DoubleSumState s = (DoubleSumState) state;
                sums.doubles[g] = s.sums[g];
                counts.longs[g] = s.counts[g];
            }
        }
        return new SerializedState(List.of(sums, counts), groups);
    }

    @Override
    public GroupState deserialize(SerializedState serialized, int groups) {
        ValueVector sums = serialized.columns().get(0);
        ValueVector counts = serialized.columns().get(1);
        GroupState state = createState();
        state.ensureCapacity(groups);
        for (int g = 0; g < groups; g++) {
            if (exact) {
                WideSumState s = (WideSumState) state;
                s.set(g, sums.highs[g], sums.longs[g], counts.longs[g]);
            } else {
                DoubleSumState s = (DoubleSumState) state;
                s.sums[g] = sums.doubles[g];
                s.counts[g] = counts.longs[g];
            }
        }
        return state;
    }
}
