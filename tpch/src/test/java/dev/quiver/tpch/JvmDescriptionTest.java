package dev.quiver.tpch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.codegen.JaninoCompilerDirective;
import org.junit.jupiter.api.Test;

class JvmDescriptionTest {
    @Test
    void namesTheJvmAndItsCompilerThreads() {
        String description = JvmDescription.describe();
        assertThat(description).startsWith(System.getProperty("java.vm.name") + " " + System.getProperty("java.version") + ", ");
        // The tests run on HotSpot (OpenJDK), whose diagnostic bean has the option.
        int threads = JvmDescription.compilerThreads().orElseThrow();
        assertThat(threads).isPositive();
        String janino = JaninoCompilerDirective.installed() ? ", Janino by C1 only" : "";
        assertThat(description).endsWith(", " + threads + " JIT compiler threads" + janino);
    }

    @Test
    void saysWhenJaninoIsKeptOutOfC2() {
        assertThat(JaninoCompilerDirective.install()).isTrue();
        assertThat(JvmDescription.describe()).endsWith(" JIT compiler threads, Janino by C1 only");
    }
}
