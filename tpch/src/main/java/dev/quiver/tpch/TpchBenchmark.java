package dev.quiver.tpch;

import static java.util.Objects.requireNonNull;

import dev.quiver.Database;
import dev.quiver.DatabaseOptions;
import dev.quiver.Quiver;
import dev.quiver.Result;
import dev.quiver.Row;
import dev.quiver.Session;
import dev.quiver.error.QuiverException;
import dev.quiver.error.SqlState;
import dev.quiver.tpch.QueryReport.Status;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The TPC-H benchmark runner: loads the data in memory at a scale factor, runs the chosen queries
 * (one warm-up run, then timed runs), checks the first run's result against the reference answer,
 * and prints a table of rows, median and fastest time and status per query.
 *
 * <pre>
 * java -jar quiver.jar tpch --sf 1 --queries 1,6 --runs 5 --mode compile
 * </pre>
 *
 * <p>Exit status: 0 when every query ran and verified (or was unverified by request); 1 when a
 * result was wrong, a query failed, or a query the user asked for by number is unsupported (with
 * {@code --queries all}, unsupported queries are only reported); 2 for bad options.
 */
public final class TpchBenchmark {
    /** Exit status when every query passed. */
    public static final int EXIT_OK = 0;
    /** Exit status when a query failed or gave a wrong answer. */
    public static final int EXIT_FAILED = 1;
    /** Exit status for bad command-line options. */
    public static final int EXIT_USAGE = 2;

    /** A statement that only cleans up after a query (Q15's DROP VIEW): run even when an earlier one failed. */
    private static final Pattern CLEANUP = Pattern.compile("(?is)^(\\s*--[^\\n]*\\n)*\\s*drop\\b.*");
    private static final double NANOS_PER_MILLI = 1_000_000.0;

    private TpchBenchmark() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the benchmark with command-line arguments; returns the exit status (never calls System.exit). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        requireNonNull(args, "args");
        if (BenchmarkOptions.wantsHelp(args)) {
            out.print(BenchmarkOptions.USAGE);
            return EXIT_OK;
        }
        BenchmarkOptions options;
        try {
            options = BenchmarkOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("quiver tpch: " + e.getMessage());
            err.print(BenchmarkOptions.USAGE);
            return EXIT_USAGE;
        }
        try {
            return run(options, out);
        } catch (QuiverException e) {
            err.println("ERROR: " + e.getMessage());
            return EXIT_FAILED;
        } catch (RuntimeException e) {
            err.println("ERROR: internal error: " + e);
            return EXIT_FAILED;
        }
    }

    /** Runs the benchmark; prints the report to {@code out} and returns the exit status. */
    public static int run(BenchmarkOptions options, PrintStream out) {
        String sf = TpchDataGenerator.formatScaleFactor(options.scaleFactor());
        if (options.estimates()) {
            return estimates(options, sf, out);
        }
        out.printf(Locale.ROOT, "TPC-H SF %s, mode %s, %d thread%s, %d timed run%s after a warm-up%n", sf,
                options.mode().name().toLowerCase(Locale.ROOT), options.threads(), options.threads() == 1 ? "" : "s",
                options.runs(), options.runs() == 1 ? "" : "s");
        List<QueryReport> reports = new ArrayList<>();
        try (Database db = Quiver.openInMemory(DatabaseOptions.defaults().withThreads(options.threads()));
                Session session = db.connect()) {
            LoadReport load = TpchDataGenerator.load(session, options.scaleFactor(), options.threads(), false);
            out.printf(Locale.ROOT, "loaded %,d rows in %d ms (lineitem %,d rows)%n", load.totalRows(), load.elapsed().toMillis(),
                    load.rowCounts().get(TpchTables.LINEITEM.name()));
            out.flush();
            session.set("execution_mode", options.mode().name().toLowerCase(Locale.ROOT));
            // The benchmark measures the generated code itself, small pipelines included.
            session.set("compile_min_rows", "0");
            for (int query : options.queries()) {
                reports.add(runQuery(session, query, options.runs(), expected(options, query)));
            }
        }
        print(reports, options, out);
        return exitStatus(reports, options.allQueries());
    }

    /** {@code --estimates}: loads the data and reports the optimizer's row estimates per query ({@link TpchEstimates}). */
    private static int estimates(BenchmarkOptions options, String sf, PrintStream out) {
        String mode = options.mode().name().toLowerCase(Locale.ROOT);
        out.printf(Locale.ROOT, "TPC-H SF %s, row estimates against actual rows (EXPLAIN ANALYZE, mode %s)%n", sf, mode);
        try (Database db = Quiver.openInMemory(DatabaseOptions.defaults().withThreads(options.threads()));
                Session session = db.connect()) {
            TpchDataGenerator.load(session, options.scaleFactor(), options.threads(), false);
            session.set("execution_mode", mode);
            TpchEstimates.run(session, options.queries(), out);
        }
        return EXIT_OK;
    }

    /** The exit status for a set of reports: failures always count, unsupported ones unless all queries were asked for. */
    static int exitStatus(List<QueryReport> reports, boolean allQueries) {
        for (QueryReport r : reports) {
            if (r.status() == Status.FAILED || (r.status() == Status.UNSUPPORTED && !allQueries)) {
                return EXIT_FAILED;
            }
        }
        return EXIT_OK;
    }

    private static Optional<ExpectedResult> expected(BenchmarkOptions options, int query) {
        if (!options.verify()) {
            return Optional.empty();
        }
        return options.answers().isPresent()
                ? ExpectedResult.forQuery(options.answers().get(), query)
                : ExpectedResult.forQuery(options.scaleFactor(), query);
    }

    /**
     * Runs one query in {@code session}: a warm-up run whose result is compared with
     * {@code expected} (if present), then {@code runs} timed runs.
     */
    public static QueryReport runQuery(Session session, int query, int runs, Optional<ExpectedResult> expected) {
        requireNonNull(session, "session");
        requireNonNull(expected, "expected");
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be at least 1");
        }
        List<String> statements = TpchQueries.statements(query);
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
        long[] nanos = new long[runs];
        try {
            for (int i = 0; i < runs; i++) {
                nanos[i] = execute(session, statements, false).nanos();
            }
        } catch (QuiverException e) {
            return new QueryReport(query, first.rows(), Double.NaN, Double.NaN, Status.FAILED,
                    Optional.of("ERROR in a timed run: " + e.getMessage()));
        }
        Arrays.sort(nanos);
        double median = (runs % 2 == 1 ? nanos[runs / 2] : (nanos[runs / 2 - 1] + nanos[runs / 2]) / 2.0) / NANOS_PER_MILLI;
        return new QueryReport(query, first.rows(), median, nanos[0] / NANOS_PER_MILLI, status, detail);
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

    /** Prints the aligned report table, the details of failures, and a total line. */
    static void print(List<QueryReport> reports, BenchmarkOptions options, PrintStream out) {
        String[] header = {"query", "rows", "median ms", "min ms", "status"};
        boolean[] right = {false, true, true, true, false};
        List<String[]> lines = new ArrayList<>();
        for (QueryReport r : reports) {
            lines.add(new String[] {
                String.format(Locale.ROOT, "Q%02d", r.query()),
                r.rows() < 0 ? "" : String.valueOf(r.rows()),
                millis(r.medianMillis()),
                millis(r.minMillis()),
                r.status().label()});
        }
        int[] width = new int[header.length];
        for (int c = 0; c < header.length; c++) {
            width[c] = header[c].length();
            for (String[] line : lines) {
                width[c] = Math.max(width[c], line[c].length());
            }
        }
        out.println();
        out.println(row(header, width, new boolean[header.length]));
        StringBuilder rule = new StringBuilder();
        for (int c = 0; c < header.length; c++) {
            rule.append(c == 0 ? "" : "-+-").append("-".repeat(width[c]));
        }
        out.println(rule);
        for (String[] line : lines) {
            out.println(row(line, width, right));
        }
        out.println();
        for (QueryReport r : reports) {
            if (r.detail().isPresent() && r.status() != Status.VERIFIED) {
                out.printf(Locale.ROOT, "Q%02d %s: %s%n", r.query(), r.status().label(), r.detail().get());
            }
        }
        long verified = reports.stream().filter(r -> r.status() == Status.VERIFIED).count();
        long failed = reports.stream().filter(r -> r.status() == Status.FAILED).count();
        long unsupported = reports.stream().filter(r -> r.status() == Status.UNSUPPORTED).count();
        long unverified = reports.stream().filter(r -> r.status() == Status.UNVERIFIED).count();
        double total = reports.stream().filter(r -> !Double.isNaN(r.medianMillis())).mapToDouble(QueryReport::medianMillis).sum();
        out.printf(Locale.ROOT, "total: %d quer%s, %d verified, %d failed, %d unsupported%s; sum of medians %s ms%n",
                reports.size(), reports.size() == 1 ? "y" : "ies", verified, failed, unsupported,
                unverified == 0 ? "" : ", " + unverified + " not verified", millis(total));
        if (options.verify() && unverified > 0) {
            out.println("(no reference answers for " + (options.answers().isPresent() ? "some queries in " + options.answers().get()
                    : "SF " + TpchDataGenerator.formatScaleFactor(options.scaleFactor()) + "; answers ship for SF 0.01, 0.1 and 1")
                    + "; --answers DIR checks against DIR/qNN.csv)");
        }
        if (!options.allQueries() && unsupported > 0) {
            out.println("(unsupported queries count as failures when asked for by number; use --queries all to only report them)");
        }
    }

    private static String row(String[] cells, int[] width, boolean[] right) {
        StringBuilder s = new StringBuilder();
        for (int c = 0; c < cells.length; c++) {
            if (c > 0) {
                s.append(" | ");
            }
            String pad = " ".repeat(width[c] - cells[c].length());
            s.append(right[c] ? pad + cells[c] : c == cells.length - 1 ? cells[c] : cells[c] + pad);
        }
        return s.toString();
    }

    private static String millis(double ms) {
        return Double.isNaN(ms) ? "" : String.format(Locale.ROOT, "%.1f", ms);
    }
}
