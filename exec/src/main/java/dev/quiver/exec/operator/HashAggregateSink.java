package dev.quiver.exec.operator;

import dev.quiver.error.QuiverException;
import dev.quiver.exec.aggregate.AggregateFunction;
import dev.quiver.exec.aggregate.Aggregates;
import dev.quiver.exec.aggregate.GroupByHashTable;
import dev.quiver.exec.aggregate.GroupState;
import dev.quiver.exec.batch.Batch;
import dev.quiver.exec.batch.Selections;
import dev.quiver.exec.expr.Layout;
import dev.quiver.exec.pipeline.LocalSink;
import dev.quiver.exec.pipeline.QueryContext;
import dev.quiver.exec.pipeline.Sink;
import dev.quiver.exec.vector.ArrowColumns;
import dev.quiver.exec.vector.ValueVector;
import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.physical.HashAggregate;
import dev.quiver.planner.plan.AggregateAssignment;
import dev.quiver.planner.type.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.arrow.vector.FieldVector;

/**
 * Hash aggregation as a sink: each worker aggregates into its own {@link Local} (hash table plus
 * one {@link GroupState} per aggregate), locals are combined group by group through the aggregate
 * contract, and finishing writes keys and final values as batches for the next pipeline.
 */
public final class HashAggregateSink implements Sink {
    private final List<DataType> keyTypes;
    private final int[] keyColumns;
    private final AggregateFunction[] functions;
    private final int[] argumentColumns;
    private final DataType[] argumentTypes;
    private final int[] positions;
    /**
     * Per aggregate, the earlier aggregate whose state it shares (same argument, equal {@link
     * AggregateFunction#sharedStateKey}), or -1: a shared state is updated and combined once, for
     * the aggregate that owns it, and every aggregate finalizes from it.
     */
    private final int[] sharesStateOf;
    private final List<ColumnRef> outputs;
    private Local global;
    private final List<Batch> output = new ArrayList<>();

    public HashAggregateSink(HashAggregate operator, Layout input) {
        keyTypes = operator.groupKeys().stream().map(ColumnRef::type).toList();
        keyColumns = operator.groupKeys().stream().mapToInt(input::indexOf).toArray();
        List<AggregateAssignment> aggregates = operator.aggregates();
        functions = new AggregateFunction[aggregates.size()];
        argumentColumns = new int[aggregates.size()];
        argumentTypes = new DataType[aggregates.size()];
        positions = new int[aggregates.size()];
        for (int a = 0; a < functions.length; a++) {
            functions[a] = Aggregates.create(aggregates.get(a).call());
            List<ColumnRef> args = aggregates.get(a).call().arguments();
            argumentColumns[a] = args.isEmpty() ? -1 : input.indexOf(args.get(0));
            argumentTypes[a] = args.isEmpty() ? null : args.get(0).type();
            positions[a] = aggregates.get(a).call().position();
        }
        sharesStateOf = new int[functions.length];
        List<Optional<Object>> stateKeys = java.util.Arrays.stream(functions).map(AggregateFunction::sharedStateKey).toList();
        for (int a = 0; a < functions.length; a++) {
            sharesStateOf[a] = -1;
            for (int b = 0; b < a && sharesStateOf[a] < 0; b++) {
                if (sharesStateOf[b] < 0 && argumentColumns[b] >= 0 && argumentColumns[b] == argumentColumns[a]
                        && stateKeys.get(a).isPresent() && stateKeys.get(a).equals(stateKeys.get(b))) {
                    sharesStateOf[a] = b;
                }
            }
        }
        outputs = operator.outputColumns(List.of(input.columns()));
    }

    /** The earlier aggregate whose state aggregate {@code a} shares, or -1 if it keeps its own (then updates are its own to do). */
    public int sharesStateOf(int a) {
        return sharesStateOf[a];
    }

    public List<DataType> keyTypes() {
        return keyTypes;
    }

    public int[] keyColumns() {
        return keyColumns.clone();
    }

    public AggregateFunction function(int a) {
        return functions[a];
    }

    public int[] argumentColumns() {
        return argumentColumns.clone();
    }

    /** Where aggregate {@code a} is written in the SQL text (-1 if unknown): its errors point there. */
    public int position(int a) {
        return positions[a];
    }

    /** The finished result (valid after {@link #finish}). */
    public List<Batch> output() {
        return output;
    }

    @Override
    public Local createLocal(QueryContext context) {
        return new Local();
    }

    /**
     * A worker's aggregation state. Generated code updates it directly: it finds the group with
     * {@link #table()} and folds values into {@link #state(int)} through the aggregate's state
     * methods, exactly as {@link #consume} does through {@code update}.
     */
    public final class Local implements LocalSink {
        private final GroupByHashTable table;
        private final GroupState[] states;
        private final ValueVector[] keys;
        private final ValueVector[] arguments;
        private int[] groupIds = new int[Selections.BATCH_SIZE];
        private int capacity;

        Local() {
            table = keyTypes.isEmpty() ? null : new GroupByHashTable(keyTypes);
            states = new GroupState[functions.length];
            for (int a = 0; a < functions.length; a++) {
                states[a] = sharesStateOf[a] >= 0 ? states[sharesStateOf[a]] : functions[a].createState();
            }
            keys = new ValueVector[keyTypes.size()];
            for (int k = 0; k < keys.length; k++) {
                keys[k] = new ValueVector(keyTypes.get(k), 1);
            }
            arguments = new ValueVector[functions.length];
            ensureGroups(1);
        }

        public GroupByHashTable table() {
            return table;
        }

        public GroupState state(int a) {
            return states[a];
        }

        /** Number of groups (1 for a global aggregation, which always has its one group). */
        public int groupCount() {
            return table == null ? 1 : table.groupCount();
        }

        /** Makes every state hold at least {@code groups} groups (called after new groups appear). */
        public void ensureGroups(int groups) {
            if (groups > capacity) {
                int c = Math.max(groups, capacity * 2);
                for (GroupState s : states) {
                    s.ensureCapacity(c);
                }
                capacity = c;
            }
        }

        @Override
        public void consume(Batch batch, int morsel) {
            int n = batch.selectedCount();
            int[] sel = batch.positions();
            if (groupIds.length < n) {
                groupIds = new int[batch.rowCount()];
            }
            if (table == null) {
                java.util.Arrays.fill(groupIds, 0, n, 0);
            } else {
                for (int k = 0; k < keys.length; k++) {
                    keys[k].ensureCapacity(batch.rowCount());
                    keys[k].resetArena();
                    ArrowColumns.read(batch.column(keyColumns[k]), keyTypes.get(k), sel, n, keys[k], -1);
                }
                table.findOrInsert(keys, sel, n, groupIds);
                ensureGroups(table.groupCount());
            }
            for (int a = 0; a < functions.length; a++) {
                if (sharesStateOf[a] >= 0) {
                    continue;
                }
                ValueVector arg = null;
                if (argumentColumns[a] >= 0) {
                    arg = argument(a, batch);
                    ArrowColumns.read(batch.column(argumentColumns[a]), arg.type, sel, n, arg, -1);
                }
                try {
                    functions[a].update(states[a], groupIds, arg, sel, n);
                } catch (QuiverException e) {
                    throw e.attachPosition(positions[a]);
                }
            }
        }

        private ValueVector argument(int a, Batch batch) {
            ValueVector v = arguments[a];
            if (v == null) {
                v = new ValueVector(argumentTypes[a], batch.rowCount());
                arguments[a] = v;
            }
            v.ensureCapacity(batch.rowCount());
            v.resetArena();
            return v;
        }

        @Override
        public long heapBytes() {
            long bytes = (table == null ? 0 : table.heapBytes()) + ValueVector.heapBytes(keys) + ValueVector.heapBytes(arguments)
                    + 4L * groupIds.length;
            for (int a = 0; a < states.length; a++) {
                bytes += sharesStateOf[a] >= 0 ? 0 : states[a].heapBytes();
            }
            return bytes;
        }

        @Override
        public void close() {
        }
    }

    @Override
    public long heapBytes() {
        return global == null ? 0 : global.heapBytes();
    }

    @Override
    public void combine(LocalSink localSink, QueryContext context) {
        Local local = (Local) localSink;
        if (global == null) {
            global = local;
            return;
        }
        int groups = local.groupCount();
        int[] targetOf = new int[groups];
        if (local.table != null) {
            targetOf = global.table.mergeFrom(local.table);
            global.ensureGroups(global.groupCount());
        }
        for (int a = 0; a < functions.length; a++) {
            if (sharesStateOf[a] >= 0) {
                continue;
            }
            try {
                functions[a].combine(global.states[a], local.states[a], targetOf, groups);
            } catch (QuiverException e) {
                throw e.attachPosition(positions[a]);
            }
        }
    }

    @Override
    public void finish(QueryContext context) {
        if (global == null) {
            global = new Local();
        }
        int groups = global.groupCount();
        ValueVector[] columns = new ValueVector[outputs.size()];
        int c = 0;
        if (global.table != null) {
            for (ValueVector k : global.table.keys()) {
                columns[c++] = k;
            }
        }
        for (int a = 0; a < functions.length; a++) {
            ValueVector v = new ValueVector(functions[a].resultType(), groups);
            try {
                functions[a].finalizeGroups(global.states[a], groups, v);
            } catch (QuiverException e) {
                throw e.attachPosition(positions[a]);
            }
            columns[c++] = v;
        }
        for (int from = 0; from < groups; from += Selections.BATCH_SIZE) {
            int n = Math.min(Selections.BATCH_SIZE, groups - from);
            int[] positions = new int[n];
            for (int k = 0; k < n; k++) {
                positions[k] = from + k;
            }
            FieldVector[] vectors = new FieldVector[columns.length];
            for (int i = 0; i < columns.length; i++) {
                vectors[i] = context.register(ArrowColumns.create(outputs.get(i).name(), outputs.get(i).type(), context.allocator(), false));
                ArrowColumns.write(columns[i], positions, n, vectors[i]);
            }
            output.add(Batch.of(vectors, n));
        }
        global = null;
    }
}
