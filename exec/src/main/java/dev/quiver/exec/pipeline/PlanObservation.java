package dev.quiver.exec.pipeline;

/**
 * Where a physical plan node's output rows can be counted once its query ran: the rows pipeline
 * {@code pipeline}'s source produced ({@code operator} is {@link #SOURCE}), or the rows its
 * operator at index {@code operator} passed on.
 */
public record PlanObservation(int pipeline, int operator) {
    /** The operator index that stands for the pipeline's source. */
    public static final int SOURCE = -1;

    /** The node's actual rows from its pipeline's statistics. */
    public long actualRows(PipelineStats stats) {
        return operator == SOURCE ? stats.rowsIn() : stats.operatorRows().get(operator);
    }
}
