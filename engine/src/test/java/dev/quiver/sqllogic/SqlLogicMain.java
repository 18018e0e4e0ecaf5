package dev.quiver.sqllogic;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs sqllogictest files outside JUnit and prints each failure:
 * {@code SqlLogicMain [file-or-folder ...]} (default: the whole suite).
 */
public final class SqlLogicMain {
    private static final long SLOW_MS = Long.getLong("sqllogic.slowMs", 200);

    private SqlLogicMain() {
    }

    public static void main(String[] args) throws Exception {
        Path root = SqlLogicFiles.root();
        List<Path> files = args.length == 0 ? SqlLogicFiles.find(root, null) : List.of(args).stream().map(Path::of)
                .flatMap(p -> Files.isDirectory(p) ? SqlLogicFiles.find(p, null).stream() : java.util.stream.Stream.of(p)).toList();
        int failures = 0;
        int records = 0;
        long start = System.nanoTime();
        List<Path> runs = new java.util.ArrayList<>();
        for (int i = 0; i < Integer.getInteger("sqllogic.repeat", 1); i++) {
            runs.addAll(files);
        }
        for (Path file : runs) {
            String name = file.toString();
            long t0 = System.nanoTime();
            List<SqlLogicRecord> parsed = SqlLogicParser.parse(name, Files.readString(file, StandardCharsets.UTF_8));
            try (SqlLogicRunner runner = new SqlLogicRunner(name)) {
                for (SqlLogicRecord r : parsed) {
                    records++;
                    long r0 = System.nanoTime();
                    try {
                        runner.run(r);
                        long ms = (System.nanoTime() - r0) / 1_000_000;
                        if (ms >= SLOW_MS) {
                            System.out.println("slow: " + name + ":" + r.line() + " " + ms + " ms");
                        }
                    } catch (AssertionError e) {
                        failures++;
                        System.out.println("FAIL " + e.getMessage() + "\n");
                    }
                }
                try {
                    runner.finish();
                } catch (AssertionError | RuntimeException e) {
                    failures++;
                    System.out.println("FAIL " + name + ": " + e.getMessage() + "\n");
                }
            }
            System.out.printf("%-50s %4d records %7.1f ms%n", name, parsed.size(), (System.nanoTime() - t0) / 1e6);
        }
        System.out.printf("%d records, %d failures, %.1f ms%n", records, failures, (System.nanoTime() - start) / 1e6);
        System.exit(failures == 0 ? 0 : 1);
    }
}
