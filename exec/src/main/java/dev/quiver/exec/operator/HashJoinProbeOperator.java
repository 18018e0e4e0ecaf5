package dev.quiver.exec.operator;

import static java.util.Objects.requireNonNull;

import dev.quiver.error.QuiverException;
import dev.quiver.error.SqlState;
import dev.quiver.exec.batch.Batch;
import dev.quiver.exec.batch.Selections;
import dev.quiver.exec.expr.ExpressionEvaluator;
import dev.quiver.exec.expr.Layout;
import dev.quiver.exec.pipeline.QueryContext;
import dev.quiver.exec.vector.ArrowColumns;
import dev.quiver.exec.vector.ValueComparisons;
import dev.quiver.exec.vector.ValueVector;
import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.expr.Expr;
import dev.quiver.planner.expr.Exprs;
import dev.quiver.planner.physical.HashJoin;
import dev.quiver.planner.plan.JoinType;
import dev.quiver.planner.type.DataType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * The probe side of a hash join (see {@link HashJoin} for the semantics of each join type). For
 * each input row it walks the table's chain for the row's key hash and collects the matching
 * (probe row, build row) pairs; a full buffer of pairs is gathered into vectors the operator owns,
 * the residual is evaluated over all of them at once, and the pairs that pass go downstream as one
 * batch. So one input batch yields as many bounded batches as its matches need, or none.
 *
 * <p>Outer rows ride along as pairs with the table's all-NULL row: after each probe row's real
 * pairs, LEFT, FULL and SINGLE joins add such a "tail" pair, kept only if none of the real ones
 * passed. SEMI, ANTI and MARK joins output no pairs: they narrow the input's selection or add a mark
 * vector aligned with its rows, without copying the input. RIGHT and FULL joins flag the build rows
 * that matched; {@link #finish} then emits the others with NULL probe columns. RIGHT_SEMI and
 * RIGHT_ANTI joins only flag (a candidate pair's residual is evaluated in buffers, as SEMI's is, and
 * a build row already flagged is no candidate); {@link #finish} emits the flagged or the unflagged
 * build rows, alone.
 */
public final class HashJoinProbeOperator implements BatchOperator {
    /**
     * Pairs gathered per output batch: the executor's batch size, so however many rows one probe
     * batch matches, downstream operators get batches of the size a scan produces.
     */
    static final int OUTPUT_ROWS = Selections.BATCH_SIZE;
    private static final byte NO = 0;
    private static final byte YES = 1;
    private static final byte UNKNOWN = 2;

    private final JoinType type;
    private final HashJoinTable table;
    private final QueryContext context;
    private final ExpressionEvaluator[] probeKeys;
    private final ValueVector[] keyValues;
    private final boolean nullAware;
    private final ExpressionEvaluator residual;
    /** LEFT, FULL, SINGLE: each probe row is followed by its tail pair. */
    private final boolean tails;
    /** RIGHT, FULL, RIGHT_SEMI, RIGHT_ANTI: matched build rows are flagged, and emitted by flag at the end. */
    private final boolean flagsBuildRows;
    /** SEMI, ANTI, MARK: each probe row is output at most once, as it is. */
    private final boolean semiLike;
    /** RIGHT_SEMI, RIGHT_ANTI: probe rows only flag build rows, and are not output. */
    private final boolean flagsOnly;
    private final int probeWidth;
    private final DataType[] probeTypes;
    /** Which columns of probe + build are gathered for the pairs: all, or only the residual's (SEMI, ANTI, MARK, RIGHT_SEMI, RIGHT_ANTI). */
    private final boolean[] gathered;
    /** The gathered probe columns of the current input batch, position-aligned with it. */
    private final ValueVector[] probeValues;
    /** Probe columns then build columns of the pairs, in owned vectors (null where not gathered). */
    private final FieldVector[] pairVectors;
    /** RIGHT_SEMI, RIGHT_ANTI: the output, the build columns of the rows {@link #finish} emits (else empty). */
    private final FieldVector[] buildOutput;
    private final FieldVector markVector;
    private final ValueVector markValues;
    private final int[] pairProbe = new int[OUTPUT_ROWS];
    private final int[] pairBuild = new int[OUTPUT_ROWS];
    private final int[] kept = new int[OUTPUT_ROWS];
    private final int[] realPairs = new int[OUTPUT_ROWS];
    /** SEMI, ANTI, MARK: the outcome (NO, YES, UNKNOWN) per input row position. */
    private byte[] outcome = new byte[0];
    private int[] selection = new int[0];
    /** Pairs of the current probe row that passed, until its tail pair (LEFT, FULL, SINGLE). */
    private int passedOfRow;

    /**
     * A probe of {@code table} for the join, with input batches of layout {@code probe}; the table's
     * rows have layout {@code build}.
     */
    public HashJoinProbeOperator(HashJoin join, HashJoinTable table, Layout probe, Layout build, QueryContext context) {
        requireNonNull(join, "join");
        this.table = requireNonNull(table, "table");
        this.context = requireNonNull(context, "context");
        type = join.type();
        nullAware = join.nullAwareMark();
        tails = type == JoinType.LEFT || type == JoinType.FULL || type == JoinType.SINGLE;
        flagsOnly = !type.outputsLeft();
        flagsBuildRows = type.flagsBuildRows();
        semiLike = !type.outputsRight();
        List<Expr> keys = HashJoinKeys.probe(join);
        probeKeys = keys.stream().map(k -> ExpressionEvaluator.compile(k, probe)).toArray(ExpressionEvaluator[]::new);
        keyValues = new ValueVector[keys.size()];
        List<ColumnRef> pairColumns = new ArrayList<>(probe.columns());
        pairColumns.addAll(build.columns());
        Layout pairLayout = new Layout(pairColumns);
        residual = join.residual().map(r -> ExpressionEvaluator.compile(r, pairLayout)).orElse(null);
        probeWidth = probe.size();
        probeTypes = probe.columns().stream().map(ColumnRef::type).toArray(DataType[]::new);
        gathered = new boolean[pairColumns.size()];
        if (semiLike || flagsOnly) {
            join.residual().ifPresent(r -> Exprs.columns(r).forEach(c -> gathered[pairLayout.indexOf(c)] = true));
        } else {
            Arrays.fill(gathered, true);
        }
        probeValues = new ValueVector[probeWidth];
        pairVectors = new FieldVector[pairColumns.size()];
        for (int c = 0; c < pairColumns.size(); c++) {
            if (gathered[c]) {
                ColumnRef column = pairColumns.get(c);
                if (c < probeWidth) {
                    probeValues[c] = new ValueVector(column.type(), 1);
                }
                pairVectors[c] = ArrowColumns.create(column.name(), column.type(), context.allocator(), false);
            }
        }
        buildOutput = flagsOnly ? build.columns().stream()
                .map(c -> ArrowColumns.create(c.name(), c.type(), context.allocator(), false)).toArray(FieldVector[]::new)
                : new FieldVector[0];
        if (type == JoinType.MARK) {
            ColumnRef mark = join.mark().orElseThrow();
            markVector = ArrowColumns.create(mark.name(), mark.type(), context.allocator(), false);
            markValues = new ValueVector(mark.type(), 1);
        } else {
            markVector = null;
            markValues = null;
        }
    }

    @Override
    public void process(Batch input, Downstream next) {
        if (table.rowCount() == 0 && (type == JoinType.INNER || type == JoinType.RIGHT || type == JoinType.SEMI || flagsOnly)) {
            return; // nothing can match
        }
        int n = input.selectedCount();
        int[] sel = input.positions();
        for (int k = 0; k < probeKeys.length; k++) {
            keyValues[k] = probeKeys[k].evaluate(input, sel, n);
        }
        if (semiLike) {
            decide(input, sel, n);
            emitDecided(input, sel, n, next);
        } else if (flagsOnly) {
            flagMatches(input, sel, n);
        } else {
            join(input, sel, n, next);
        }
    }

    // ------------------------------------------------------------------ joins that output pairs

    private void join(Batch input, int[] sel, int n, Downstream next) {
        readProbeColumns(input, sel, n);
        int pairs = 0;
        for (int k = 0; k < n; k++) {
            int i = sel[k];
            if (table.probeable(keyValues, i)) {
                long hash = ValueComparisons.hashRow(keyValues, i);
                for (int r = table.first(hash, keyValues, i); r >= 0; r = table.next(r)) {
                    if (table.matches(r, hash, keyValues, i)) {
                        pairs = add(pairs, i, r, next);
                    }
                }
            }
            if (tails) {
                pairs = add(pairs, i, table.nullRow(), next);
            }
        }
        if (pairs > 0) {
            flush(pairs, next);
        }
    }

    /** Appends a pair after flushing a full buffer; returns the new number of buffered pairs. */
    private int add(int pairs, int probeRow, int buildRow, Downstream next) {
        if (pairs == OUTPUT_ROWS) {
            flush(pairs, next);
            pairs = 0;
        }
        pairProbe[pairs] = probeRow;
        pairBuild[pairs] = buildRow;
        return pairs + 1;
    }

    private void flush(int pairs, Downstream next) {
        context.checkCancelled();
        if (semiLike) {
            foldResidual(pairs);
        } else if (flagsOnly) {
            flagPassing(pairs);
        } else {
            emitPairs(pairs, next);
        }
    }

    /** Gathers the buffered pairs, keeps those that pass (and the tails of rows none passed for), pushes them. */
    private void emitPairs(int pairs, Downstream next) {
        gather(pairs);
        Batch batch = Batch.of(pairVectors, pairs);
        ValueVector passed = evaluateResidual(batch, pairs);
        int nullRow = table.nullRow();
        int m = 0;
        for (int j = 0; j < pairs; j++) {
            int r = pairBuild[j];
            if (r == nullRow) {
                if (passedOfRow == 0) {
                    kept[m++] = j;
                }
                passedOfRow = 0;
            } else if (passed == null || !passed.nulls[j] && passed.longs[j] != 0) {
                kept[m++] = j;
                if (tails && ++passedOfRow > 1 && type == JoinType.SINGLE) {
                    throw new QuiverException(SqlState.CARDINALITY_VIOLATION,
                            "more than one row returned by a subquery used as an expression");
                }
                if (flagsBuildRows) {
                    table.markMatched(r);
                }
            }
        }
        if (m > 0) {
            next.push(m == pairs ? batch : batch.withSelection(kept, m));
        }
    }

    /**
     * The residual over the real (non-tail) pairs, aligned with the pairs; null when every real pair
     * passes (no residual, or no real pair to evaluate it on). Tail pairs are never evaluated: they
     * are not pairs, and a residual could fail on their NULLs.
     */
    private ValueVector evaluateResidual(Batch batch, int pairs) {
        if (residual == null) {
            return null;
        }
        int nullRow = table.nullRow();
        int real = 0;
        for (int j = 0; j < pairs; j++) {
            if (pairBuild[j] != nullRow) {
                realPairs[real++] = j;
            }
        }
        return real == 0 ? null : residual.evaluate(batch, realPairs, real);
    }

    // ------------------------------------------------------------------ SEMI, ANTI, MARK

    /** Sets the outcome of every selected row: does some candidate pass (YES), none but some NULL (UNKNOWN), or none (NO)? */
    private void decide(Batch input, int[] sel, int n) {
        if (outcome.length < input.rowCount()) {
            outcome = new byte[input.rowCount()];
        }
        if (residual == null) {
            for (int k = 0; k < n; k++) {
                int i = sel[k];
                outcome[i] = exists(i);
            }
            return;
        }
        readProbeColumns(input, sel, n);
        int pairs = 0;
        for (int k = 0; k < n; k++) {
            int i = sel[k];
            outcome[i] = NO;
            if (table.probeable(keyValues, i)) {
                long hash = ValueComparisons.hashRow(keyValues, i);
                for (int r = table.first(hash, keyValues, i); r >= 0 && outcome[i] != YES; r = table.next(r)) {
                    if (table.matches(r, hash, keyValues, i)) {
                        pairs = add(pairs, i, r, null);
                    }
                }
            }
        }
        if (pairs > 0) {
            flush(pairs, null);
        }
    }

    /** Without a residual: whether probe row i has a candidate, with NULL-aware IN's unknowns. */
    private byte exists(int i) {
        if (!table.probeable(keyValues, i)) {
            return nullAware && table.rowCount() > 0 ? UNKNOWN : NO;
        }
        long hash = ValueComparisons.hashRow(keyValues, i);
        for (int r = table.first(hash, keyValues, i); r >= 0; r = table.next(r)) {
            if (table.matches(r, hash, keyValues, i)) {
                return YES;
            }
        }
        return nullAware && table.hasNullKey() ? UNKNOWN : NO;
    }

    /** Folds the residual over the buffered candidate pairs into their probe rows' outcomes (three-valued OR). */
    private void foldResidual(int pairs) {
        gather(pairs);
        ValueVector v = residual.evaluate(Batch.of(pairVectors, pairs), Selections.identity(pairs), pairs);
        for (int j = 0; j < pairs; j++) {
            int i = pairProbe[j];
            if (v.nulls[j]) {
                if (outcome[i] == NO) {
                    outcome[i] = UNKNOWN;
                }
            } else if (v.longs[j] != 0) {
                outcome[i] = YES;
            }
        }
    }

    private void emitDecided(Batch input, int[] sel, int n, Downstream next) {
        if (type == JoinType.MARK) {
            markValues.ensureCapacity(input.rowCount());
            for (int k = 0; k < n; k++) {
                int i = sel[k];
                markValues.nulls[i] = outcome[i] == UNKNOWN;
                markValues.longs[i] = outcome[i] == YES ? 1 : 0;
            }
            ArrowColumns.writeAligned(markValues, sel, n, input.rowCount(), markVector);
            FieldVector[] columns = new FieldVector[input.columnCount() + 1];
            for (int c = 0; c < input.columnCount(); c++) {
                columns[c] = input.column(c);
            }
            columns[input.columnCount()] = markVector;
            next.push(input.withColumns(columns));
            return;
        }
        if (selection.length < n) {
            selection = new int[input.rowCount()];
        }
        boolean keepMatched = type == JoinType.SEMI;
        int m = 0;
        for (int k = 0; k < n; k++) {
            int i = sel[k];
            if ((outcome[i] == YES) == keepMatched) {
                selection[m++] = i;
            }
        }
        if (m > 0) {
            next.push(m == n ? input : input.withSelection(selection, m));
        }
    }

    // ------------------------------------------------------------------ RIGHT_SEMI, RIGHT_ANTI

    /**
     * Flags the build rows the selected rows match: at once without a residual, else through
     * buffered pairs. A build row already flagged is skipped: its outcome is known.
     */
    private void flagMatches(Batch input, int[] sel, int n) {
        if (residual != null) {
            readProbeColumns(input, sel, n);
        }
        int pairs = 0;
        for (int k = 0; k < n; k++) {
            int i = sel[k];
            if (!table.probeable(keyValues, i)) {
                continue;
            }
            long hash = ValueComparisons.hashRow(keyValues, i);
            for (int r = table.first(hash, keyValues, i); r >= 0; r = table.next(r)) {
                if (!table.wasMatched(r) && table.matches(r, hash, keyValues, i)) {
                    if (residual == null) {
                        table.markMatched(r);
                    } else {
                        pairs = add(pairs, i, r, null);
                    }
                }
            }
        }
        if (pairs > 0) {
            flush(pairs, null);
        }
    }

    /** Flags the build row of each buffered pair whose residual is TRUE. */
    private void flagPassing(int pairs) {
        gather(pairs);
        ValueVector v = residual.evaluate(Batch.of(pairVectors, pairs), Selections.identity(pairs), pairs);
        for (int j = 0; j < pairs; j++) {
            if (!v.nulls[j] && v.longs[j] != 0) {
                table.markMatched(pairBuild[j]);
            }
        }
    }

    // ------------------------------------------------------------------ shared

    /** Copies the gathered probe columns' selected rows to the heap, at their positions. */
    private void readProbeColumns(Batch input, int[] sel, int n) {
        for (int c = 0; c < probeWidth; c++) {
            if (gathered[c]) {
                ValueVector v = probeValues[c];
                v.ensureCapacity(input.rowCount());
                v.resetArena();
                ArrowColumns.read(input.column(c), probeTypes[c], sel, n, v, -1);
            }
        }
    }

    /** Writes the gathered columns of pairs {@code 0..pairs} into the pair vectors. */
    private void gather(int pairs) {
        for (int c = 0; c < pairVectors.length; c++) {
            if (gathered[c]) {
                boolean probeSide = c < probeWidth;
                ArrowColumns.write(probeSide ? probeValues[c] : table.column(c - probeWidth), probeSide ? pairProbe : pairBuild,
                        pairs, pairVectors[c]);
            }
        }
    }

    /**
     * RIGHT and FULL: the build rows no probe row matched, with NULL probe columns; RIGHT_SEMI the
     * build rows some probe row matched, RIGHT_ANTI those none did, alone.
     */
    @Override
    public void finish(Downstream next) {
        if (!flagsBuildRows) {
            return;
        }
        // Every pair points at probe position 0, made NULL in each probe column.
        for (ValueVector v : probeValues) {
            if (v != null) {
                v.nulls[0] = true;
            }
        }
        Arrays.fill(pairProbe, 0);
        boolean emitMatched = type == JoinType.RIGHT_SEMI;
        int pairs = 0;
        for (int r = 0; r < table.rowCount(); r++) {
            if (table.wasMatched(r) == emitMatched) {
                if (pairs == OUTPUT_ROWS) {
                    emitBuildRows(pairs, next);
                    pairs = 0;
                }
                pairBuild[pairs++] = r;
            }
        }
        if (pairs > 0) {
            emitBuildRows(pairs, next);
        }
    }

    private void emitBuildRows(int pairs, Downstream next) {
        context.checkCancelled();
        if (flagsOnly) {
            for (int c = 0; c < buildOutput.length; c++) {
                ArrowColumns.write(table.column(c), pairBuild, pairs, buildOutput[c]);
            }
            next.push(Batch.of(buildOutput, pairs));
            return;
        }
        gather(pairs);
        next.push(Batch.of(pairVectors, pairs));
    }

    @Override
    public void close() {
        for (FieldVector v : pairVectors) {
            if (v != null) {
                v.close();
            }
        }
        for (FieldVector v : buildOutput) {
            v.close();
        }
        if (markVector != null) {
            markVector.close();
        }
    }
}
