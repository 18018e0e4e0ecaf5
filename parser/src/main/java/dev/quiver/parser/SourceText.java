package dev.quiver.parser;

import dev.quiver.error.SourceSnippet;
import dev.quiver.error.SqlState;
import dev.quiver.parser.ast.Span;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

import static java.util.Objects.requireNonNull;

/**
 * The SQL text being parsed. ANTLR counts positions in code points; spans and error positions are
 * offsets into the Java string (UTF-16 units), so this class converts between the two. For text
 * without supplementary characters (the common case) the conversion is the identity.
 */
final class SourceText {
    private final String sql;
    /** Char offset of each code point index, or null when every code point is one char. */
    private final int[] charOffsets;

    SourceText(String sql) {
        this.sql = requireNonNull(sql, "sql");
        this.charOffsets = sql.codePointCount(0, sql.length()) == sql.length() ? null : buildOffsets(sql);
    }

    private static int[] buildOffsets(String sql) {
        int count = sql.codePointCount(0, sql.length());
        int[] offsets = new int[count + 1];
        int charIndex = 0;
        for (int i = 0; i < count; i++) {
            offsets[i] = charIndex;
            charIndex += Character.charCount(sql.codePointAt(charIndex));
        }
        offsets[count] = sql.length();
        return offsets;
    }

    String sql() {
        return sql;
    }

    /** The char offset of a code point index as ANTLR reports it. */
    int offset(int codePointIndex) {
        if (codePointIndex < 0) {
            return 0;
        }
        if (charOffsets == null) {
            return Math.min(codePointIndex, sql.length());
        }
        return charOffsets[Math.min(codePointIndex, charOffsets.length - 1)];
    }

    Span span(Token token) {
        return span(token, token);
    }

    Span span(Token first, Token last) {
        int start = offset(first.getStartIndex());
        int end = offset(last.getStopIndex() + 1);
        return new Span(start, Math.max(start, end));
    }

    Span span(ParserRuleContext context) {
        return span(context.getStart(), context.getStop());
    }

    /** A grammar violation at a char offset: {@code syntax error at line L, column C: <detail>}. */
    SqlSyntaxException syntaxError(String detail, int offset) {
        String message = "syntax error at line " + SourceSnippet.lineOf(sql, offset) + ", column "
                + SourceSnippet.columnOf(sql, offset) + ": " + detail;
        return error(SqlState.SYNTAX_ERROR, message, offset, null);
    }

    /** Any other failure found while reading the text, with the message as given. */
    SqlSyntaxException error(String sqlState, String message, int offset, Throwable cause) {
        int position = Math.max(0, Math.min(offset, sql.length()));
        return new SqlSyntaxException(sqlState, message, sql, position, SourceSnippet.lineOf(sql, position),
                SourceSnippet.columnOf(sql, position), cause);
    }
}
