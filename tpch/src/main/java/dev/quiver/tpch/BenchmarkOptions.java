package dev.quiver.tpch;

import static java.util.Objects.requireNonNull;

import dev.quiver.ExecutionMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The options of the TPC-H runner ({@link TpchBenchmark}), parsed from its command line.
 *
 * @param scaleFactor data size ({@code --sf}, default {@value #DEFAULT_SCALE_FACTOR})
 * @param queries query numbers to run, in order ({@code --queries 1,6} or {@code all})
 * @param allQueries whether {@code --queries all} was given: then an unsupported query is reported but is not a failure
 * @param mode execution mode ({@code --mode interpret|compile|verify}, default compile)
 * @param runs timed runs after one warm-up run ({@code --runs}, default {@value #DEFAULT_RUNS})
 * @param threads worker threads for loading and queries ({@code --threads}, default one per core)
 * @param verify whether to check the first run's result against the reference answer ({@code --no-verify} turns it off)
 * @param answers a directory of {@code qNN.csv} answers to use instead of the shipped ones ({@code --answers})
 * @param estimates whether to measure the optimizer's row estimates instead of timing ({@code --estimates}, {@link TpchEstimates})
 * @param compareExploration whether to time each query with the optimizer's exploration on and off
 *     ({@code --compare-exploration}, {@link ExplorationComparison}); excludes {@code estimates}
 * @param compareDuckDb whether to time each query on Quiver and on DuckDB, in the same process, taking turns
 *     ({@code --compare duckdb}, {@link DuckDbComparison}); excludes {@code estimates} and {@code compareExploration}
 */
public record BenchmarkOptions(double scaleFactor, List<Integer> queries, boolean allQueries, ExecutionMode mode, int runs,
        int threads, boolean verify, Optional<Path> answers, boolean estimates, boolean compareExploration,
        boolean compareDuckDb) {
    /** Small enough to load in about a second, large enough that query times mean something. */
    public static final double DEFAULT_SCALE_FACTOR = 0.1;
    /** Odd, so the median is one measured run; enough to smooth out a GC pause. */
    public static final int DEFAULT_RUNS = 5;
    /** The engine {@code --compare} takes: the only one the runner compares Quiver with. */
    public static final String DUCKDB = "duckdb";

    public static final String USAGE = """
            usage: quiver tpch [options]
              --sf X            scale factor (default 0.1; answers ship for 0.01, 0.1 and 1)
              --queries LIST    query numbers, e.g. 1,6 or 1-22, or 'all' (default: the queries Quiver supports: %s)
              --mode MODE       interpret, compile or verify (default compile)
              --runs N          timed runs per query after one warm-up run (default 5); the median is reported
              --threads N       worker threads (default: one per core, %d here)
              --no-verify       do not check the first run's result against the reference answer
              --answers DIR     check against DIR/qNN.csv instead of the shipped answers
              --estimates       instead of timing, run each query once under EXPLAIN ANALYZE and report the
                                q-error of the optimizer's row estimates
              --compare-exploration
                                time each query with the optimizer's exploration on and off, alternating runs,
                                verify both, and report both medians, their ratio, whether the plans differ,
                                and both totals (not with --estimates)
              --compare duckdb  also load the data into an in-process DuckDB (load time reported apart) and run
                                both engines on each query, taking turns, with the same threads; verify both,
                                and report both medians, their ratio, and at the end the geometric mean of the
                                ratios and both totals (not with --estimates or --compare-exploration)
              --help            show this help
            """.formatted(TpchQueries.SUPPORTED.stream().map(String::valueOf).reduce((a, b) -> a + "," + b).orElse(""),
            Runtime.getRuntime().availableProcessors());

    public BenchmarkOptions {
        requireNonNull(mode, "mode");
        requireNonNull(answers, "answers");
        queries = List.copyOf(queries);
        if (estimates && compareExploration) {
            throw new IllegalArgumentException("--compare-exploration and --estimates cannot be combined: --estimates runs each query "
                    + "once under EXPLAIN ANALYZE without timing it; run them separately");
        }
        if (compareDuckDb && (estimates || compareExploration)) {
            throw new IllegalArgumentException("--compare duckdb and " + (estimates ? "--estimates" : "--compare-exploration")
                    + " cannot be combined: each makes its own report; run them separately");
        }
    }

    /** The defaults: SF 0.1, the supported queries, compile mode, 5 runs, one thread per core, verified. */
    public static BenchmarkOptions defaults() {
        return new BenchmarkOptions(DEFAULT_SCALE_FACTOR, TpchQueries.SUPPORTED, false, ExecutionMode.COMPILE, DEFAULT_RUNS,
                Runtime.getRuntime().availableProcessors(), true, Optional.empty(), false, false, false);
    }

    /** Parses command-line arguments; a bad argument is an {@link IllegalArgumentException} with a message for the user. */
    public static BenchmarkOptions parse(String... args) {
        BenchmarkOptions o = defaults();
        double sf = o.scaleFactor;
        List<Integer> queries = o.queries;
        boolean all = false;
        ExecutionMode mode = o.mode;
        int runs = o.runs;
        int threads = o.threads;
        boolean verify = true;
        Optional<Path> answers = Optional.empty();
        boolean estimates = false;
        boolean compareExploration = false;
        boolean compareDuckDb = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                value = arg.substring(eq + 1);
                arg = arg.substring(0, eq);
            }
            switch (arg) {
                case "--sf", "--scale-factor" -> {
                    String v = value != null ? value : next(args, ++i, arg);
                    try {
                        sf = Double.parseDouble(v);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--sf needs a number such as 0.1, got '" + v + "'");
                    }
                    if (!(sf > 0) || Double.isInfinite(sf)) {
                        throw new IllegalArgumentException("--sf must be greater than 0, got " + v);
                    }
                }
                case "--queries", "-q" -> {
                    String v = value != null ? value : next(args, ++i, arg);
                    all = v.trim().equalsIgnoreCase("all");
                    queries = all ? TpchQueries.ALL : parseQueries(v);
                }
                case "--mode" -> {
                    String v = value != null ? value : next(args, ++i, arg);
                    try {
                        mode = ExecutionMode.valueOf(v.trim().toUpperCase(Locale.ROOT));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("--mode must be interpret, compile or verify, got '" + v + "'");
                    }
                }
                case "--runs" -> runs = positive(value != null ? value : next(args, ++i, arg), arg);
                case "--threads" -> threads = positive(value != null ? value : next(args, ++i, arg), arg);
                case "--no-verify" -> verify = false;
                case "--estimates" -> estimates = true;
                case "--compare-exploration" -> compareExploration = true;
                case "--compare" -> {
                    String v = value != null ? value : next(args, ++i, arg);
                    if (!v.trim().equalsIgnoreCase(DUCKDB)) {
                        throw new IllegalArgumentException("--compare takes duckdb, the one engine the runner compares Quiver with, got '"
                                + v + "' (for exploration on and off, --compare-exploration)");
                    }
                    compareDuckDb = true;
                }
                case "--verify" -> verify = true;
                case "--answers" -> answers = Optional.of(Path.of(value != null ? value : next(args, ++i, arg)));
                default -> throw new IllegalArgumentException("unknown option '" + args[i] + "'");
            }
        }
        return new BenchmarkOptions(sf, queries, all, mode, runs, threads, verify, answers, estimates, compareExploration,
                compareDuckDb);
    }

    /** Whether {@code args} ask for help. */
    public static boolean wantsHelp(String... args) {
        for (String a : args) {
            if (a.equals("--help") || a.equals("-h") || a.equals("help")) {
                return true;
            }
        }
        return false;
    }

    private static List<Integer> parseQueries(String text) {
        LinkedHashSet<Integer> numbers = new LinkedHashSet<>();
        for (String part : text.split(",")) {
            String p = part.trim().toLowerCase(Locale.ROOT).replaceFirst("^q", "");
            if (p.isEmpty()) {
                continue;
            }
            int dash = p.indexOf('-');
            int from = query(dash < 0 ? p : p.substring(0, dash), text);
            int to = dash < 0 ? from : query(p.substring(dash + 1), text);
            if (to < from) {
                throw new IllegalArgumentException("--queries range " + part.trim() + " is backwards");
            }
            for (int q = from; q <= to; q++) {
                numbers.add(q);
            }
        }
        if (numbers.isEmpty()) {
            throw new IllegalArgumentException("--queries needs query numbers such as 1,6 or 1-22, or 'all'");
        }
        return new ArrayList<>(numbers);
    }

    private static int query(String text, String whole) {
        try {
            int q = Integer.parseInt(text.trim());
            if (q >= 1 && q <= 22) {
                return q;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--queries takes numbers from 1 to 22 (or 'all'), got '" + whole + "'");
    }

    private static int positive(String text, String option) {
        try {
            int n = Integer.parseInt(text.trim());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " needs a whole number of at least 1, got '" + text + "'");
    }

    private static String next(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }
}
