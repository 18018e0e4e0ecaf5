package dev.quiver.exec.batch;

import static java.util.Objects.requireNonNull;

import org.apache.arrow.vector.FieldVector;

/**
 * A batch of rows moving through a pipeline: Arrow vectors of equal length plus an optional
 * selection vector naming the live rows in ascending order.
 *
 * <p>Ownership: a batch does not own its vectors. They belong to the operator (or table) that
 * produced them and stay valid only until that producer is called again, so a consumer that keeps
 * rows copies them. Vectors may be longer than {@link #rowCount()}; rows past it are not part of
 * the batch.
 */
public final class Batch {
    private final FieldVector[] columns;
    private final int rowCount;
    private final int[] selection;
    private final int selectedCount;

    private Batch(FieldVector[] columns, int rowCount, int[] selection, int selectedCount) {
        this.columns = requireNonNull(columns, "columns");
        this.rowCount = rowCount;
        this.selection = selection;
        this.selectedCount = selectedCount;
    }

    /** All {@code rowCount} rows of the vectors. */
    public static Batch of(FieldVector[] columns, int rowCount) {
        return new Batch(columns, rowCount, null, rowCount);
    }

    /** Only the rows {@code selection[0..count)} (ascending, each below rowCount). */
    public Batch withSelection(int[] newSelection, int count) {
        return new Batch(columns, rowCount, newSelection, count);
    }

    /** Other vectors, same rows and selection (a projection). */
    public Batch withColumns(FieldVector[] newColumns) {
        return new Batch(newColumns, rowCount, selection, selectedCount);
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
