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
 * result is checked ({@link Check}: against the reference answer, or where there is none against
 * another engine's result); then come {@code runs} timed rounds in which
 * every variant still going runs the query once. The order within a round alternates (first
 * variant to last, then last to first) so that drift over time and what a run leaves to the next
 * (garbage to collect, warm caches) fall on every variant alike.
 *
 * <p>A variant stops when its first run fails (error or unsupported) or a timed run raises an
 * error; the others go on. A wrong first result is reported, and the variant is still timed.
 * Timed runs reuse the plan the session's plan cache kept from the first run (its key includes
 * the optimizer's settings, so variants that change them get plans of their own); a query that
 * creates a view (Q15) is planned on every run, and that planning is part of its time.
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
     * the rows its SELECT returned, and those rows with their column names if kept.
     */
    record Execution(long nanos, long rows, List<String> columns, List<List<Object>> values) {
        Execution {
            columns = List.copyOf(columns);
            requireNonNull(values, "values");
        }

        /** The kept rows as an answer to check others against, in the answer files' text form. */
        ExpectedResult asAnswer() {
            List<List<String>> text = new ArrayList<>(values.size());
            for (List<Object> row : values) {
                // An answer row holds null for NULL, so the stream's toList (which allows nulls) is used.
                text.add(row.stream().map(v -> v == null ? null : AnswerComparator.text(v)).toList());
            }
            return new ExpectedResult(columns, text);
        }
    }

    /** What a query's first results are checked against. */
    sealed interface Check {
        /** The reference answer if there is one (shipped, or {@code --answers}); without one, results are not verified. */
        record Answer(Optional<ExpectedResult> expected) implements Check {
            public Answer {
                requireNonNull(expected, "expected");
            }
        }

        /**
         * No reference answer: the first result of runner number {@code reference} (another engine)
         * is the answer the other runners must match. Matching results are {@link Status#AGREED}.
         */
        record Peer(int reference) implements Check {
            public Peer {
                if (reference < 0) {
                    throw new IllegalArgumentException("reference must be a runner's index");
                }
            }
        }
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
     * Runs {@code query}, as at scale factor {@code scaleFactor} ({@link TpchQueries#statements(int,
     * double)}), in {@code session} under each of {@code variants} (settings applied to the session
     * before each of the variant's runs), checking each variant's first result against {@code
     * expected} if present; returns one report per variant, in the same order.
     */
    static List<QueryReport> measure(Session session, int query, double scaleFactor, int runs, Optional<ExpectedResult> expected,
            List<Consumer<Session>> variants) {
        requireNonNull(session, "session");
        return measure(query, scaleFactor, runs, expected, variants.stream().map(variant -> quiver(session, variant)).toList());
    }

    /**
     * Runs {@code query} (as at {@code scaleFactor}) with each of {@code runners}, checking each one's first result against
     * {@code expected} if present; returns one report per runner, in the same order.
     */
    static List<QueryReport> measure(int query, double scaleFactor, int runs, Optional<ExpectedResult> expected, List<Runner> runners) {
        return measure(query, scaleFactor, runs, new Check.Answer(expected), runners);
    }

    /**
     * Runs {@code query} (as at {@code scaleFactor}) with each of {@code runners}, checking each one's first result as
     * {@code check} says; returns one report per runner, in the same order.
     */
    static List<QueryReport> measure(int query, double scaleFactor, int runs, Check check, List<Runner> runners) {
        requireNonNull(check, "check");
        runners = List.copyOf(runners);
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be at least 1");
        }
        if (check instanceof Check.Peer peer && peer.reference() >= runners.size()) {
            throw new IllegalArgumentException("no runner " + peer.reference() + " among " + runners.size());
        }
        List<String> statements = TpchQueries.statements(query, scaleFactor);
        List<QueryReport> reports = new ArrayList<>(firstRuns(runners, query, statements, check));
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

    /**
     * The first run of every runner, in order, each result checked as {@code check} says; the
     * reports have no times yet.
     */
    private static List<QueryReport> firstRuns(List<Runner> runners, int query, List<String> statements, Check check) {
        List<QueryReport> reports = new ArrayList<>();
        List<Optional<Execution>> firsts = new ArrayList<>();
        for (Runner runner : runners) {
            try {
                firsts.add(Optional.of(runner.execute(statements, true)));
                reports.add(new QueryReport(query, firsts.get(firsts.size() - 1).get().rows(), Double.NaN, Double.NaN,
                        Status.UNVERIFIED, Optional.empty()));
            } catch (RunFailure e) {
                firsts.add(Optional.empty());
                reports.add(new QueryReport(query, -1, Double.NaN, Double.NaN, e.unsupported() ? Status.UNSUPPORTED : Status.FAILED,
                        Optional.of(e.unsupported() ? e.getMessage() : "ERROR: " + e.getMessage())));
            }
        }
        Optional<ExpectedResult> expected = check instanceof Check.Peer peer
                ? firsts.get(peer.reference()).map(Execution::asAnswer) : ((Check.Answer) check).expected();
        if (expected.isEmpty()) {
            return reports;
        }
        int reference = check instanceof Check.Peer peer ? peer.reference() : -1;
        Status matched = check instanceof Check.Peer ? Status.AGREED : Status.VERIFIED;
        boolean allAgree = true;
        for (int v = 0; v < runners.size(); v++) {
            if (v == reference) {
                continue;
            }
            if (firsts.get(v).isEmpty()) {
                allAgree = false;
                continue;
            }
            Verification verification = compare(expected.get(), firsts.get(v).get().values(), statements.get(TpchQueries.resultStatement(query)));
            allAgree &= verification.matches();
            reports.set(v, new QueryReport(query, reports.get(v).rows(), Double.NaN, Double.NaN,
                    verification.matches() ? matched : Status.FAILED,
                    verification.matches() ? Optional.empty()
                            : Optional.of((reference >= 0 ? "differs from the other engine's result: " : "") + describe(verification))));
        }
        if (reference >= 0 && allAgree) {
            reports.set(reference, new QueryReport(query, reports.get(reference).rows(), Double.NaN, Double.NaN, Status.AGREED,
                    Optional.empty()));
        }
        return reports;
    }

    /**
     * A first result against the expected one: rows whose ORDER BY keys tie in any order where the
     * keys are result columns by name; in exactly the expected order where the ORDER BY cannot be
     * read so ({@code select} orders by an expression, or by a name the result does not have).
     */
    private static Verification compare(ExpectedResult expected, List<List<Object>> actual, String select) {
        int[] keys;
        try {
            OrderSpec order = OrderSpec.of(select);
            if (!order.ordered()) {
                return AnswerComparator.compare(expected, actual, false);
            }
            keys = order.columnIndexes(expected.columnNames());
        } catch (IllegalArgumentException e) {
            return AnswerComparator.compare(expected, actual, true);
        }
        return AnswerComparator.compare(expected, actual, keys);
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
        List<String> columns = List.of();
        List<List<Object>> values = List.of();
        for (int i = 0; i < statements.size(); i++) {
            try (Result result = session.execute(statements.get(i))) {
                if (result.hasRows()) {
                    rows = result.rowCount();
                    columns = result.columnNames();
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
        return new Execution(System.nanoTime() - start - conversion, rows, columns, values);
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
