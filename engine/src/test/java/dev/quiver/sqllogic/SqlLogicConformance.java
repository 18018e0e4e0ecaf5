package dev.quiver.sqllogic;

import dev.quiver.ExecutionMode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The conformance command: runs any subset of the SQLite sqllogictest corpus against Quiver (as
 * engine {@code postgresql} for {@code skipif}/{@code onlyif}) and prints a table per directory.
 *
 * <pre>
 * SqlLogicConformance [--mode interpret|compile|verify] [--threads N] [--workers N]
 *                     [--timeout SECONDS] [--out DIR] [--quiet] [glob ...]
 * </pre>
 *
 * Globs name corpus files as {@code test/select1.test}, {@code test/random/expr/*.test},
 * {@code test/index/**} (default: the whole corpus). {@code --threads} files run at once (default:
 * the number of cores), each against its own database with {@code --workers} worker threads
 * (default 2) in {@code --mode} (default verify). A record running longer than {@code --timeout}
 * seconds (default 60) is cancelled and fails. Failing records (file:line, SQL, expected, actual or
 * error) go to {@code DIR/failures.txt}, the printed report to {@code DIR/report.txt}
 * (default DIR: {@code target/sqllogic-conformance}). Exits 0 when it ran, whatever failed; 2 on bad arguments.
 */
public final class SqlLogicConformance {
    /** Per-record time limit by default: far above any sane record of the corpus, short enough that a hang costs little. */
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private SqlLogicConformance() {
    }

    /** The command line, parsed. */
    record Arguments(SqlLogicOptions options, int threads, Path out, boolean quiet, List<String> globs) {
        static Arguments parse(String[] args) {
            SqlLogicOptions options = SqlLogicOptions.corpus().withRecordTimeout(DEFAULT_TIMEOUT);
            int threads = Runtime.getRuntime().availableProcessors();
            Path out = Path.of("target", "sqllogic-conformance");
            boolean quiet = false;
            List<String> globs = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (!a.startsWith("--")) {
                    globs.add(a);
                    continue;
                }
                if (a.equals("--quiet")) {
                    quiet = true;
                    continue;
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(a + " needs a value");
                }
                String v = args[++i];
                switch (a) {
                    case "--mode" -> options = options.withMode(ExecutionMode.valueOf(v.toUpperCase(Locale.ROOT)));
                    case "--threads" -> threads = positive(a, v);
                    case "--workers" -> options = options.withWorkerThreads(positive(a, v));
                    case "--timeout" -> options = options.withRecordTimeout(Duration.ofSeconds(positive(a, v)));
                    case "--out" -> out = Path.of(v);
                    default -> throw new IllegalArgumentException("unknown option " + a);
                }
            }
            if (globs.isEmpty()) {
                globs.add(SqliteCorpus.TOP + "/**");
            }
            return new Arguments(options, threads, out, quiet, globs);
        }

        private static int positive(String option, String value) {
            int n = Integer.parseInt(value);
            if (n < 1) {
                throw new IllegalArgumentException(option + " must be at least 1: " + value);
            }
            return n;
        }
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Arguments a;
        try {
            a = Arguments.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("sqllogic conformance: " + e.getMessage() + "\nusage: [--mode interpret|compile|verify] "
                    + "[--threads N] [--workers N] [--timeout SECONDS] [--out DIR] [--quiet] [glob ...]");
            System.exit(2);
            return;
        }
        SqliteCorpus corpus = SqliteCorpus.onClassPath();
        List<String> files = corpus.find(a.globs());
        if (files.isEmpty()) {
            System.err.println("sqllogic conformance: no corpus file matches " + a.globs());
            System.exit(2);
        }
        Files.createDirectories(a.out());
        Path failuresFile = a.out().resolve("failures.txt");
        long start = System.nanoTime();
        List<ConformanceFileResult> results = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(a.threads());
        try (BufferedWriter failures = Files.newBufferedWriter(failuresFile, StandardCharsets.UTF_8)) {
            ExecutorCompletionService<ConformanceFileResult> done = new ExecutorCompletionService<>(pool);
            for (String file : files) {
                done.submit(() -> runFile(corpus, file, a.options(), failures));
            }
            for (int i = 0; i < files.size(); i++) {
                ConformanceFileResult r = done.take().get();
                results.add(r);
                if (!a.quiet()) {
                    System.out.printf("[%d/%d] %s: %d run, %d failed, %d skipped, %.1f s%n", i + 1, files.size(), r.file(), r.run(),
                            r.failed(), r.skipped(), r.nanos() / 1e9);
                }
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("the conformance run itself failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        String report = new ConformanceReport(results).render() + String.format(
                "%nmode %s, %d files at a time, %d workers each; %.1f s; failing records in %s%n",
                a.options().mode().name().toLowerCase(Locale.ROOT), a.threads(), a.options().workerThreads(),
                (System.nanoTime() - start) / 1e9, failuresFile);
        System.out.println();
        System.out.print(report);
        Files.writeString(a.out().resolve("report.txt"), report, StandardCharsets.UTF_8);
        System.exit(0); // database worker pools are not daemon threads
    }

    /** Runs one corpus file, counting outcomes and writing each failure's full report to {@code failures}. */
    static ConformanceFileResult runFile(SqliteCorpus corpus, String file, SqlLogicOptions options, BufferedWriter failures) {
        long t0 = System.nanoTime();
        ConformanceFileResult.Builder result = new ConformanceFileResult.Builder(file);
        SqlLogicScript script;
        try {
            script = corpus.parse(file);
        } catch (RuntimeException e) {
            result.failed("file cannot be parsed: " + SqlLogicFailure.firstLine(e.getMessage()));
            log(failures, file + ": cannot be parsed: " + e.getMessage());
            return result.build(System.nanoTime() - t0);
        }
        result.skipped(script.skippedByCondition());
        try (SqlLogicRunner runner = new SqlLogicRunner(file, options)) {
            for (SqlLogicRecord r : script.records()) {
                if (r instanceof SqlLogicRecord.HashThreshold) {
                    runner.run(r); // a setting, not a record that passes or fails
                    continue;
                }
                try {
                    runner.run(r);
                    result.passed();
                } catch (SqlLogicFailure f) {
                    result.failed(f.summary());
                    log(failures, f.getMessage());
                }
            }
            try {
                runner.finish();
            } catch (AssertionError | RuntimeException e) {
                result.failed("end of file: " + SqlLogicFailure.firstLine(e.getMessage()));
                log(failures, file + ": end of file: " + e.getMessage());
            }
        }
        return result.build(System.nanoTime() - t0);
    }

    private static void log(BufferedWriter failures, String message) {
        synchronized (failures) {
            try {
                failures.write(message);
                failures.write("\n\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
