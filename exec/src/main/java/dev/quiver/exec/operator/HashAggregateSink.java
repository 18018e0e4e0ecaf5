package dev.quiver.exec.operator;

import dev.quiver.error.QuiverException;
import dev.quiver.exec.aggregate.AggregateFunction;
import dev.quiver.exec.aggregate.Aggregates;
import dev.quiver.exec.aggregate.DistinctAggregate;
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
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.arrow.vector.FieldVector;

/**
 * Hash aggregation as a sink: each worker aggregates into its own {@link Local} (hash table plus
 * one {@link GroupState} per aggregate), locals are combined group by group through the aggregate
 * contract, and finishing writes keys and final values as batches for the next pipeline.
 *
 * <p>Many groups: a worker's table that nears {@link #FIRST_SPILL_GROUPS} groups is spilled between
 * batches as a run (its groups copied out, sorted by partition: the top bits of their hash), and the
 * worker goes on with the same table emptied, which stays in the cache. Finishing then merges each
 * partition's groups of all runs on its own, the workers taking partitions in parallel, into a
 * table a fraction of the size (radix-partitioned aggregation: Leis et al., "Morsel-Driven
 * Parallelism", SIGMOD 2014, section 4.4; DuckDB's partitioned hash aggregate). No table larger
 * than the cache is probed row by row, each run is read in order, and the merge is not serial. The
 * price: runs hold every group a worker's table held, so an aggregation whose rows rarely share a
 * group keeps about a group per input row until it finishes. Aggregates with DISTINCT never spill.
 *
 * <p>Many groups of one integer key dense in a range and arriving in no order (TPC-H Q13's orders
 * counted per customer) are not spilled: when a worker's table first nears {@link
 * #FIRST_SPILL_GROUPS} groups whose keys span at most {@link #DIRECTORY_SPAN} values, the table maps
 * that range directly ({@link GroupByHashTable#useDirectory}) and keeps growing, each row's lookup
 * one read of the directory. Spilled, such rows rarely meet their group again before it is copied
 * out, so nearly every row would become a run's group, to be copied, sorted and merged. Keys that
 * arrive in order (lineitem's order keys) take no directory: spilled, their runs cost no more.
 * Should more than {@link #SPILL_GROUPS} new groups fall outside the range (and beyond what it may
 * widen to), the table spills as above and drops the directory.
 */
public final class HashAggregateSink implements Sink {
    /**
     * Groups a worker's table may hold before it is spilled: its slots, hashes, keys and a count
     * take about 2.5 MB, which a core's 4 MB share of the development machine's L3 (8 MiB by
     * {@code lscpu}; the value was tuned when it reported 32 MB) holds with the input's batches. A
     * table is spilled once a batch more could take it past this, so it seldom grows beyond (a
     * join can push more rows than a batch holds, and a finish pushes its held-back rows after).
     */
    static final int SPILL_GROUPS = 1 << 16;
    /**
     * Groups a worker's first table may hold before it is spilled: twice {@link #SPILL_GROUPS}, so
     * that an aggregation of up to about 100,000 groups (TPC-H Q13's customers at SF 1) is not
     * spilled at all; both workers' tables (5 MB each) shared the 32 MB L3 it was tuned on, and
     * outgrow together the 8 MiB the development machine now reports.
     */
    static final int FIRST_SPILL_GROUPS = 1 << 17;
    /**
     * Bits of the hash that pick a group's partition: 64 partitions keep each partition's table of
     * a million groups (TPC-H's customers at SF 10) within a core's L2, and each run's slice of a
     * partition long enough (a thousand groups) to be read in order.
     */
    static final int PARTITION_BITS = 6;
    /**
     * Widest key range a worker's table maps directly: 4M values, a 16 MB directory per worker,
     * less than the runs of the up to 4M groups of such a range would take spilled (a key, a hash
     * and the states: tens of bytes a group). It covers TPC-H's customer keys up to SF 25.
     */
    static final int DIRECTORY_SPAN = 1 << 22;

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
    /** Whether a worker's full table may be spilled as a run: there are keys, and no DISTINCT (whose states do not split by group). */
    private final boolean spills;
    private final List<Local> locals = new ArrayList<>();
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
        List<Optional<Object>> stateKeys = Arrays.stream(functions).map(AggregateFunction::sharedStateKey).toList();
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
        spills = !keyTypes.isEmpty() && Arrays.stream(functions).noneMatch(f -> f instanceof DistinctAggregate);
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
        /** The full tables this worker spilled, oldest first. */
        private final List<Run> runs = new ArrayList<>();
        /** The Java heap of {@link #runs}. */
        private long runBytes;
        /** Whether the table was offered a directory ({@link #afterBatch}); it is offered one once. */
        private boolean directoryOffered;

        Local() {
            table = keyTypes.isEmpty() ? null : new GroupByHashTable(keyTypes);
            states = newStates();
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
                Arrays.fill(groupIds, 0, n, 0);
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

        /**
         * Spills the table as a run once another batch could take it past {@link #FIRST_SPILL_GROUPS}
         * groups (the first time) or {@link #SPILL_GROUPS} (after), unless its keys take a
         * directory instead (see the class comment). Between batches, because generated code
         * forgets the groups it remembers at each batch's start.
         */
        @Override
        public void afterBatch() {
            if (!spills) {
                return;
            }
            if (table.hasDirectory()) {
                if (table.groupsOutsideDirectory() > SPILL_GROUPS - Selections.BATCH_SIZE) {
                    // Spilled first, so that dropping the directory has no groups to enter in the slots.
                    spill();
                    table.dropDirectory();
                }
                return;
            }
            if (table.groupCount() > (runs.isEmpty() ? FIRST_SPILL_GROUPS : SPILL_GROUPS) - Selections.BATCH_SIZE) {
                if (!directoryOffered && runs.isEmpty()) {
                    directoryOffered = true;
                    if (table.useDirectory(DIRECTORY_SPAN)) {
                        return;
                    }
                }
                spill();
            }
        }

        /** Copies the groups out as a run sorted by partition, and empties the table and states. */
        private void spill() {
            int groups = table.groupCount();
            int[] starts = new int[(1 << PARTITION_BITS) + 1];
            int[] order = partitionOrder(table.hashes(), groups, starts);
            GroupState[] copied = newStates();
            for (GroupState s : copied) {
                s.ensureCapacity(groups);
            }
            combineStates(copied, states, order, Selections.identity(groups), groups);
            Run run = new Run(table.copyGroups(order, groups), copied, starts);
            runs.add(run);
            runBytes += ValueVector.heapBytes(run.keys().keys()) + 8L * groups + 4L * starts.length + statesHeapBytes(copied);
            for (int a = 0; a < states.length; a++) {
                if (sharesStateOf[a] < 0) {
                    states[a].clear(groups);
                }
            }
            table.clear(SPILL_GROUPS);
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
            return (table == null ? 0 : table.heapBytes()) + ValueVector.heapBytes(keys) + ValueVector.heapBytes(arguments)
                    + 4L * groupIds.length + statesHeapBytes(states) + runBytes;
        }

        @Override
        public void close() {
        }
    }

    /**
     * A worker's spilled groups: their keys and hashes, their states, and per partition p where its
     * groups are: entries {@code starts[p]..starts[p+1]-1}.
     */
    private record Run(GroupByHashTable.GroupKeys keys, GroupState[] states, int[] starts) {
    }

    /** One initial state per aggregate, an aggregate that shares another's state given that one. */
    private GroupState[] newStates() {
        GroupState[] states = new GroupState[functions.length];
        for (int a = 0; a < functions.length; a++) {
            states[a] = sharesStateOf[a] >= 0 ? states[sharesStateOf[a]] : functions[a].createState();
        }
        return states;
    }

    /** The states' own Java heap, a shared state counted once. */
    private long statesHeapBytes(GroupState[] states) {
        long bytes = 0;
        for (int a = 0; a < states.length; a++) {
            bytes += sharesStateOf[a] >= 0 ? 0 : states[a].heapBytes();
        }
        return bytes;
    }

    /** Merges group {@code sources[k]} of each source state into group {@code targets[k]} of its target, for k < n. */
    private void combineStates(GroupState[] target, GroupState[] source, int[] sources, int[] targets, int n) {
        for (int a = 0; a < functions.length; a++) {
            if (sharesStateOf[a] >= 0) {
                continue;
            }
            try {
                functions[a].combine(target[a], source[a], sources, targets, n);
            } catch (QuiverException e) {
                throw e.attachPosition(positions[a]);
            }
        }
    }

    @Override
    public void combine(LocalSink localSink, QueryContext context) {
        locals.add((Local) localSink);
    }

    @Override
    public void finish(QueryContext context) {
        boolean spilled = locals.stream().anyMatch(l -> !l.runs.isEmpty());
        List<Local> parts = spilled ? mergeRuns(context) : List.of(mergeAll());
        locals.clear();
        for (Local part : parts) {
            write(part, context);
        }
    }

    /** Every local merged into the first, one after another: no worker spilled, so the groups are few. */
    private Local mergeAll() {
        if (locals.isEmpty()) {
            return new Local();
        }
        Local global = locals.get(0);
        for (Local local : locals.subList(1, locals.size())) {
            int groups = local.groupCount();
            int[] targetOf = new int[groups];
            if (local.table != null) {
                targetOf = global.table.mergeFrom(local.table);
                global.ensureGroups(global.groupCount());
            }
            combineStates(global.states, local.states, Selections.identity(groups), targetOf, groups);
        }
        return global;
    }

    /**
     * Every worker's runs merged partition by partition (each worker's last groups spilled first):
     * the workers take partitions and merge each partition's groups of every run into a table of
     * its own. A group's partition is a function of its key, so no two partitions hold the same
     * group, and the partitions' groups, one after another, are the aggregation's.
     */
    private List<Local> mergeRuns(QueryContext context) {
        List<Run> runs = new ArrayList<>();
        for (Local local : locals) {
            if (local.table.groupCount() > 0) {
                local.spill();
            }
            runs.addAll(local.runs);
        }
        Local[] parts = new Local[1 << PARTITION_BITS];
        AtomicInteger next = new AtomicInteger();
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int w = 0; w < context.parallelism(); w++) {
            tasks.add(() -> {
                int p;
                while ((p = next.getAndIncrement()) < parts.length) {
                    context.checkCancelled();
                    parts[p] = mergePartition(runs, p);
                }
                return null;
            });
        }
        context.scheduler().runAll(tasks, () -> context.cancel("canceling statement: another worker failed"));
        return List.of(parts);
    }

    /**
     * The groups ordered by partition, the top {@link #PARTITION_BITS} bits of their hash (a
     * counting sort), and in {@code starts} where each partition begins (and, last, ends).
     */
    private static int[] partitionOrder(long[] hashes, int groups, int[] starts) {
        int shift = Long.SIZE - PARTITION_BITS;
        for (int g = 0; g < groups; g++) {
            starts[(int) (hashes[g] >>> shift) + 1]++;
        }
        for (int p = 1; p < starts.length; p++) {
            starts[p] += starts[p - 1];
        }
        int[] fill = Arrays.copyOf(starts, starts.length - 1);
        int[] order = new int[groups];
        for (int g = 0; g < groups; g++) {
            order[fill[(int) (hashes[g] >>> shift)]++] = g;
        }
        return order;
    }

    /** The groups of partition {@code p} of every run, merged into a new table and states. */
    private Local mergePartition(List<Run> runs, int p) {
        Local target = new Local();
        int[] sources = new int[0];
        for (Run run : runs) {
            int from = run.starts()[p];
            int n = run.starts()[p + 1] - from;
            if (n == 0) {
                continue;
            }
            if (sources.length < n) {
                sources = new int[Math.max(n, 2 * sources.length)];
            }
            for (int k = 0; k < n; k++) {
                sources[k] = from + k;
            }
            int[] targets = target.table.mergeFrom(run.keys(), sources, n);
            target.ensureGroups(target.table.groupCount());
            combineStates(target.states, run.states(), sources, targets, n);
        }
        return target;
    }

    /** Writes the groups' keys and final values as batches of the output. */
    private void write(Local global, QueryContext context) {
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
    }
}
