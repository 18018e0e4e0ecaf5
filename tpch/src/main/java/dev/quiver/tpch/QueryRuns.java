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
 * Times one TPC-H query the way the runner does, under one or more <em>variants</em>: ways to run
 * it, such as session settings applied before each run ({@link #measure(Session, int, int, Optional, List)})
 * or another engine ({@link Runner}). Each variant first runs the query once, a warm-up whose
 * result is checked against the reference answer; then come {@code runs} timed rounds in which
 * every variant still going runs the query once. The order within a round alternates (first
 * variant to last, then last to first) so that drift over time and what a run leaves to the next
 * (garbage to collect, warm caches) fall on every variant alike.
 *
 * <p>A variant stops when its first run fails (error or unsupported) or a timed run raises an
 * error; the others go on. A wrong first result is reported, and the variant is still timed.
 * Every run plans the query afresh (the engine keeps no plan cache), so planning is part of the
 * time, which matters for variants that change the optimizer's settings.
 */
final class QueryRuns {
    /** A statement that only cleans up after a query (Q15's DROP VIEW): run even when an earlier one failed. */
    static final Pattern CLEANUP = Pattern.compile("(?is)^(\\s*--[^\\n]*\\n)*\\s*drop\\b.*");
    private static final double NANOS_PER_MILLI = 1_000_000.0;

    /** One way to run a query: an engine, or an engine under some settings. */
    @FunctionalInterface
    interface Runner {
        /**
         * Runs a query's statements once. If a statement fails, the query's remaining DROP
         * statements ({@link #CLEANUP}) still run, so the next run starts clean; then
         * {@link RunFailure} says what failed.
         *
         * @param keepRows whether to return the result's rows as Java values (as {@code dev.quiver.Row}
         *     holds them: numbers, strings, LocalDate, null); the time spent converting them is not counted
         */
        Execution execute(List<String> statements, boolean keepRows) throws RunFailure;
    }

    /**
     * One run of a query's statements: the time spent (without converting rows for verification),
     * the rows its SELECT returned, and those rows if kept.
     */
    record Execution(long nanos, long rows, List<List<Object>> values) {
    }

    /** A query that did not run to the end: the error's message, and whether it is one the engine does not support yet. */
    static final class RunFailure extends Exception {
        private static final long serialVersionUID = 1L;
        private final boolean unsupported;

        RunFailure(String message, boolean unsupported, Throwable cause) {
            super(message, cause);
            this.unsupported = unsupported;
        }

        boolean unsupported() {
            return unsupported;
        }
    }

    private QueryRuns() {
    }

    /**
     * Runs {@code query} in {@code session} under each of {@code variants} (settings applied to the
     * session before each of the variant's runs), checking each variant's first result against
     * {@code expected} if present; returns one report per variant, in the same order.
     */
    static List<QueryReport> measure(Session session, int query, int runs, Optional<ExpectedResult> expected,
            List<Consumer<Session>> variants) {
        requireNonNull(session, "session");
        return measure(query, runs, expected, variants.stream().map(variant -> quiver(session, variant)).toList());
    }

    /**
     * Runs {@code query} with each of {@code runners}, checking each one's first result against
     * {@code expected} if present; returns one report per runner, in the same order.
     */
    static List<QueryReport> measure(int query, int runs, Optional<ExpectedResult> expected, List<Runner> runners) {
        requireNonNull(expected, "expected");
        runners = List.copyOf(runners);
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be at least 1");
        }
        List<String> statements = TpchQueries.statements(query);
        List<QueryReport> reports = new ArrayList<>();
        for (Runner runner : runners) {
            reports.add(first(runner, query, statements, expected));
        }
        int count = runners.size();
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
                try {
                    nanos[v][round] = runners.get(v).execute(statements, false).nanos();
                } catch (RunFailure e) {
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

    /**
     * Quiver as a runner: applies {@code settings} to {@code session}, then runs the statements there.
     * An error with SQLSTATE 0A000 is a query Quiver does not support.
     */
    static Runner quiver(Session session, Consumer<Session> settings) {
        requireNonNull(session, "session");
        requireNonNull(settings, "settings");
        return (statements, keepRows) -> {
            settings.accept(session);
            try {
                return execute(session, statements, keepRows);
            } catch (QuiverException e) {
                boolean unsupported = SqlState.FEATURE_NOT_SUPPORTED.equals(e.sqlState());
                throw new RunFailure(unsupported ? e.rawMessage() : e.getMessage(), unsupported, e);
            }
        };
    }

    /** The first run: its result checked against {@code expected}; the report has no times yet. */
    private static QueryReport first(Runner runner, int query, List<String> statements, Optional<ExpectedResult> expected) {
        Execution first;
        try {
            first = runner.execute(statements, true);
        } catch (RunFailure e) {
            return new QueryReport(query, -1, Double.NaN, Double.NaN, e.unsupported() ? Status.UNSUPPORTED : Status.FAILED,
                    Optional.of(e.unsupported() ? e.getMessage() : "ERROR: " + e.getMessage()));
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
