package dev.quiver.sqllogic;

import static java.util.Objects.requireNonNull;

/**
 * A record that did not do what its file expects. The message is the full report (file:line, SQL,
 * expected and actual); {@link #summary()} is one line naming the kind of failure and, when the
 * engine failed, its SQLSTATE and the first line of its message, for grouping many failures.
 */
public final class SqlLogicFailure extends AssertionError {
    private static final long serialVersionUID = 1L;

    private final String summary;

    SqlLogicFailure(String summary, String message, Throwable cause) {
        super(message, cause);
        this.summary = requireNonNull(summary, "summary");
    }

    SqlLogicFailure(String summary, String message) {
        this(summary, message, null);
    }

    /** One line: what went wrong, without the file, line or SQL. */
    public String summary() {
        return summary;
    }

    /** The first line of a message (engine errors end with a LINE/caret excerpt). */
    static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
