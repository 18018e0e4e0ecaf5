package dev.quiver.cli;

import static java.util.Objects.requireNonNull;

import dev.quiver.Result;
import dev.quiver.Session;
import dev.quiver.error.QuiverException;
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
        for (String statement : positioned(script)) {
            if (!runStatement(statement)) {
                return false;
            }
        }
        return true;
    }

    /** Runs one statement and prints its result or its error; returns whether it succeeded. */
    boolean runStatement(String sql) {
        long start = System.nanoTime();
        try (Result result = session.execute(sql)) {
            ResultPrinter.print(result, format, out);
            return true;
        } catch (QuiverException e) {
            out.flush();
            err.println("ERROR: " + e.getMessage());
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
     * The statements of a script, each preceded by line breaks and blanks so that it sits at the
     * same line and column as in the script.
     */
    static List<String> positioned(String script) {
        List<String> statements = new ArrayList<>();
        int from = 0;
        for (String statement : StatementSplitter.split(script)) {
            int at = script.indexOf(statement, from);
            if (at < 0) {
                // Not expected (statements are pieces of the script); run it without its position.
                statements.add(statement);
                continue;
            }
            int lineStart = script.lastIndexOf('\n', at - 1) + 1;
            long lines = script.substring(0, lineStart).chars().filter(c -> c == '\n').count();
            statements.add("\n".repeat((int) lines) + " ".repeat(at - lineStart) + statement);
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
