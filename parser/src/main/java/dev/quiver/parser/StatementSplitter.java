package dev.quiver.parser;

import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Splits SQL text into statements at semicolons, without parsing it, the way the SQL lexer sees it:
 * a {@code ;} inside a {@code 'string'}, a {@code "quoted identifier"}, a {@code -- line comment}
 * or a {@code /* block comment *}{@code /} does not end a statement. Used by the shell to find
 * statement boundaries in multi-line input; text that does not parse is still split, and the parser
 * reports its errors afterwards.
 */
public final class StatementSplitter {
    private StatementSplitter() {
    }

    /**
     * The statements of a script, each without its terminating {@code ;} and without surrounding
     * whitespace. Statements with nothing but whitespace and comments are dropped.
     */
    public static List<String> split(String script) {
        Scan scan = new Scan(requireNonNull(script, "script"));
        return List.copyOf(scan.statements);
    }

    /**
     * Whether the buffer ends with a complete statement: its last significant character (ignoring
     * trailing whitespace and comments) is a {@code ;} that is not inside a string, quoted
     * identifier or comment. A buffer that ends inside an unterminated string or block comment is
     * not complete.
     */
    public static boolean isComplete(String buffer) {
        Scan scan = new Scan(requireNonNull(buffer, "buffer"));
        return !scan.endsInsideToken && scan.lastSignificant == ';';
    }

    /** One pass over the text. */
    private static final class Scan {
        final List<String> statements = new ArrayList<>();
        /** The last character outside whitespace and comments (the closing quote for a string), or 0. */
        char lastSignificant;
        /** The text ends inside a string, quoted identifier or block comment. */
        boolean endsInsideToken;

        Scan(String text) {
            int statementStart = 0;
            boolean hasContent = false;
            int i = 0;
            int length = text.length();
            while (i < length) {
                char c = text.charAt(i);
                char next = i + 1 < length ? text.charAt(i + 1) : 0;
                if (c == '\'' || c == '"') {
                    int end = closingQuote(text, i, c);
                    endsInsideToken = end < 0;
                    i = end < 0 ? length : end + 1;
                    hasContent = true;
                    lastSignificant = c;
                }
                else if (c == '-' && next == '-') {
                    while (i < length && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                        i++;
                    }
                }
                else if (c == '/' && next == '*') {
                    int end = text.indexOf("*/", i + 2);
                    endsInsideToken = end < 0;
                    // An unterminated comment is kept so that the parser can report it.
                    hasContent |= end < 0;
                    i = end < 0 ? length : end + 2;
                }
                else {
                    if (c == ';') {
                        if (hasContent) {
                            statements.add(text.substring(statementStart, i).strip());
                        }
                        statementStart = i + 1;
                        hasContent = false;
                    }
                    else if (!isWhitespace(c)) {
                        hasContent = true;
                    }
                    if (!isWhitespace(c)) {
                        lastSignificant = c;
                    }
                    i++;
                }
            }
            if (hasContent) {
                statements.add(text.substring(statementStart).strip());
            }
        }

        /** The characters the SQL lexer skips as whitespace. */
        private static boolean isWhitespace(char c) {
            return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f';
        }

        /** Index of the quote closing the one at {@code open} (a doubled quote is an escaped one), or -1. */
        private static int closingQuote(String text, int open, char quote) {
            int i = open + 1;
            while (i < text.length()) {
                if (text.charAt(i) == quote) {
                    if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
                        i += 2;
                        continue;
                    }
                    return i;
                }
                i++;
            }
            return -1;
        }
    }
}
