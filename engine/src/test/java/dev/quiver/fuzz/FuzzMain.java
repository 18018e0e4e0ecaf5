package dev.quiver.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Long fuzz runs from the command line (the default test suite runs short fixed-seed ones):
 *
 * <pre>
 * FuzzMain [--fuzzer differential|tlp|norec|queries|mutation] [--seed N] [--count N]
 *          [--out DIR] [--mode verify|compile|interpret] [--timeout-ms N] [--replay KEY]
 * </pre>
 *
 * {@code queries} (the default) rotates through the three query oracles; the seed defaults to the
 * clock and is printed. {@code --replay} reruns one failed case from the key its report names:
 * {@code ORACLE:SCHEMA_SEED:CASE_SEED} for a query case, {@code mutation:SCHEMA_SEED:INDEX} for a
 * malformed statement (replays are exact only with the fuzzer's code that found the case). Progress goes to standard output every
 * {@value #PROGRESS_EVERY} cases; every failure is written to its own file in {@code --out} (a psql
 * script for query cases, the statement and stack trace for mutations) as soon as it is found.
 * The exit status is 1 when any case failed.
 */
public final class FuzzMain {
    /** Cases between progress lines. */
    static final int PROGRESS_EVERY = 1_000;
    /** Time a malformed statement may take before it counts as hanging: the bound. */
    static final long MUTATION_TIMEOUT_MILLIS = 5_000;
    /**
     * Time a generated query may take before it counts as hanging: generated queries over tiny
     * tables take milliseconds, but a few nest correlated subqueries four deep (PostgreSQL needs
     * most of a second for some), and a long run shares two cores with other work.
     */
    static final long QUERY_TIMEOUT_MILLIS = 30_000;

    private FuzzMain() {
    }

    /** Parsed command-line options. */
    record Options(String fuzzer, long seed, long count, Path out, String mode, long timeoutMillis, String replay) {
        static Options parse(String[] args) {
            String fuzzer = "queries";
            long seed = System.nanoTime();
            long count = 10_000;
            Path out = Path.of("target", "fuzz-failures");
            String mode = "verify";
            long timeout = -1;
            String replay = null;
            for (int i = 0; i < args.length; i++) {
                if (i + 1 == args.length) {
                    throw new IllegalArgumentException("option " + args[i] + " needs a value; see FuzzMain's Javadoc");
                }
                String value = args[i + 1];
                switch (args[i]) {
                    case "--fuzzer" -> fuzzer = value;
                    case "--seed" -> seed = Long.parseLong(value);
                    case "--count" -> count = Long.parseLong(value.replace("_", ""));
                    case "--out" -> out = Path.of(value);
                    case "--mode" -> mode = value;
                    case "--timeout-ms" -> timeout = Long.parseLong(value);
                    case "--replay" -> replay = value;
                    default -> throw new IllegalArgumentException("unknown option " + args[i] + "; see FuzzMain's Javadoc");
                }
                i++;
            }
            boolean mutation = fuzzer.equalsIgnoreCase("mutation") || replay != null && replay.startsWith("mutation:");
            return new Options(fuzzer.toLowerCase(Locale.ROOT), seed, count, out, mode,
                    timeout >= 0 ? timeout : mutation ? MUTATION_TIMEOUT_MILLIS : QUERY_TIMEOUT_MILLIS, replay);
        }
    }

    public static void main(String[] args) throws IOException {
        Options options = Options.parse(args);
        Files.createDirectories(options.out());
        boolean failed = options.replay() != null ? replay(options) : options.fuzzer().equals("mutation") ? mutate(options) : queries(options);
        System.exit(failed ? 1 : 0);
    }

    private static boolean queries(Options options) {
        List<String> oracles = options.fuzzer().equals("queries") ? QueryFuzzer.ORACLES : List.of(options.fuzzer());
        System.out.printf("query fuzzing: oracles %s, seed %d, %d cases, mode %s, failures to %s%n", oracles, options.seed(),
                options.count(), options.mode(), options.out().toAbsolutePath());
        long start = System.nanoTime();
        try (QueryFuzzer fuzzer = new QueryFuzzer(oracles, options.mode(), options.timeoutMillis())) {
            FuzzStats stats = fuzzer.run(options.seed(), options.count(), f -> write(options.out(), f.oracle() + "-" + f.schemaSeed()
                    + "-" + f.caseSeed() + ".sql", f.script(), f.replayKey() + ": " + firstLine(f.result().detail())),
                    progress(start, options.count()));
            System.out.print(stats.summary());
            System.out.print(stats.topReasons(25));
            System.out.printf("%d cases, %d failed, in %d s%n", stats.total(), stats.failures().size(), seconds(start));
            return !stats.failures().isEmpty();
        }
    }

    private static boolean mutate(Options options) {
        System.out.printf("mutation fuzzing: seed %d, %d statements, mode %s, failures to %s%n", options.seed(), options.count(),
                options.mode(), options.out().toAbsolutePath());
        long start = System.nanoTime();
        try (MutationFuzzer fuzzer = new MutationFuzzer(options.mode(), options.timeoutMillis())) {
            MutationStats stats = fuzzer.run(options.seed(), options.count(),
                    f -> write(options.out(), "mutation-" + f.schemaSeed() + "-" + f.index() + ".txt", f.report(), f.key() + ": " + f.summary()),
                    s -> {
                        if (s.total() % PROGRESS_EVERY == 0) {
                            System.out.printf("[%d/%d] %s (%d s)%n", s.total(), options.count(), s.line(), seconds(start));
                        }
                    });
            System.out.print(stats.summary());
            System.out.printf("%d statements, %d failed, in %d s%n", stats.total(), stats.failures().size(), seconds(start));
            return !stats.failures().isEmpty();
        }
    }

    private static boolean replay(Options options) {
        String[] parts = options.replay().split(":");
        if (parts[0].equals("mutation")) {
            try (MutationFuzzer fuzzer = new MutationFuzzer(options.mode(), options.timeoutMillis())) {
                MutationFuzzer.MutationCase c = fuzzer.replay(Long.parseLong(parts[1]), Integer.parseInt(parts[2]));
                System.out.println(c.report());
                return c.failed();
            }
        }
        try (QueryFuzzer fuzzer = new QueryFuzzer(List.of(parts[0]), options.mode(), options.timeoutMillis())) {
            long schemaSeed = Long.parseLong(parts[1]);
            CaseResult result = fuzzer.replay(parts[0], schemaSeed, Long.parseLong(parts[2]));
            FuzzFailure asFailure = new FuzzFailure(parts[0], schemaSeed, Long.parseLong(parts[2]), QueryFuzzer.schema(schemaSeed), result);
            System.out.println(asFailure.script());
            System.out.println("-- verdict: " + result.status());
            return result.status() == CaseResult.Status.FAILED;
        }
    }

    private static Consumer<FuzzStats> progress(long start, long count) {
        return stats -> {
            if (stats.total() % PROGRESS_EVERY == 0) {
                System.out.printf("[%d/%d] passed %d, both failed %d, skipped %d, reference failed %d, unsupported %d, FAILED %d (%d s)%n",
                        stats.total(), count, stats.count(CaseResult.Status.PASSED), stats.count(CaseResult.Status.BOTH_FAILED),
                        stats.count(CaseResult.Status.SKIPPED), stats.count(CaseResult.Status.REFERENCE_FAILED),
                        stats.count(CaseResult.Status.UNSUPPORTED), stats.count(CaseResult.Status.FAILED), seconds(start));
            }
        };
    }

    private static void write(Path dir, String name, String content, String line) {
        try {
            Files.writeString(dir.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println("FAILED " + line + " -> " + dir.resolve(name));
    }

    private static String firstLine(String s) {
        return Arrays.stream(s.strip().split("\n")).findFirst().orElse("");
    }

    private static long seconds(long startNanos) {
        return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startNanos);
    }
}
