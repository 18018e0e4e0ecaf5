package dev.quiver.tpch;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * How one TPC-H query fared in the benchmark: rows returned (-1 if it did not run), the median and
 * fastest of the timed runs in milliseconds (NaN if it did not run), and its status.
 * {@code detail} explains a failure (the first differing row, or the error message) or what is
 * unsupported.
 */
public record QueryReport(int query, long rows, double medianMillis, double minMillis, Status status, Optional<String> detail) {
    /** The outcome of a query. */
    public enum Status {
        /** The first run's result matched the reference answer. */
        VERIFIED("verified"),
        /** No reference answer, but the first run's result matched another engine's (quiver tpch --compare). */
        AGREED("engines agree"),
        /** Ran, but was not checked (--no-verify, or no answer for this scale factor). */
        UNVERIFIED("not verified"),
        /** Wrong result, or an error other than "not supported". */
        FAILED("FAILED"),
        /** The engine does not support the query yet (SQLSTATE 0A000). */
        UNSUPPORTED("unsupported");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        /** How the status appears in the report table. */
        public String label() {
            return label;
        }
    }

    public QueryReport {
        requireNonNull(status, "status");
        requireNonNull(detail, "detail");
    }

    /** Whether the query ran to the end at least once (it has rows); false when it failed with an error or is unsupported. */
    public boolean ran() {
        return rows >= 0;
    }
}
