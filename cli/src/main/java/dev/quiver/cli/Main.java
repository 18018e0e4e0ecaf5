package dev.quiver.cli;

import dev.quiver.Database;
import dev.quiver.Quiver;
import dev.quiver.Session;
import dev.quiver.codegen.JaninoCompilerDirective;
import dev.quiver.error.QuiverException;
import dev.quiver.tpch.TpchBenchmark;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The {@code quiver} command.
 *
 * <pre>
 * quiver                       interactive SQL shell (statements from standard input if it is not a terminal)
 * quiver -c "SQL; SQL"         run statements, then exit
 * quiver -f script.sql         run a script, then exit
 * quiver tpch [options]        the TPC-H benchmark (quiver tpch --help)
 * </pre>
 *
 * Each run has its own in-memory database. Exit status: 0 on success, 1 when a statement fails
 * (scripts stop at the first failure), 2 for bad command-line usage; {@code quiver tpch} returns
 * the benchmark's status.
 */
public final class Main {
    /** Exit status when everything succeeded. */
    public static final int EXIT_OK = 0;
    /** Exit status when a statement failed. */
    public static final int EXIT_FAILED = 1;
    /** Exit status for bad command-line usage. */
    public static final int EXIT_USAGE = 2;

    static final String USAGE = """
            usage: quiver [options]              interactive SQL shell (or the statements on standard input)
                   quiver -c "SQL; SQL" [...]    run statements and exit
                   quiver -f script.sql [...]    run a script file and exit
                   quiver tpch [options]         TPC-H benchmark; see quiver tpch --help
            options:
              -c, --command SQL        statements to run (may be repeated; run in order)
              -f, --file FILE          script to run (may be repeated; run in order)
              --format table|csv|json  how results are printed (default table)
              -h, --help               show this help
            Every run has its own in-memory database. Exit status: 0 success, 1 a statement failed
            (a script stops at its first failure), 2 bad usage.
            """;

    /**
     * CPUs below which the command keeps Janino out of C2 ({@link JaninoCompilerDirective}): the
     * launcher's bound for more compiler threads too, as from 8 CPUs HotSpot starts 4 or more and
     * C2's compiles of Janino no longer hold up the queries' own classes as much.
     */
    static final int SMALL_MACHINE_CPUS = 8;

    private Main() {
    }

    public static void main(String[] args) {
        // Before any query makes Janino hot. The CPUs the JVM may use, a container's quota included.
        if (Runtime.getRuntime().availableProcessors() < SMALL_MACHINE_CPUS) {
            if (args.length > 0 && args[0].equals("tpch")) {
                // In force before the runner prints its JVM line, which reports it.
                JaninoCompilerDirective.install();
            } else {
                // Off the start-up path: starting the JVM's management server takes about 0.2 s, and
                // Janino grows hot only after many statements.
                Thread installer = new Thread(JaninoCompilerDirective::install, "quiver-janino-directive");
                installer.setDaemon(true);
                installer.start();
            }
        }
        System.exit(run(args, System.in, System.out, System.err));
    }

    /** Runs the command with {@code args}; returns the exit status (never calls System.exit). */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        try {
            if (args.length > 0 && args[0].equals("tpch")) {
                return TpchBenchmark.run(Arrays.copyOfRange(args, 1, args.length), out, err);
            }
            Options options;
            try {
                options = Options.parse(args);
            } catch (IllegalArgumentException e) {
                err.println("quiver: " + e.getMessage());
                err.print(USAGE);
                return EXIT_USAGE;
            }
            if (options.help()) {
                out.print(USAGE);
                return EXIT_OK;
            }
            return execute(options, in, out, err);
        } catch (QuiverException e) {
            err.println("ERROR: " + e.getMessage());
            return EXIT_FAILED;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            err.println("ERROR: internal error: " + e);
            return EXIT_FAILED;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static int execute(Options options, InputStream in, PrintStream out, PrintStream err) {
        List<Script> scripts = new ArrayList<>();
        for (Source source : options.sources()) {
            Optional<Script> script = source.read(err);
            if (script.isEmpty()) {
                return EXIT_FAILED;
            }
            scripts.add(script.get());
        }
        boolean interactive = scripts.isEmpty() && in == System.in && isTerminal();
        if (scripts.isEmpty() && !interactive) {
            try {
                scripts.add(new Script(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                err.println("quiver: cannot read standard input: " + e.getMessage());
                return EXIT_FAILED;
            }
        }
        int status;
        try (Database db = Quiver.openInMemory(); Session session = db.connect()) {
            SqlRunner runner = new SqlRunner(session, options.format(), out, err);
            if (interactive) {
                status = new Shell(runner, out, err).run();
            } else {
                status = EXIT_OK;
                for (Script script : scripts) {
                    if (!runner.runScript(script.text())) {
                        status = EXIT_FAILED;
                        break;
                    }
                }
            }
        } catch (IOException e) {
            err.println("quiver: terminal error: " + e.getMessage());
            return EXIT_FAILED;
        }
        return status;
    }

    /**
     * Whether the process talks to a terminal. JDK 17 has a console only when standard input and
     * output are both terminals; from JDK 22 there is always one, and {@code isTerminal()} (absent
     * from the JDK 17 API, hence the reflection) tells.
     */
    static boolean isTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    /** SQL text to run. */
    private record Script(String text) {
    }

    /** Where a script comes from: {@code -c} text or a {@code -f} file. */
    private record Source(Optional<String> command, Optional<Path> file) {
        Optional<Script> read(PrintStream err) {
            if (command.isPresent()) {
                return Optional.of(new Script(command.get()));
            }
            Path path = file.orElseThrow();
            try {
                return Optional.of(new Script(Files.readString(path, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                err.println("quiver: cannot read " + path + ": " + (e instanceof java.nio.file.NoSuchFileException
                        ? "no such file" : e.getMessage()));
                return Optional.empty();
            }
        }
    }

    /** The parsed command line. */
    private record Options(List<Source> sources, OutputFormat format, boolean help) {
        static Options parse(String[] args) {
            List<Source> sources = new ArrayList<>();
            OutputFormat format = OutputFormat.TABLE;
            boolean help = false;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                String value = null;
                int eq = arg.indexOf('=');
                if (arg.startsWith("--") && eq > 0) {
                    value = arg.substring(eq + 1);
                    arg = arg.substring(0, eq);
                }
                switch (arg) {
                    case "-c", "--command" -> sources.add(new Source(Optional.of(value != null ? value : next(args, ++i, arg)),
                            Optional.empty()));
                    case "-f", "--file" -> sources.add(new Source(Optional.empty(),
                            Optional.of(Path.of(value != null ? value : next(args, ++i, arg)))));
                    case "--format" -> {
                        String name = value != null ? value : next(args, ++i, arg);
                        format = OutputFormat.parse(name).orElseThrow(() ->
                                new IllegalArgumentException("--format must be table, csv or json, got '" + name + "'"));
                    }
                    case "-h", "--help" -> help = true;
                    default -> throw new IllegalArgumentException(arg.equals("tpch")
                            ? "tpch must come first: quiver tpch [options]"
                            : "unknown option '" + args[i] + "'");
                }
            }
            return new Options(sources, format, help);
        }

        private static String next(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[i];
        }
    }
}
