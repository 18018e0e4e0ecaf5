package dev.quiver.tpch;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** What a command-line run of the TPC-H runner did: its exit status and what it printed. */
record BenchmarkRun(int status, String out, String err) {
    /** Runs {@link TpchBenchmark#run(String[], PrintStream, PrintStream)} with {@code args}. */
    static BenchmarkRun of(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = TpchBenchmark.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new BenchmarkRun(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
