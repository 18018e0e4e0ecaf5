package dev.quiver;

import dev.quiver.error.QuiverException;
import dev.quiver.error.SqlState;
import dev.quiver.exec.pipeline.QueryOutput;
import dev.quiver.planner.type.DataType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Checks that the compiled path returned what the interpreter returned (VERIFY mode). Rows are
 * compared as multisets, because parallel aggregation may emit groups in a different order; sort
 * order is produced by the same sink code on both paths. Floating-point values may differ in the
 * last bits when parallel partial sums were added in another order, so doubles compare with a
 * relative tolerance; everything else exactly.
 */
final class ResultComparison {
    /** Relative difference allowed between doubles: far above summation-order noise, far below a real error. */
    static final double DOUBLE_TOLERANCE = 1e-9;

    private ResultComparison() {
    }

    static void requireSame(QueryOutput expected, QueryOutput actual) {
        List<List<Object>> a = rows(expected);
        List<List<Object>> b = rows(actual);
        if (a.size() != b.size()) {
            throw mismatch("interpreter returned " + a.size() + " rows, compiled code " + b.size());
        }
        Comparator<List<Object>> order = ResultComparison::compareRows;
        a.sort(order);
        b.sort(order);
        for (int r = 0; r < a.size(); r++) {
            if (!sameRow(a.get(r), b.get(r), expected.types())) {
                throw mismatch("first difference: interpreter " + a.get(r) + ", compiled code " + b.get(r));
            }
        }
    }

    private static QuiverException mismatch(String detail) {
        return new QuiverException(SqlState.INTERNAL_ERROR, "verify mode: compiled execution disagrees with the interpreter; " + detail);
    }

    private static List<List<Object>> rows(QueryOutput output) {
        List<List<Object>> rows = new ArrayList<>();
        for (VectorSchemaRoot batch : output.batches()) {
            for (int r = 0; r < batch.getRowCount(); r++) {
                List<Object> row = new ArrayList<>();
                for (int c = 0; c < output.types().size(); c++) {
                    row.add(Result.javaValue(batch.getVector(c), output.types().get(c), r));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareRows(List<Object> x, List<Object> y) {
        for (int c = 0; c < x.size(); c++) {
            Object a = x.get(c);
            Object b = y.get(c);
            if (a == null || b == null) {
                if (a != b) {
                    return a == null ? -1 : 1;
                }
                continue;
            }
            int cmp = a instanceof Comparable ca ? ca.compareTo(b) : a.toString().compareTo(b.toString());
            if (cmp != 0) {
                return cmp;
            }
        }
        return 0;
    }

    private static boolean sameRow(List<Object> x, List<Object> y, List<DataType> types) {
        for (int c = 0; c < x.size(); c++) {
            Object a = x.get(c);
            Object b = y.get(c);
            if (a instanceof Double da && b instanceof Double db) {
                if (!close(da, db)) {
                    return false;
                }
            } else if (a instanceof Float fa && b instanceof Float fb) {
                if (!close(fa, fb)) {
                    return false;
                }
            } else if (a instanceof BigDecimal da && b instanceof BigDecimal db) {
                if (da.compareTo(db) != 0) {
                    return false;
                }
            } else if (!Objects.equals(a, b)) {
                return false;
            }
        }
        return true;
    }

    private static boolean close(double a, double b) {
        if (Double.compare(a, b) == 0) {
            return true;
        }
        double scale = Math.max(Math.abs(a), Math.abs(b));
        return Math.abs(a - b) <= DOUBLE_TOLERANCE * scale;
    }
}
