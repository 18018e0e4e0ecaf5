package dev.quiver.tpch;

import com.sun.management.HotSpotDiagnosticMXBean;
import dev.quiver.codegen.JaninoCompilerDirective;
import java.lang.management.ManagementFactory;
import java.util.Optional;

/**
 * The runner's line about the JVM it runs in: its name, version and, on HotSpot, the number of JIT
 * compiler threads, and whether Janino is kept out of C2 ({@link JaninoCompilerDirective}). Both
 * decide how soon each query's freshly generated classes run as optimized code, and so the runner's
 * timings at a few runs per query (README, Performance); on small machines the {@code quiver}
 * launcher raises the count and the {@code quiver} command adds the directive, a bare {@code java
 * -cp} of the runner does neither.
 */
final class JvmDescription {
    private JvmDescription() {
    }

    /** For example {@code OpenJDK 64-Bit Server VM 17.0.13, 4 JIT compiler threads, Janino by C1 only}. */
    static String describe() {
        String jvm = System.getProperty("java.vm.name") + " " + System.getProperty("java.version");
        String described = compilerThreads().map(threads -> jvm + ", " + threads + " JIT compiler threads").orElse(jvm);
        return JaninoCompilerDirective.installed() ? described + ", Janino by C1 only" : described;
    }

    /** HotSpot's {@code CICompilerCount}; empty on a JVM without HotSpot's diagnostic bean or that option. */
    static Optional<Integer> compilerThreads() {
        try {
            // The bean may be missing (null) on a JVM that is not HotSpot.
            return Optional.ofNullable(ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class))
                    .map(hotSpot -> Integer.parseInt(hotSpot.getVMOption("CICompilerCount").getValue()));
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            // No such option (or not a number): the line names the JVM only.
            return Optional.empty();
        }
    }
}
