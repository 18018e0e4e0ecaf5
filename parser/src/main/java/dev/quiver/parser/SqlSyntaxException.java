package dev.quiver.parser;

import dev.quiver.error.QuiverException;
import dev.quiver.error.SqlState;

/**
 * The SQL text does not follow the grammar. The message names the line and column, the offending
 * token and what was expected, e.g. {@code syntax error at line 1, column 8: unexpected 'FORM',
 * expected FROM}; the position points at the offending token, so the rendered message also shows
 * the line with a caret under it.
 */
public final class SqlSyntaxException extends QuiverException {
    private static final long serialVersionUID = 1L;

    private final int lineNumber;
    private final int columnNumber;

    public SqlSyntaxException(String message, String sql, int offset, int lineNumber, int columnNumber) {
        this(SqlState.SYNTAX_ERROR, message, sql, offset, lineNumber, columnNumber, null);
    }

    /**
     * For the parser's own failures that are not plain grammar violations but are still found while
     * reading the text: a statement nested too deeply ({@link SqlState#STATEMENT_TOO_COMPLEX}), syntax
     * Quiver does not support ({@link SqlState#FEATURE_NOT_SUPPORTED}), or an internal error.
     */
    SqlSyntaxException(String sqlState, String message, String sql, int offset, int lineNumber, int columnNumber,
            Throwable cause) {
        super(sqlState, message, cause);
        this.lineNumber = lineNumber;
        this.columnNumber = columnNumber;
        attachPosition(offset);
        attachSql(sql);
    }

    /** One-based line of the offending token. */
    public int lineNumber() {
        return lineNumber;
    }

    /** One-based column of the offending token. */
    public int columnNumber() {
        return columnNumber;
    }
}
