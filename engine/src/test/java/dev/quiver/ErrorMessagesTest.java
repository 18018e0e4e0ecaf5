package dev.quiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.quiver.error.QuiverException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Error messages as a user sees them: SQLSTATE, the exact first line, and the exact excerpt with
 * the caret (the whole {@link QuiverException#getMessage()}), also for SQL over several lines and
 * for errors raised while the query runs. Each case also checks position, line and column.
 */
class ErrorMessagesTest {
    private Database db;
    private Session session;

    @BeforeEach
    void setUp() {
        db = Quiver.openInMemory(DatabaseOptions.defaults().withThreads(2));
        session = db.connect();
        session.set("execution_mode", "verify");
        run("CREATE TABLE orders (id INTEGER NOT NULL, customer VARCHAR(20), amount DECIMAL(7,2), qty INTEGER, ordered DATE, zero INTEGER)");
        run("INSERT INTO orders VALUES (1, 'acme', 10.50, 3, '2020-01-01', 0), (2, 'globex', 99.99, 1, '2020-02-01', 0)");
        run("CREATE TABLE wide (big DECIMAL(38,0))");
        run("INSERT INTO wide VALUES (100000000000000000000)");
    }

    @AfterEach
    void tearDown() {
        try {
            // Failed statements must not leave query memory behind: only table storage remains.
            assertThat(db.allocatedBytes()).isEqualTo(session.bufferAllocator().getAllocatedMemory());
            run("DROP TABLE orders");
            run("DROP TABLE wide");
            assertThat(db.allocatedBytes()).isZero();
        } finally {
            db.close();
        }
    }

    // ---------------------------------------------------------------- syntax

    @Test
    void syntaxErrorOnOneLine() {
        QuiverException e = error("SELEC 1");
        assertError(e, "42601", "syntax error at line 1, column 1: unexpected 'SELEC', expected SELECT",
                "LINE 1: SELEC 1\n"
                        + "        ^");
        assertPosition(e, 0, 1, 1);
    }

    @Test
    void syntaxErrorOnLaterLine() {
        QuiverException e = error("SELECT id,\n"
                + "       customer\n"
                + "  FROM orders\n"
                + " WHERE id = = 1");
        assertError(e, "42601", "syntax error at line 4, column 13: unexpected '=', expected one of: expression, ALL, ANY, SOME",
                "LINE 4:  WHERE id = = 1\n"
                        + "                    ^");
        assertPosition(e, 53, 4, 13);
    }

    @Test
    void unterminatedStringPointsAtItsQuote() {
        QuiverException e = error("SELECT id\n  FROM orders\n WHERE customer = 'acme");
        assertError(e, "42601", "syntax error at line 3, column 19: unterminated string literal; end it with a single quote (')",
                "LINE 3:  WHERE customer = 'acme\n"
                        + "                          ^");
        assertPosition(e, 42, 3, 19);
    }

    // ---------------------------------------------------------------- names

    @Test
    void unknownColumnWithSuggestion() {
        QuiverException e = error("SELECT id, custmer\n  FROM orders");
        assertError(e, "42703", "column \"custmer\" does not exist; did you mean \"customer\"?",
                "LINE 1: SELECT id, custmer\n"
                        + "                   ^");
        assertPosition(e, 11, 1, 12);
    }

    @Test
    void unknownColumnOnLaterLine() {
        QuiverException e = error("SELECT id\n  FROM orders\n WHERE ammount > 10");
        // "SELECT id\n" is 10 characters, "  FROM orders\n" 14, " WHERE " 7
        assertError(e, "42703", "column \"ammount\" does not exist; did you mean \"amount\"?",
                "LINE 3:  WHERE ammount > 10\n"
                        + "               ^");
        assertPosition(e, 31, 3, 8);
    }

    @Test
    void unknownTableWithSuggestion() {
        QuiverException e = error("SELECT *\n  FROM order_s\n WHERE id = 1");
        assertError(e, "42P01", "relation \"order_s\" does not exist; did you mean \"orders\"?",
                "LINE 2:   FROM order_s\n"
                        + "               ^");
        assertPosition(e, 16, 2, 8);
    }

    @Test
    void ambiguousOrderByName() {
        // Joins are not supported yet, so the ambiguity comes from two select items with one alias.
        QuiverException e = error("SELECT id AS k, qty AS k\n  FROM orders\n ORDER BY k");
        assertError(e, "42702", "ORDER BY \"k\" is ambiguous",
                "LINE 3:  ORDER BY k\n"
                        + "                  ^");
        assertPosition(e, 49, 3, 11);
    }

    // ---------------------------------------------------------------- types and grouping

    @Test
    void typeMismatchInComparison() {
        QuiverException e = error("SELECT id\n  FROM orders\n WHERE customer = 42");
        assertError(e, "42883", "operator does not exist: VARCHAR(20) = INTEGER; cast one side so both have the same type",
                "LINE 3:  WHERE customer = 42\n"
                        + "               ^");
        assertPosition(e, 31, 3, 8);
    }

    @Test
    void nonBooleanWhere() {
        QuiverException e = error("SELECT id\n  FROM orders\n WHERE qty");
        assertError(e, "42804", "argument of WHERE must be type BOOLEAN, not type INTEGER",
                "LINE 3:  WHERE qty\n"
                        + "               ^");
        assertPosition(e, 31, 3, 8);
    }

    @Test
    void columnNotInGroupBy() {
        QuiverException e = error("SELECT customer, count(*)\n  FROM orders\n GROUP BY id");
        assertError(e, "42803", "column \"customer\" must appear in the GROUP BY clause or be used in an aggregate function",
                "LINE 1: SELECT customer, count(*)\n"
                        + "               ^");
        assertPosition(e, 7, 1, 8);
    }

    @Test
    void aggregateInWhere() {
        QuiverException e = error("SELECT id\n  FROM orders\n WHERE sum(qty) > 1");
        assertError(e, "42803", "aggregate functions are not allowed in WHERE",
                "LINE 3:  WHERE sum(qty) > 1\n"
                        + "               ^");
        assertPosition(e, 31, 3, 8);
    }

    // ---------------------------------------------------------------- run-time errors from table data

    @Test
    void divisionByZeroAtRunTimePointsAtTheDivision() {
        QuiverException e = error("SELECT id,\n       qty / zero AS ratio\n  FROM orders");
        assertError(e, "22012", "division by zero",
                "LINE 2:        qty / zero AS ratio\n"
                        + "               ^");
        assertPosition(e, 18, 2, 8);
    }

    @Test
    void divisionByZeroInsideAnExpression() {
        QuiverException e = error("SELECT abs(id / zero) FROM orders");
        assertError(e, "22012", "division by zero",
                "LINE 1: SELECT abs(id / zero) FROM orders\n"
                        + "                   ^");
        assertPosition(e, 11, 1, 12);
    }

    @Test
    void divisionByZeroInWhere() {
        QuiverException e = error("SELECT id FROM orders\n WHERE id % zero = 1");
        assertError(e, "22012", "division by zero",
                "LINE 2:  WHERE id % zero = 1\n"
                        + "               ^");
        assertPosition(e, 29, 2, 8);
    }

    @Test
    void integerOverflowAtRunTime() {
        QuiverException e = error("SELECT id,\n  qty * 2147483647\n  FROM orders");
        assertError(e, "22003", "integer out of range",
                "LINE 2:   qty * 2147483647\n"
                        + "          ^");
        assertPosition(e, 13, 2, 3);
    }

    @Test
    void integerOverflowInConstant() {
        QuiverException e = error("SELECT 2147483647 + 1");
        assertError(e, "22003", "integer out of range",
                "LINE 1: SELECT 2147483647 + 1\n"
                        + "               ^");
        assertPosition(e, 7, 1, 8);
    }

    @Test
    void decimalOverflowInCast() {
        QuiverException e = error("SELECT id, CAST(amount * 10000 AS DECIMAL(7,2))\n  FROM orders");
        assertError(e, "22003",
                "numeric field overflow: a field with precision 7, scale 2 must round to an absolute value less than 10^5",
                "LINE 1: SELECT id, CAST(amount * 10000 AS DECIMAL(7,2))\n"
                        + "                   ^");
        assertPosition(e, 11, 1, 12);
    }

    @Test
    void decimalOverflowInArithmetic() {
        QuiverException e = error("SELECT big + 1,\n       big * big\n  FROM wide");
        assertError(e, "22003", "numeric field overflow: value does not fit DECIMAL(38)",
                "LINE 2:        big * big\n"
                        + "               ^");
        assertPosition(e, 23, 2, 8);
    }

    @Test
    void sumOverflowFailsWithNumericOverflow() {
        // 10^20 + (10^38 - 1) fits 128 bits but not 38 digits; two such values would not fit 128 bits.
        // Both overflows report PostgreSQL's numeric overflow text with SQLSTATE 22003.
        String expected = "numeric field overflow: a field with precision 38, scale 0 must round to an absolute value less than 10^38";
        run("INSERT INTO wide VALUES (99999999999999999999999999999999999999)");
        QuiverException e = error("SELECT sum(big)\n  FROM wide");
        assertThat(e.sqlState()).isEqualTo("22003");
        assertThat(e.rawMessage()).isEqualTo(expected);
        run("INSERT INTO wide VALUES (99999999999999999999999999999999999999)");
        QuiverException e2 = error("SELECT sum(big)\n  FROM wide");
        assertThat(e2.sqlState()).isEqualTo("22003");
        assertThat(e2.rawMessage()).isEqualTo(expected);
    }

    @Test
    void sumOverflowPointsAtTheAggregate() {
        run("INSERT INTO wide VALUES (99999999999999999999999999999999999999)");
        QuiverException e = error("SELECT sum(big)\n  FROM wide");
        assertThat(e.sqlState()).isEqualTo("22003");
        assertThat(e.getMessage()).endsWith("\nLINE 1: SELECT sum(big)\n               ^");
        assertPosition(e, 7, 1, 8);
    }

    // ---------------------------------------------------------------- literals and casts

    @Test
    void invalidDateLiteral() {
        QuiverException e = error("SELECT id\n  FROM orders\n WHERE ordered > DATE '2020-02-30'");
        assertError(e, "22008", "date/time field value out of range: \"2020-02-30\"",
                "LINE 3:  WHERE ordered > DATE '2020-02-30'\n"
                        + "                         ^");
        assertPosition(e, 41, 3, 18);
    }

    @Test
    void malformedDateLiteral() {
        QuiverException e = error("SELECT DATE '2020/01/01'");
        assertError(e, "22007", "invalid input syntax for type date: \"2020/01/01\" (expected YYYY-MM-DD)",
                "LINE 1: SELECT DATE '2020/01/01'\n"
                        + "               ^");
        assertPosition(e, 7, 1, 8);
    }

    @Test
    void invalidCastOfTextLiteralToInteger() {
        QuiverException e = error("SELECT CAST('12a' AS INTEGER)");
        assertError(e, "22P02", "invalid input syntax for type integer: \"12a\"",
                "LINE 1: SELECT CAST('12a' AS INTEGER)\n"
                        + "               ^");
        assertPosition(e, 7, 1, 8);
    }

    @Test
    void invalidCastOfColumnTextToIntegerAtRunTime() {
        QuiverException e = error("SELECT id,\n       CAST(customer AS INTEGER)\n  FROM orders");
        assertError(e, "22P02", "invalid input syntax for type integer: \"acme\"",
                "LINE 2:        CAST(customer AS INTEGER)\n"
                        + "               ^");
        assertPosition(e, 18, 2, 8);
    }

    @Test
    void longLinesAreWindowedAroundTheCaret() {
        String sql = "SELECT id, customer, amount, qty, ordered, id + 1 AS a, id + 2 AS b, id + 3 AS c, id + 4 AS d, id + 5 AS e, nope FROM orders";
        QuiverException e = error(sql);
        assertThat(e.sqlState()).isEqualTo("42703");
        assertThat(e.rawMessage()).isEqualTo("column \"nope\" does not exist");
        String[] lines = e.getMessage().split("\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[1]).startsWith("LINE 1: ...").doesNotEndWith("...");
        int caret = lines[2].indexOf('^');
        assertThat(lines[1].substring(caret)).startsWith("nope FROM orders");
        assertPosition(e, sql.indexOf("nope"), 1, sql.indexOf("nope") + 1);
    }

    // ---------------------------------------------------------------- helpers

    private void run(String sql) {
        session.execute(sql).close();
    }

    private QuiverException error(String sql) {
        try (Result r = session.execute(sql)) {
            r.rows();
        } catch (QuiverException e) {
            return e;
        }
        return fail("expected an error from: " + sql);
    }

    private static void assertError(QuiverException e, String sqlState, String firstLine, String excerpt) {
        assertThat(e.sqlState()).as("SQLSTATE of: %s", e.getMessage()).isEqualTo(sqlState);
        assertThat(e.rawMessage()).isEqualTo(firstLine);
        assertThat(e.getMessage()).isEqualTo(firstLine + "\n" + excerpt);
    }

    private static void assertPosition(QuiverException e, int position, int line, int column) {
        assertThat(e.position()).as("position").hasValue(position);
        assertThat(e.line()).as("line").hasValue(line);
        assertThat(e.column()).as("column").hasValue(column);
    }
}
