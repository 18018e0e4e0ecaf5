package dev.quiver.tpch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JvmDescriptionTest {
    /** How long the forked runner may take before it counts as hung: generous for a loaded CI machine. */
    private static final long HANG_MINUTES = 5;

    @Test
    void namesTheJvmAndItsCompilerThreads() {
        String description = JvmDescription.describe();
        assertThat(description).startsWith(System.getProperty("java.vm.name") + " " + System.getProperty("java.version") + ", ");
        // The tests run on HotSpot (OpenJDK), whose diagnostic bean has the option.
        int threads = JvmDescription.compilerThreads().orElseThrow();
        assertThat(threads).isPositive();
        assertThat(description).endsWith(", " + threads + " JIT compiler threads");
    }

    @Test
    void theRunnerReportsTheCompilerThreadsItsJvmWasStartedWith(@TempDir Path dir) throws IOException, InterruptedException {
        // A JVM of its own, so that the count is one this test chose rather than the machine's default.
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path output = dir.resolve("runner.out");
        Process process = new ProcessBuilder(List.of(java.toString(), "--add-opens=java.base/java.nio=ALL-UNNAMED",
                "-XX:CICompilerCount=3", "-cp", System.getProperty("java.class.path"), TpchBenchmark.class.getName(),
                "--sf", "0.01", "--queries", "6", "--runs", "1"))
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        // A hang guard only: the run takes a few seconds.
        boolean ended = process.waitFor(HANG_MINUTES, TimeUnit.MINUTES);
        if (!ended) {
            process.destroyForcibly().waitFor();
        }
        String out = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(ended).as(out).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        assertThat(out).contains("\nJVM: " + System.getProperty("java.vm.name") + " ")
                .contains(", 3 JIT compiler threads\n");
    }
}
