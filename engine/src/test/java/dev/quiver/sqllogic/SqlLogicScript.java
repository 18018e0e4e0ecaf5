package dev.quiver.sqllogic;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A parsed sqllogictest file: the records that apply to Quiver, in order, and how many records a
 * {@code skipif}/{@code onlyif} condition excluded (records after a {@code halt} are neither).
 */
public record SqlLogicScript(String file, SqlLogicDialect dialect, List<SqlLogicRecord> records, int skippedByCondition) {
    public SqlLogicScript {
        requireNonNull(file, "file");
        requireNonNull(dialect, "dialect");
        records = List.copyOf(records);
        if (skippedByCondition < 0) {
            throw new IllegalArgumentException("skippedByCondition < 0: " + skippedByCondition);
        }
    }
}
