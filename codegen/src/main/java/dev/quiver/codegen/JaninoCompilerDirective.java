package dev.quiver.codegen;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * An opt-in setting of the JVM for small machines: keeps Janino's own methods out of HotSpot's
 * optimizing compiler (C2), so that C1 alone compiles them. Each query's first run has Janino
 * compile its pipelines, which makes Janino's parser and compiler hot, and C2 then spends 0.3 to
 * 1.4 s on each of its largest methods (measured with {@code -XX:+LogCompilation} on 2 CPUs) while
 * the queries' own generated classes wait in its queue and the query threads share the cores with
 * it. C1's code for Janino compiles pipelines about as fast (README, Performance, round 14).
 *
 * <p>The directive is added at run time through HotSpot's diagnostic command bean (what {@code
 * jcmd <pid> Compiler.directives_add} does), so no JVM flag is needed; it affects methods compiled
 * from then on, every class of the {@code org.codehaus} packages in the JVM included. The library
 * never adds it by itself: the {@code quiver} command does on machines with few CPUs, and a host
 * application may call {@link #install()} early, before its first query. The first call takes
 * about 0.2 s, most of it starting the JVM's management server, so a host that minds its start-up
 * may make it on a thread of its own, as the command's shell does.
 */
public final class JaninoCompilerDirective {
    /** The directive in HotSpot's JSON dialect: Janino's methods (and its commons-compiler's) excluded from C2. */
    static final String DIRECTIVE = "[ { match: \"org/codehaus/*.*\", c2: { Exclude: true } } ]\n";

    private static final String DIAGNOSTIC_COMMAND_BEAN = "com.sun.management:type=DiagnosticCommand";

    private static boolean installed;

    private JaninoCompilerDirective() {
    }

    /**
     * Adds the directive once per JVM; true when it is in force (added now or before), false where
     * the JVM cannot take it (not HotSpot, no diagnostic command bean, or the command refused
     * it), which leaves the JVM as it was. Never throws: the setting changes speed, never results.
     */
    public static synchronized boolean install() {
        if (!installed) {
            installed = add();
        }
        return installed;
    }

    /** Whether {@link #install()} has put the directive in force in this JVM. */
    public static synchronized boolean installed() {
        return installed;
    }

    private static boolean add() {
        Path file = null;
        try {
            // The command reads directives from a file only.
            file = Files.createTempFile("quiver-janino-directive", ".json");
            Files.writeString(file, DIRECTIVE, StandardCharsets.UTF_8);
            Object output = ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName(DIAGNOSTIC_COMMAND_BEAN),
                    "compilerDirectivesAdd", new Object[] {new String[] {file.toString()}}, new String[] {String[].class.getName()});
            // HotSpot answers "1 compiler directives added", or says why it added none.
            return String.valueOf(output).startsWith("1 compiler directives added");
        } catch (IOException | JMException | RuntimeException e) {
            return false;
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    // A leftover temporary file of one line; the directive's outcome stands.
                }
            }
        }
    }
}
