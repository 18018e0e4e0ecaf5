package dev.quiver.tpch;

import static java.util.Objects.requireNonNull;

import dev.quiver.Database;
import dev.quiver.DatabaseOptions;
import dev.quiver.Quiver;
import dev.quiver.Session;
import dev.quiver.error.QuiverException;
import dev.quiver.tpch.QueryReport.Status;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The TPC-H benchmark runner: loads the data in memory at a scale factor, runs the chosen queries
 * (one warm-up run, then timed runs), checks the first run's result against the reference answer,
 * and prints a table of rows, median and fastest time and status per query. {@code --estimates}
 * reports the optimizer's row estimates instead ({@link TpchEstimates}); {@code --compare-exploration}
 * times every query with the optimizer's exploration on and off ({@link ExplorationComparison});
 * {@code --compare duckdb} times every query on Quiver and on an in-process DuckDB holding the same
 * data ({@link DuckDbComparison}).
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
        out.printf(Locale.ROOT, "TPC-H SF %s, mode %s, %d thread%s, %d timed run%s after a warm-up%s%n", sf,
                options.mode().name().toLowerCase(Locale.ROOT), options.threads(), options.threads() == 1 ? "" : "s",
                options.runs(), options.runs() == 1 ? "" : "s",
                options.compareExploration() ? ", optimizer exploration on and off taking turns"
                        : options.compareDuckDb() ? ", Quiver and DuckDB taking turns" : "");
        out.println("JVM: " + JvmDescription.describe());
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
            if (options.compareExploration()) {
                return ExplorationComparison.run(session, options, out);
            }
            if (options.compareDuckDb()) {
                return DuckDbComparison.run(session, options, out);
            }
            for (int query : options.queries()) {
                reports.add(runQuery(session, query, options.scaleFactor(), options.runs(), expected(options, query)));
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

    static Optional<ExpectedResult> expected(BenchmarkOptions options, int query) {
        if (!options.verify()) {
            return Optional.empty();
        }
        return options.answers().isPresent()
                ? ExpectedResult.forQuery(options.answers().get(), query)
                : ExpectedResult.forQuery(options.scaleFactor(), query);
    }

    /**
     * Runs one query in {@code session}: a warm-up run whose result is compared with
     * {@code expected} (if present), then {@code runs} timed runs ({@link QueryRuns}).
     */
    public static QueryReport runQuery(Session session, int query, double scaleFactor, int runs, Optional<ExpectedResult> expected) {
        return QueryRuns.measure(session, query, scaleFactor, runs, expected, List.of(unchanged -> { })).get(0);
    }

    /** Prints the aligned report table, the details of failures, and a total line. */
    static void print(List<QueryReport> reports, BenchmarkOptions options, PrintStream out) {
        List<String[]> lines = new ArrayList<>();
        for (QueryReport r : reports) {
            lines.add(new String[] {
                String.format(Locale.ROOT, "Q%02d", r.query()),
                r.rows() < 0 ? "" : String.valueOf(r.rows()),
                TextTable.millis(r.medianMillis()),
                TextTable.millis(r.minMillis()),
                r.status().label()});
        }
        out.println();
        TextTable.print(new String[] {"query", "rows", "median ms", "min ms", "status"}, new boolean[] {false, true, true, true, false},
                lines, out);
        out.println();
        printDetails(reports, "", out);
        long verified = reports.stream().filter(r -> r.status() == Status.VERIFIED).count();
        long failed = reports.stream().filter(r -> r.status() == Status.FAILED).count();
        long unsupported = reports.stream().filter(r -> r.status() == Status.UNSUPPORTED).count();
        long unverified = reports.stream().filter(r -> r.status() == Status.UNVERIFIED).count();
        double total = reports.stream().filter(r -> !Double.isNaN(r.medianMillis())).mapToDouble(QueryReport::medianMillis).sum();
        out.printf(Locale.ROOT, "total: %d quer%s, %d verified, %d failed, %d unsupported%s; sum of medians %s ms%n",
                reports.size(), reports.size() == 1 ? "y" : "ies", verified, failed, unsupported,
                unverified == 0 ? "" : ", " + unverified + " not verified", TextTable.millis(total));
        printNotes(options, unverified > 0, unsupported > 0, out);
    }

    /**
     * How many of {@code reports} verified, e.g. {@code 21/22 verified}; with no reference answer,
     * how many agreed with the other engine, e.g. {@code 22/22 agreed}.
     */
    static String verified(List<QueryReport> reports) {
        long verified = reports.stream().filter(r -> r.status() == Status.VERIFIED).count();
        long agreed = reports.stream().filter(r -> r.status() == Status.AGREED).count();
        if (agreed == 0) {
            return verified + "/" + reports.size() + " verified";
        }
        return verified == 0 ? agreed + "/" + reports.size() + " agreed"
                : verified + " verified and " + agreed + " agreed of " + reports.size();
    }

    /** Prints what went wrong (or is unsupported) with each query that did not verify; {@code context} follows the status. */
    static void printDetails(List<QueryReport> reports, String context, PrintStream out) {
        for (QueryReport r : reports) {
            if (r.detail().isPresent() && r.status() != Status.VERIFIED && r.status() != Status.AGREED) {
                out.printf(Locale.ROOT, "Q%02d %s%s: %s%n", r.query(), r.status().label(), context, r.detail().get());
            }
        }
    }

    /** Prints the notes under the totals that {@code reports} call for: answers missing, unsupported queries. */
    static void printNotes(BenchmarkOptions options, List<QueryReport> reports, PrintStream out) {
        printNotes(options, reports.stream().anyMatch(r -> r.status() == Status.UNVERIFIED),
                reports.stream().anyMatch(r -> r.status() == Status.UNSUPPORTED), out);
    }

    /** Prints the notes under the totals: where answers are missing, and when unsupported queries count as failures. */
    static void printNotes(BenchmarkOptions options, boolean unverified, boolean unsupported, PrintStream out) {
        if (options.verify() && unverified) {
            out.println("(no reference answers for " + (options.answers().isPresent() ? "some queries in " + options.answers().get()
                    : "SF " + TpchDataGenerator.formatScaleFactor(options.scaleFactor()) + "; answers ship for SF 0.01, 0.1 and 1")
                    + "; --answers DIR checks against DIR/qNN.csv)");
        }
        if (!options.allQueries() && unsupported) {
            out.println("(unsupported queries count as failures when asked for by number; use --queries all to only report them)");
        }
    }
}
