package dev.quiver.tpch;

import static java.util.Objects.requireNonNull;

import dev.quiver.Result;
import dev.quiver.Row;
import dev.quiver.Session;
import dev.quiver.error.QuiverException;
import dev.quiver.error.SqlState;
import dev.quiver.tpch.QueryReport.Status;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Times one TPC-H query the way the runner does, under one or more <em>variants</em>: session
 * settings a variant applies before each of its runs. Each variant first runs the query once, a
 * warm-up whose result is checked against the reference answer; then come {@code runs} timed
 * rounds in which every variant still going runs the query once. The order within a round
 * alternates (first variant to last, then last to first) so that drift over time and what a run
 * leaves to the next (garbage to collect, warm caches) fall on every variant alike.
 *
 * <p>A variant stops when its first run fails (error or unsupported) or a timed run raises an
 * error; the others go on. A wrong first result is reported, and the variant is still timed.
 * Every run plans the query afresh (the engine keeps no plan cache), so planning is part of the
 * time, which matters for variants that change the optimizer's settings.
 */
final class QueryRuns {
    /** A statement that only cleans up after a query (Q15's DROP VIEW): run even when an earlier one failed. */
    private static final Pattern CLEANUP = Pattern.compile("(?is)^(\\s*--[^\\n]*\\n)*\\s*drop\\b.*");
    private static final double NANOS_PER_MILLI = 1_000_000.0;

    private QueryRuns() {
    }

    /**
     * Runs {@code query} under each of {@code variants}, checking each variant's first result
     * against {@code expected} if present; returns one report per variant, in the same order.
     */
    static List<QueryReport> measure(Session session, int query, int runs, Optional<ExpectedResult> expected,
            List<Consumer<Session>> variants) {
        requireNonNull(session, "session");
        requireNonNull(expected, "expected");
        variants = List.copyOf(variants);
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be at least 1");
        }
        List<String> statements = TpchQueries.statements(query);
        List<QueryReport> reports = new ArrayList<>();
        for (Consumer<Session> variant : variants) {
            variant.accept(session);
            reports.add(first(session, query, statements, expected));
        }
        int count = variants.size();
        boolean[] stopped = new boolean[count];
        long[][] nanos = new long[count][runs];
        for (int v = 0; v < count; v++) {
            stopped[v] = !reports.get(v).ran();
        }
        for (int round = 0; round < runs; round++) {
            for (int k = 0; k < count; k++) {
                int v = round % 2 == 0 ? k : count - 1 - k;
                if (stopped[v]) {
                    continue;
                }
                variants.get(v).accept(session);
                try {
                    nanos[v][round] = execute(session, statements, false).nanos();
                } catch (QuiverException e) {
                    QueryReport r = reports.get(v);
                    reports.set(v, new QueryReport(query, r.rows(), Double.NaN, Double.NaN, Status.FAILED,
                            Optional.of("ERROR in a timed run: " + e.getMessage())));
                    stopped[v] = true;
                }
            }
        }
        for (int v = 0; v < count; v++) {
            if (stopped[v]) {
                continue;
            }
            QueryReport r = reports.get(v);
            long[] sorted = nanos[v].clone();
            Arrays.sort(sorted);
            double median = (runs % 2 == 1 ? sorted[runs / 2] : (sorted[runs / 2 - 1] + sorted[runs / 2]) / 2.0) / NANOS_PER_MILLI;
            reports.set(v, new QueryReport(query, r.rows(), median, sorted[0] / NANOS_PER_MILLI, r.status(), r.detail()));
        }
        return List.copyOf(reports);
    }

    /** The first run: its result checked against {@code expected}; the report has no times yet. */
    private static QueryReport first(Session session, int query, List<String> statements, Optional<ExpectedResult> expected) {
        Execution first;
        try {
            first = execute(session, statements, true);
        } catch (QuiverException e) {
            if (SqlState.FEATURE_NOT_SUPPORTED.equals(e.sqlState())) {
                return new QueryReport(query, -1, Double.NaN, Double.NaN, Status.UNSUPPORTED, Optional.of(e.rawMessage()));
            }
            return new QueryReport(query, -1, Double.NaN, Double.NaN, Status.FAILED, Optional.of("ERROR: " + e.getMessage()));
        }
        Status status = Status.UNVERIFIED;
        Optional<String> detail = Optional.empty();
        if (expected.isPresent()) {
            Verification v = AnswerComparator.compare(expected.get(), first.values(), TpchQueries.isOrdered(query));
            status = v.matches() ? Status.VERIFIED : Status.FAILED;
            detail = v.matches() ? Optional.empty() : Optional.of(describe(v));
        }
        return new QueryReport(query, first.rows(), Double.NaN, Double.NaN, status, detail);
    }

    private static String describe(Verification v) {
        StringBuilder s = new StringBuilder(v.message());
        s.append("\n    expected: ").append(v.expectedRow().orElse("(no row)"));
        s.append("\n    actual:   ").append(v.actualRow().orElse("(no row)"));
        return s.toString();
    }

    /** One run of a query's statements: time spent (without converting rows for verification), rows returned, and the rows if kept. */
    private record Execution(long nanos, long rows, List<List<Object>> values) {
    }

    private static Execution execute(Session session, List<String> statements, boolean keepRows) {
        long start = System.nanoTime();
        long conversion = 0;
        long rows = -1;
        List<List<Object>> values = List.of();
        for (int i = 0; i < statements.size(); i++) {
            try (Result result = session.execute(statements.get(i))) {
                if (result.hasRows()) {
                    rows = result.rowCount();
                    if (keepRows) {
                        long before = System.nanoTime();
                        values = result.rows().stream().map(Row::values).toList();
                        conversion += System.nanoTime() - before;
                    }
                }
            } catch (RuntimeException e) {
                cleanUp(session, statements, i + 1, e);
                throw e;
            }
        }
        return new Execution(System.nanoTime() - start - conversion, rows, values);
    }

    /** After a failed statement, runs the query's remaining DROP statements so the next run starts clean. */
    private static void cleanUp(Session session, List<String> statements, int from, RuntimeException failure) {
        for (int i = from; i < statements.size(); i++) {
            if (CLEANUP.matcher(statements.get(i)).matches()) {
                try {
                    session.execute(statements.get(i)).close();
                } catch (RuntimeException e) {
                    failure.addSuppressed(e);
                }
            }
        }
    }
}
