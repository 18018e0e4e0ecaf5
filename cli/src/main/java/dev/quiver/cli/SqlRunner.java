package dev.quiver.cli;

import static java.util.Objects.requireNonNull;

import dev.quiver.Result;
import dev.quiver.Session;
import dev.quiver.error.QuiverException;
import dev.quiver.error.SourceSnippet;
import dev.quiver.parser.StatementSplitter;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs SQL for the shell and for scripts: executes each statement in a session, prints its result
 * in the current format, and prints any failure as {@code ERROR: <message>} (with the message's
 * {@code LINE n:} excerpt and caret) on the error stream, never a stack trace. An exception that
 * is not a {@link QuiverException} is an engine bug; it is reported on one line as an internal
 * error.
 */
final class SqlRunner {
    private final Session session;
    private final PrintStream out;
    private final PrintStream err;
    private OutputFormat format;
    private boolean timer;

    SqlRunner(Session session, OutputFormat format, PrintStream out, PrintStream err) {
        this.session = requireNonNull(session, "session");
        this.format = requireNonNull(format, "format");
        this.out = requireNonNull(out, "out");
        this.err = requireNonNull(err, "err");
    }

    OutputFormat format() {
        return format;
    }

    void setFormat(OutputFormat format) {
        this.format = requireNonNull(format, "format");
    }

    boolean timer() {
        return timer;
    }

    void setTimer(boolean timer) {
        this.timer = timer;
    }

    /** The session statements run in (the shell cancels the running one with Ctrl-C). */
    Session session() {
        return session;
    }

    /**
     * Runs the statements of a script in order, stopping at the first failure. Each statement is
     * run with its position in the script kept (padded with the line breaks and blanks before it),
     * so an error's {@code LINE n:} is the line in the script. Returns whether all succeeded.
     */
    boolean runScript(String script) {
        for (Positioned statement : positioned(script)) {
            if (!runStatement(statement.sql(), statement, script)) {
                return false;
            }
        }
        return true;
    }

    /** Runs one statement and prints its result or its error; returns whether it succeeded. */
    boolean runStatement(String sql) {
        return runStatement(sql, new Positioned(sql, 0, 0), sql);
    }

    /** Runs one statement of {@code script}; an error's excerpt shows the script's own line. */
    private boolean runStatement(String sql, Positioned where, String script) {
        long start = System.nanoTime();
        try (Result result = session.execute(sql)) {
            ResultPrinter.print(result, format, out);
            return true;
        } catch (QuiverException e) {
            out.flush();
            String message = e.position().isPresent() && e.position().getAsInt() >= where.padding()
                    ? e.rawMessage() + "\n" + SourceSnippet.render(script, where.start() + e.position().getAsInt() - where.padding())
                    : e.getMessage();
            err.println("ERROR: " + message);
            return false;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            out.flush();
            err.println("ERROR: internal error: " + oneLine(e));
            return false;
        } finally {
            if (timer) {
                out.printf(Locale.ROOT, "Time: %.3f ms%n", (System.nanoTime() - start) / 1e6);
            }
            out.flush();
            err.flush();
        }
    }

    /**
     * A statement of a script as run: preceded by line breaks and blanks so its errors report the
     * script's line and column; {@code start} is where it begins in the script and {@code padding}
     * how many characters were put before it (offset {@code p} in {@code sql} is
     * {@code start + p - padding} in the script).
     */
    record Positioned(String sql, int start, int padding) {
    }

    /** The statements of a script with their positions. */
    static List<Positioned> positioned(String script) {
        List<Positioned> statements = new ArrayList<>();
        int from = 0;
        for (String statement : StatementSplitter.split(script)) {
            int at = script.indexOf(statement, from);
            if (at < 0) {
                // Not expected (statements are pieces of the script); run it without its position.
                statements.add(new Positioned(statement, 0, 0));
                continue;
            }
            int lineStart = script.lastIndexOf('\n', at - 1) + 1;
            int lines = (int) script.substring(0, lineStart).chars().filter(c -> c == '\n').count();
            String padding = "\n".repeat(lines) + " ".repeat(at - lineStart);
            statements.add(new Positioned(padding + statement, at, padding.length()));
            from = at + statement.length();
        }
        return statements;
    }

    private static String oneLine(Throwable e) {
        String message = e.getMessage();
        String text = e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
