package dev.quiver.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code quiver} command's JVM settings, seen in the line the TPC-H runner prints about its JVM.
 * Each case is a JVM of its own, told how many CPUs it has, so that what the command decides does
 * not depend on this machine's.
 */
class MainJvmSettingsTest {
    /** How long the forked command may take before it counts as hung: generous for a loaded CI machine. */
    private static final long HANG_MINUTES = 5;

    /** The development machine's CPUs, below {@link Main#SMALL_MACHINE_CPUS}. */
    private static final int FEW_CPUS = 2;

    @Test
    void onAFewCpusTheCommandKeepsJaninoOutOfC2(@TempDir Path dir) throws IOException, InterruptedException {
        assertThat(runnerJvmLine(dir, FEW_CPUS)).endsWith(", 3 JIT compiler threads, Janino by C1 only");
    }

    @Test
    void onManyCpusItLeavesJaninoToTheJvm(@TempDir Path dir) throws IOException, InterruptedException {
        assertThat(runnerJvmLine(dir, Main.SMALL_MACHINE_CPUS)).endsWith(", 3 JIT compiler threads");
    }

    /** The runner's {@code JVM:} line when the command runs Q6 at SF 0.01 in a JVM seeing {@code cpus} CPUs and 3 compiler threads. */
    private static String runnerJvmLine(Path dir, int cpus) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path output = dir.resolve("command.out");
        Process process = new ProcessBuilder(List.of(java.toString(), "--add-opens=java.base/java.nio=ALL-UNNAMED",
                "-XX:ActiveProcessorCount=" + cpus, "-XX:CICompilerCount=3", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "tpch", "--sf", "0.01", "--queries", "6", "--runs", "1"))
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        // A hang guard only: the run takes a few seconds.
        boolean ended = process.waitFor(HANG_MINUTES, TimeUnit.MINUTES);
        if (!ended) {
            process.destroyForcibly().waitFor();
        }
        String out = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(ended).as(out).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        String prefix = "JVM: " + System.getProperty("java.vm.name") + " ";
        return out.lines().filter(line -> line.startsWith(prefix)).findFirst().orElseThrow(() -> new AssertionError("no JVM line in:\n" + out));
    }
}
