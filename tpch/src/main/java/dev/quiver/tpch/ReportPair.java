package dev.quiver.tpch;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * One query measured two ways by {@link QueryRuns} (two settings, two engines), in the order the
 * comparison's table shows them; and what the runner's comparisons ({@link ExplorationComparison},
 * {@link DuckDbComparison}) report alike about such pairs.
 */
record ReportPair(QueryReport first, QueryReport second) {
    ReportPair {
        requireNonNull(first, "first");
        requireNonNull(second, "second");
        if (first.query() != second.query()) {
            throw new IllegalArgumentException("reports of different queries: Q" + first.query() + " and Q" + second.query());
        }
    }

    /** Whether both ways finished their timed runs, so that their medians can be compared. */
    boolean timed() {
        return !Double.isNaN(first.medianMillis()) && !Double.isNaN(second.medianMillis());
    }

    /** The query as the tables show it: {@code Q01}. */
    String queryCell() {
        return String.format(Locale.ROOT, "Q%02d", first.query());
    }

    /** The rows the query returned, from whichever way ran; empty when neither did. */
    String rowsCell() {
        return first.ran() ? String.valueOf(first.rows()) : second.ran() ? String.valueOf(second.rows()) : "";
    }

    /** The status of both, or when they differ each one's after its name: {@code on verified, off FAILED}. */
    String statusCell(String firstName, String secondName) {
        return first.status() == second.status() ? first.status().label()
                : firstName + " " + first.status().label() + ", " + secondName + " " + second.status().label();
    }

    /** A ratio of medians with two decimals; empty for NaN (a way that did not finish). */
    static String ratioCell(double ratio) {
        return Double.isNaN(ratio) ? "" : String.format(Locale.ROOT, "%.2f", ratio);
    }

    static List<QueryReport> firsts(List<ReportPair> pairs) {
        return pairs.stream().map(ReportPair::first).toList();
    }

    static List<QueryReport> seconds(List<ReportPair> pairs) {
        return pairs.stream().map(ReportPair::second).toList();
    }

    /** Every report of {@code pairs}, both of each pair. */
    static List<QueryReport> all(List<ReportPair> pairs) {
        return pairs.stream().flatMap(p -> Stream.of(p.first(), p.second())).toList();
    }

    /** The sum of the medians of {@code reports} (which all finished). */
    static double total(List<QueryReport> reports) {
        return reports.stream().mapToDouble(QueryReport::medianMillis).sum();
    }
}
