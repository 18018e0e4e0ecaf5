package dev.quiver.sqllogic;

import java.util.List;
import java.util.Optional;

/** One record of a sqllogictest file: a statement or a query with its expectation. */
public sealed interface SqlLogicRecord {
    /** 1-based line of the record's first line (its {@code statement}/{@code query} header). */
    int line();

    /** {@code statement ok} or {@code statement error [fragment]}. */
    record Statement(int line, String sql, boolean expectError, Optional<String> errorFragment) implements SqlLogicRecord {
    }

    /**
     * {@code query <types> [sort] [label]}: the expected values are either listed (flattened, row
     * after row) or given as a count and an MD5 hash.
     */
    record Query(int line, String sql, String types, SortMode sort, Optional<String> label,
            Optional<List<String>> values, int hashedCount, Optional<String> hash, int resultLine) implements SqlLogicRecord {
        int columns() {
            return types.length();
        }
    }

    /** {@code hash-threshold N}: results with more values than N are shown as a hash in failure messages. */
    record HashThreshold(int line, int threshold) implements SqlLogicRecord {
    }

    enum SortMode {
        NOSORT, ROWSORT, VALUESORT
    }
}
