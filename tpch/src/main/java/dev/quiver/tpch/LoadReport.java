package dev.quiver.tpch;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a TPC-H data load did: the scale factor, the rows loaded into each table (in schema order),
 * and how long it took.
 */
public record LoadReport(double scaleFactor, Map<String, Long> rowCounts, Duration elapsed) {
    public LoadReport {
        requireNonNull(rowCounts, "rowCounts");
        requireNonNull(elapsed, "elapsed");
        rowCounts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(rowCounts));
    }

    /** Rows in all tables together. */
    public long totalRows() {
        return rowCounts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** One line for a client, e.g. {@code loaded TPC-H SF 0.01 in 812 ms: lineitem 60175 rows, ...}. */
    public String summary() {
        return "loaded TPC-H SF " + TpchDataGenerator.formatScaleFactor(scaleFactor) + " in " + elapsed.toMillis() + " ms: "
                + rowCounts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "))
                + " rows";
    }
}
