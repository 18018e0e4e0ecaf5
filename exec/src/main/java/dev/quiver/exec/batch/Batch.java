package dev.quiver.exec.batch;

import static java.util.Objects.requireNonNull;

import dev.quiver.exec.vector.ArrowColumns;
import org.apache.arrow.vector.FieldVector;

/**
 * A batch of rows moving through a pipeline: Arrow vectors of equal length plus an optional
 * selection vector naming the live rows in ascending order.
 *
 * <p>Ownership: a batch does not own its vectors. They belong to the operator (or table) that
 * produced them and stay valid only until that producer is called again, so a consumer that keeps
 * rows copies them. Vectors may be longer than {@link #rowCount()}; rows past it are not part of
 * the batch.
 *
 * <p>A batch may know which of its columns hold a NULL (a scan of stored chunks does), so that
 * {@link #mayHaveNulls} need not read the validity bitmap.
 */
public final class Batch {
    private final FieldVector[] columns;
    private final int rowCount;
    private final int[] selection;
    private final int selectedCount;
    /** Per column, whether it holds a NULL among the rows; null when not known. */
    private final boolean[] hasNulls;

    private Batch(FieldVector[] columns, int rowCount, int[] selection, int selectedCount, boolean[] hasNulls) {
        this.columns = requireNonNull(columns, "columns");
        this.rowCount = rowCount;
        this.selection = selection;
        this.selectedCount = selectedCount;
        this.hasNulls = hasNulls;
    }

    /** All {@code rowCount} rows of the vectors. */
    public static Batch of(FieldVector[] columns, int rowCount) {
        return new Batch(columns, rowCount, null, rowCount, null);
    }

    /** All {@code rowCount} rows of the vectors, with {@code hasNulls[c]} telling whether column c holds a NULL among them. */
    public static Batch of(FieldVector[] columns, int rowCount, boolean[] hasNulls) {
        if (hasNulls.length != columns.length) {
            throw new IllegalArgumentException(hasNulls.length + " NULL flags for " + columns.length + " columns");
        }
        return new Batch(columns, rowCount, null, rowCount, hasNulls);
    }

    /** Only the rows {@code selection[0..count)} (ascending, each below rowCount). */
    public Batch withSelection(int[] newSelection, int count) {
        return new Batch(columns, rowCount, newSelection, count, hasNulls);
    }

    /** Other vectors, same rows and selection (a projection). */
    public Batch withColumns(FieldVector[] newColumns) {
        return new Batch(newColumns, rowCount, selection, selectedCount, null);
    }

    /**
     * Whether column {@code i} may hold a NULL among the batch's rows (selected or not): false means
     * none does. Known without reading the bitmap when the producer said.
     */
    public boolean mayHaveNulls(int i) {
        return hasNulls != null ? hasNulls[i] : ArrowColumns.hasNulls(columns[i], rowCount);
    }

    public int columnCount() {
        return columns.length;
    }

    public FieldVector column(int i) {
        return columns[i];
    }

    /** Number of physical rows (selected or not). */
    public int rowCount() {
        return rowCount;
    }

    /** Number of live rows. */
    public int selectedCount() {
        return selectedCount;
    }

    public boolean hasSelection() {
        return selection != null;
    }

    /**
     * The live rows as positions: the selection if there is one, else the identity {@code 0..rowCount}.
     * Only the first {@link #selectedCount()} entries are meaningful; callers must not modify it.
     */
    public int[] positions() {
        return selection != null ? selection : Selections.identity(rowCount);
    }
}
