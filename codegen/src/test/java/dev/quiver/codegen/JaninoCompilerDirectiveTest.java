package dev.quiver.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

class JaninoCompilerDirectiveTest {
    @Test
    void hotSpotHasJaninosMethodsExcludedFromC2AfterInstall() throws JMException {
        // The tests run on HotSpot (OpenJDK), whose diagnostic command bean takes directives.
        assertThat(JaninoCompilerDirective.install()).isTrue();
        assertThat(JaninoCompilerDirective.installed()).isTrue();
        // Installing again adds nothing and stays in force.
        assertThat(JaninoCompilerDirective.install()).isTrue();

        // What HotSpot itself holds, printed as `jcmd <pid> Compiler.directives_print` prints it.
        String printed = String.valueOf(ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerDirectivesPrint", new Object[0], new String[0]));
        int directive = printed.indexOf("matching: org/codehaus/*.*");
        assertThat(directive).as(printed).isNotNegative();
        assertThat(printed.indexOf("matching: org/codehaus/*.*", directive + 1)).as("added once: " + printed).isNegative();
        String rest = printed.substring(directive);
        String c1 = rest.substring(rest.indexOf("c1 directives:"), rest.indexOf("c2 directives:"));
        String c2 = rest.substring(rest.indexOf("c2 directives:"));
        assertThat(c1).as(printed).contains("Exclude:false");
        assertThat(c2.substring(0, c2.indexOf('\n', c2.indexOf("Exclude:")))).as(printed).contains("Exclude:true");

        // Janino still compiles, its methods by C1 alone from now on.
        ClassCompiler.Outcome outcome = ClassCompiler.attempt("AfterDirective",
                "package dev.quiver.codegen.generated; public final class AfterDirective { public static int twice(int x) { return 2 * x; } }");
        assertThat(outcome).isInstanceOf(ClassCompiler.Compiled.class);
    }
}
