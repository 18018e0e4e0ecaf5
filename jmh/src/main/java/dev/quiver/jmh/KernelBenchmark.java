package dev.quiver.jmh;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The settings every kernel benchmark shares (JMH reads them from the superclass): average time
 * in nanoseconds per {@code @OperationsPerInvocation} element, one fork, one thread. Five warm-up
 * and five measured one-second iterations: on the shared 2-core machine the JIT needed about three
 * seconds to settle on some of these loops (LIKE, the join probe), and the whole suite still stays
 * under a quarter of an hour.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-opens=java.base/java.nio=ALL-UNNAMED")
public abstract class KernelBenchmark {
}
