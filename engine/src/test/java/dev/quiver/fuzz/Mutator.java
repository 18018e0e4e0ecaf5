package dev.quiver.fuzz;

import dev.quiver.fuzz.SqlTokens.Kind;
import dev.quiver.fuzz.SqlTokens.Token;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a valid statement into a malformed one by mutating its tokens: dropping, duplicating or
 * swapping them, replacing them with random keywords, operators, literals of the wrong type, huge
 * or tiny numbers and odd characters, truncating the statement, and nesting or repeating a part of
 * it thousands of times.
 */
final class Mutator {
    /** Keywords of Quiver's grammar and of PostgreSQL's that Quiver lacks. */
    static final List<String> KEYWORDS = List.of("SELECT", "FROM", "WHERE", "GROUP", "BY", "HAVING", "ORDER", "LIMIT", "OFFSET",
            "UNION", "INTERSECT", "EXCEPT", "ALL", "DISTINCT", "JOIN", "LEFT", "RIGHT", "FULL", "INNER", "OUTER", "CROSS", "NATURAL",
            "ON", "USING", "AS", "AND", "OR", "NOT", "IN", "EXISTS", "BETWEEN", "LIKE", "ILIKE", "ESCAPE", "IS", "NULL", "TRUE", "FALSE",
            "UNKNOWN", "CASE", "WHEN", "THEN", "ELSE", "END", "CAST", "EXTRACT", "SUBSTRING", "TRIM", "POSITION", "ANY", "SOME", "WITH",
            "VALUES", "CREATE", "TABLE", "VIEW", "DROP", "INSERT", "INTO", "EXPLAIN", "ANALYZE", "CALL", "SET", "NULLS", "FIRST", "LAST",
            "ASC", "DESC", "DATE", "TIMESTAMP", "INTERVAL", "DAY", "YEAR", "INTEGER", "BIGINT", "VARCHAR", "DECIMAL", "DOUBLE",
            "PRECISION", "BOOLEAN", "PRIMARY", "KEY", "UNIQUE", "DEFAULT", "IF", "OR REPLACE", "ROW", "ROWS", "FOR", "BOTH", "LEADING",
            "OVER", "PARTITION", "WINDOW", "LATERAL", "RETURNING", "FETCH", "NEXT", "ONLY", "TOP", "GROUPING", "SETS", "ROLLUP", "CUBE",
            "FILTER", "WITHIN", "ARRAY", "COLLATE", "UPDATE", "DELETE", "INDEX", "RECURSIVE", "TEMPORARY", "count", "sum", "avg", "min",
            "max", "coalesce", "nullif", "abs", "round", "length", "upper", "now", "current_date", "*", "t0", "t1", "r0", "i0", "s0");
    /** Operators and punctuation, valid and not. */
    static final List<String> OPERATORS = List.of("+", "-", "*", "/", "%", "=", "<>", "!=", "<", "<=", ">", ">=", "||", "::", "(",
            ")", ",", ".", ";", "?", "$1", "$0", "[", "]", "{", "}", "^", "&", "|", "~", "!", "@", "#", ":", "=>", "'", "\"", "\\",
            "`", "\u0000", "\u00e9", "\ud83d\ude00", "\u200b", "\t", "\n");
    /** Literals of every type, and malformed ones. */
    static final List<String> LITERALS = List.of("'text'", "''", "'1'", "'2020-01-01'", "42", "-1", "0", "4.2", "1e5", "TRUE", "FALSE",
            "NULL", "DATE '2020-13-45'", "DATE 'garbage'", "DATE '2020-02-30'", "TIMESTAMP '2020-01-01 25:00:00'", "INTERVAL '1' DAY",
            "INTERVAL 'x' HOUR", "'NaN'", "'Infinity'", "CAST('x' AS INTEGER)", "CAST(NULL AS DATE)", "'it''s'", "E'\\n'", "x'ff'",
            "'\u00e9\u00e8'", "$$dollar$$", "0x10", "1_000", ".5", "5.", "1e", "--", "/* c */");
    /** Numbers at and past every type's limits. */
    static final List<String> HUGE_NUMBERS = List.of("2147483647", "2147483648", "-2147483648", "-2147483649", "9223372036854775807",
            "9223372036854775808", "-9223372036854775808", "-9223372036854775809", "99999999999999999999999999999999999999",
            "999999999999999999999999999999999999999999", "1e308", "1e309", "1e400", "-1e400", "1e-400", "4.9e-324",
            "0.00000000000000000000000000000000000000001", "123456789012345678901234567890.123456789",
            "1" + "0".repeat(400), "0." + "0".repeat(400) + "1");
    /** Repetition counts of the nesting and repeating mutations: small, past typical limits, and far past them. */
    static final int[] REPEATS = {2, 16, 200, 1_500, 10_000, 60_000};
    /**
     * Longest text a nesting or repeating mutation makes (a repetition count is cut to fit): a
     * megabyte is far past any statement a user writes, while statements of hundreds of megabytes
     * would measure how fast Java copies strings rather than find bugs.
     */
    static final int MAX_GROWN_CHARS = 1_000_000;

    private final FuzzRandom random;

    Mutator(FuzzRandom random) {
        this.random = random;
    }

    /** One to three random mutations of {@code sql}; {@code applied} receives their names. */
    String mutate(String sql, List<String> applied) {
        List<Token> tokens = new ArrayList<>(SqlTokens.tokenize(sql));
        int count = random.between(1, 3);
        for (int i = 0; i < count; i++) {
            applied.add(mutateOnce(tokens));
        }
        return SqlTokens.join(tokens);
    }

    private String mutateOnce(List<Token> tokens) {
        if (tokens.isEmpty()) {
            tokens.add(new Token(random.pick(KEYWORDS), Kind.WORD));
            return "keyword into empty";
        }
        int at = random.between(0, tokens.size() - 1);
        Token token = tokens.get(at);
        switch (random.weighted(14, 10, 10, 14, 8, 10, 8, 6, 8, 6, 6)) {
            case 0:
                tokens.remove(at);
                return "drop " + token.text();
            case 1:
                tokens.add(at, token);
                return "duplicate " + token.text();
            case 2: {
                int other = random.between(0, tokens.size() - 1);
                tokens.set(at, tokens.get(other));
                tokens.set(other, token);
                return "swap " + token.text() + " and " + tokens.get(at).text();
            }
            case 3: {
                String keyword = random.pick(KEYWORDS);
                tokens.set(at, new Token(keyword, Kind.WORD));
                return "keyword " + keyword + " for " + token.text();
            }
            case 4: {
                String operator = random.pick(OPERATORS);
                tokens.add(at, new Token(operator, Kind.OTHER));
                return "insert " + printable(operator);
            }
            case 5: {
                int literal = literalIndex(tokens).orElse(at);
                String replaced = tokens.get(literal).text();
                String replacement = random.pick(LITERALS);
                tokens.set(literal, new Token(replacement, Kind.OTHER));
                return "literal " + printable(replacement) + " for " + abbreviate(replaced);
            }
            case 6: {
                int literal = literalIndex(tokens).orElse(at);
                String replacement = random.pick(HUGE_NUMBERS);
                tokens.set(literal, new Token(replacement, Kind.NUMBER));
                return "number " + abbreviate(replacement);
            }
            case 7:
                tokens.subList(at, tokens.size()).clear();
                return "truncate at " + at;
            case 8:
                return nest(tokens, at);
            case 9:
                return repeat(tokens, at);
            default: {
                String text = random.chance(0.5) ? "'" + "x".repeat(random.pick(10, 100_000)) : "\"" + token.text();
                tokens.set(at, new Token(text, Kind.OTHER));
                return "unterminated " + abbreviate(text);
            }
        }
    }

    /** Wraps a token in thousands of parentheses, NOTs, minus signs, subqueries, CASEs or function calls. */
    private String nest(List<Token> tokens, int at) {
        String[] wrapper = random.pick(new String[] {"(", ")"}, new String[] {"NOT ", ""}, new String[] {"- ", ""},
                new String[] {"(SELECT ", ")"}, new String[] {"CASE WHEN TRUE THEN ", " END"}, new String[] {"abs(", ")"},
                new String[] {"CAST(", " AS INTEGER)"}, new String[] {"coalesce(", ", 1)"}, new String[] {"(SELECT * FROM (", ") AS x)"});
        int n = repeats(wrapper[0].length() + wrapper[1].length() + tokens.get(at).text().length() / 8);
        String text = wrapper[0].repeat(n) + tokens.get(at).text() + wrapper[1].repeat(n);
        tokens.set(at, new Token(text, Kind.OTHER));
        return "nest " + n + " x " + wrapper[0].strip();
    }

    /** Repeats a token or a short span thousands of times, joined by an operator: long flat chains. */
    private String repeat(List<Token> tokens, int at) {
        int end = Math.min(tokens.size(), at + random.between(1, 4));
        String span = SqlTokens.join(tokens.subList(at, end));
        String joiner = random.pick(" + ", " AND ", " OR ", " || ", ", ", " UNION ALL SELECT ", " ");
        int n = repeats(span.length() + joiner.length());
        String text = String.join(joiner, java.util.Collections.nCopies(n, span));
        tokens.subList(at, end).clear();
        tokens.add(at, new Token(text, Kind.OTHER));
        return "repeat " + n + " x '" + abbreviate(span) + "' joined by '" + joiner.strip() + "'";
    }

    /** A repetition count from {@link #REPEATS}, cut so that that many copies of {@code chars} characters stay within {@link #MAX_GROWN_CHARS}. */
    private int repeats(int chars) {
        int n = REPEATS[random.between(0, REPEATS.length - 1)];
        return Math.max(1, Math.min(n, MAX_GROWN_CHARS / Math.max(1, chars)));
    }

    private java.util.Optional<Integer> literalIndex(List<Token> tokens) {
        List<Integer> literals = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).isLiteral()) {
                literals.add(i);
            }
        }
        return literals.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(random.pick(literals));
    }

    static String abbreviate(String s) {
        return s.length() <= 40 ? printable(s) : printable(s.substring(0, 37)) + "... (" + s.length() + " chars)";
    }

    private static String printable(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            out.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return out.toString();
    }
}
