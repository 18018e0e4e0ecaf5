package dev.quiver.planner.binder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.error.QuiverException;
import dev.quiver.error.SqlState;
import dev.quiver.planner.Planning;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * What the binder reports for bad statements: SQLSTATE (PostgreSQL's codes), the exact message, the
 * offset it points at and the caret a user sees once the engine attaches the SQL text. Offsets are
 * found with {@code indexOf} on the statement so each test says which token the caret belongs under.
 */
class BinderErrorTest {
    private final Planning planning = Planning.standard();

    /** Checks a one-line statement's error, including the rendered "LINE 1:" excerpt and caret. */
    private void assertError(String sql, String sqlState, String message, int position) {
        QuiverException e = planning.error(sql);
        assertThat(e.sqlState()).as("SQLSTATE of %s", sql).isEqualTo(sqlState);
        assertThat(e.rawMessage()).as("message of %s", sql).isEqualTo(message);
        assertThat(e.position()).as("position of %s", sql).hasValue(position);
        assertThat(position).as("the test's own offset").isBetween(0, sql.length() - 1);
        String head = "LINE 1: ";
        assertThat(e.getMessage()).isEqualTo(message + "\n" + head + sql + "\n" + " ".repeat(head.length() + position) + "^");
    }

    @Nested
    class Names {
        @Test
        void unknownTableSuggestsTheClosestName() {
            String sql = "SELECT * FROM lineitems";
            assertError(sql, SqlState.UNDEFINED_TABLE, "relation \"lineitems\" does not exist; did you mean \"lineitem\"?",
                    sql.indexOf("lineitems"));
            QuiverException e = planning.error(sql);
            assertThat(e.getMessage()).isEqualTo("""
                    relation "lineitems" does not exist; did you mean "lineitem"?
                    LINE 1: SELECT * FROM lineitems
                                          ^""");
        }

        @Test
        void unknownTableWithNothingCloseHasNoSuggestion() {
            String sql = "SELECT * FROM orders";
            assertError(sql, SqlState.UNDEFINED_TABLE, "relation \"orders\" does not exist", 14);
        }

        @Test
        void unknownColumnSuggestsTheClosestName() {
            String sql = "SELECT l_shipdat FROM lineitem";
            assertError(sql, SqlState.UNDEFINED_COLUMN, "column \"l_shipdat\" does not exist; did you mean \"l_shipdate\"?", 7);
            // A transposition counts as one edit.
            String swapped = "SELECT l_retrunflag FROM lineitem";
            assertError(swapped, SqlState.UNDEFINED_COLUMN,
                    "column \"l_retrunflag\" does not exist; did you mean \"l_returnflag\"?", 7);
        }

        @Test
        void unknownColumnOnALaterLinePointsAtThatLine() {
            String sql = "SELECT l_orderkey\nFROM lineitem\nWHERE l_shipdat <= DATE '1998-12-01'";
            QuiverException e = planning.error(sql);
            assertThat(e.sqlState()).isEqualTo(SqlState.UNDEFINED_COLUMN);
            assertThat(e.position()).hasValue(sql.indexOf("l_shipdat "));
            assertThat(e.line()).hasValue(3);
            assertThat(e.column()).hasValue(7);
            assertThat(e.getMessage()).isEqualTo("""
                    column "l_shipdat" does not exist; did you mean "l_shipdate"?
                    LINE 3: WHERE l_shipdat <= DATE '1998-12-01'
                                  ^""");
        }

        @Test
        void qualifiedColumns() {
            assertError("SELECT t.zz FROM t", SqlState.UNDEFINED_COLUMN, "column \"t.zz\" does not exist", 7);
            assertError("SELECT t.aa FROM t", SqlState.UNDEFINED_COLUMN, "column \"t.aa\" does not exist; did you mean \"a\"?", 7);
            assertError("SELECT tt.a FROM t", SqlState.UNDEFINED_TABLE,
                    "missing FROM-clause entry for table \"tt\"; did you mean \"t\"?", 7);
            // Once aliased, the table's own name is not in scope.
            String sql = "SELECT t.a FROM t AS q";
            assertError(sql, SqlState.UNDEFINED_TABLE, "missing FROM-clause entry for table \"t\"", 7);
            assertError("SELECT x.* FROM t", SqlState.UNDEFINED_TABLE, "missing FROM-clause entry for table \"x\"", 7);
        }

        @Test
        void quotedNamesAreNotQuotedTwiceInMessages() {
            // Was: column ""A"" does not exist.
            assertError("SELECT \"A\" FROM t", SqlState.UNDEFINED_COLUMN, "column \"A\" does not exist; did you mean \"a\"?", 7);
            assertError("SELECT t.\"B\" FROM t", SqlState.UNDEFINED_COLUMN, "column \"t.B\" does not exist; did you mean \"b\"?", 7);
            assertError("SELECT \"b\" FROM t GROUP BY a", SqlState.GROUPING_ERROR,
                    "column \"b\" must appear in the GROUP BY clause or be used in an aggregate function", 7);
            String orderBy = "SELECT 1 AS \"X\", 2 AS \"X\" ORDER BY \"X\"";
            assertError(orderBy, SqlState.AMBIGUOUS_COLUMN, "ORDER BY \"X\" is ambiguous", orderBy.lastIndexOf("\"X\""));
        }

        @Test
        void ambiguousColumn() {
            // Self-joins are not supported yet; a column alias list that repeats a name makes the same ambiguity.
            String sql = "SELECT a FROM t AS q(a, a)";
            assertError(sql, SqlState.AMBIGUOUS_COLUMN, "column reference \"a\" is ambiguous; qualify it with one of: q.a, q.a", 7);
            String orderBy = "SELECT a AS x, b AS x FROM t ORDER BY x";
            assertError(orderBy, SqlState.AMBIGUOUS_COLUMN, "ORDER BY \"x\" is ambiguous", orderBy.lastIndexOf('x'));
        }

        @Test
        void tooManyColumnAliases() {
            String sql = "SELECT 1 FROM u AS q(a, b, c, d, e, f, g)";
            assertError(sql, SqlState.INVALID_COLUMN_REFERENCE, "table \"q\" has 6 columns available but 7 columns specified",
                    sql.indexOf("u AS"));
        }
    }

    @Nested
    class Types {
        @Test
        void comparisonOfUnrelatedTypes() {
            String sql = "SELECT a FROM t WHERE a = d";
            assertError(sql, SqlState.UNDEFINED_FUNCTION,
                    "operator does not exist: INTEGER = VARCHAR; cast one side so both have the same type", sql.indexOf("a = d"));
            String date = "SELECT a FROM t WHERE e > 5";
            assertError(date, SqlState.UNDEFINED_FUNCTION,
                    "operator does not exist: DATE > INTEGER; cast one side so both have the same type", date.indexOf("e > 5"));
        }

        @Test
        void arithmeticOnAString() {
            assertError("SELECT d + 1 FROM t", SqlState.UNDEFINED_FUNCTION,
                    "operator does not exist: VARCHAR + INTEGER; cast the operands so their types match", 7);
            assertError("SELECT e * 2 FROM t", SqlState.UNDEFINED_FUNCTION,
                    "operator does not exist: DATE * INTEGER; cast the operands so their types match", 7);
            assertError("SELECT e + e FROM t", SqlState.UNDEFINED_FUNCTION,
                    "operator does not exist: DATE + DATE; cast the operands so their types match", 7);
            assertError("SELECT -d FROM t", SqlState.UNDEFINED_FUNCTION, "operator does not exist: - VARCHAR", 7);
            assertError("SELECT a || 1 FROM t", SqlState.UNDEFINED_FUNCTION,
                    "operator does not exist: INTEGER || INTEGER; || needs a string operand", 7);
        }

        @Test
        void conditionsMustBeBoolean() {
            String sql = "SELECT a FROM t WHERE a";
            assertError(sql, SqlState.DATATYPE_MISMATCH, "argument of WHERE must be type BOOLEAN, not type INTEGER", 22);
            String and = "SELECT a FROM t WHERE a > 1 AND d";
            assertError(and, SqlState.DATATYPE_MISMATCH, "argument of AND must be type BOOLEAN, not type VARCHAR", and.indexOf(" d") + 1);
            String not = "SELECT NOT c FROM t";
            assertError(not, SqlState.DATATYPE_MISMATCH, "argument of NOT must be type BOOLEAN, not type DECIMAL(15,2)", 11);
            String having = "SELECT a FROM t GROUP BY a HAVING a";
            assertError(having, SqlState.DATATYPE_MISMATCH, "argument of HAVING must be type BOOLEAN, not type INTEGER",
                    having.lastIndexOf('a'));
        }

        @Test
        void caseLikeAndInMismatches() {
            assertError("SELECT CASE WHEN a > 1 THEN c ELSE d END FROM t", SqlState.DATATYPE_MISMATCH,
                    "CASE types DECIMAL(15,2) and VARCHAR cannot be matched", 7);
            assertError("SELECT a LIKE 'x%' FROM t", SqlState.UNDEFINED_FUNCTION,
                    "operator does not exist: INTEGER LIKE VARCHAR; LIKE compares strings", 7);
            String in = "SELECT a IN (1, DATE '2020-01-01') FROM t";
            assertError(in, SqlState.UNDEFINED_FUNCTION, "IN list item of type DATE cannot be compared with INTEGER", in.indexOf("DATE"));
            // An item that is not a constant is a comparison of its own.
            String inColumn = "SELECT a IN (1, e) FROM t";
            assertError(inColumn, SqlState.UNDEFINED_FUNCTION,
                    "operator does not exist: INTEGER = DATE; cast one side so both have the same type", inColumn.indexOf("e)"));
            String escape = "SELECT d LIKE 'x' ESCAPE 'ab' FROM t";
            assertError(escape, SqlState.INVALID_ESCAPE_SEQUENCE, "ESCAPE must be a string literal of at most one character",
                    escape.indexOf("'ab'"));
        }

        @Test
        void castsThatDoNotExist() {
            assertError("SELECT CAST(e AS INTEGER) FROM t", SqlState.CANNOT_COERCE, "cannot cast type DATE to INTEGER", 7);
            assertError("SELECT CAST(a AS money) FROM t", SqlState.UNDEFINED_OBJECT, "type \"money\" does not exist", 17);
        }

        @Test
        void decimalProductWithTooManyFractionalDigits() {
            // z is DECIMAL(38,10): z*z has scale 20, then 30, then 40.
            assertError("SELECT z * z * z * z FROM u", SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
                    "product of DECIMAL(38,30) and DECIMAL(38,10) needs scale 40, more than 38; cast an operand to a smaller scale or to DOUBLE",
                    7);
        }
    }

    @Nested
    class Literals {
        @Test
        void invalidDateLiteral() {
            assertError("SELECT DATE '1998-13-01'", SqlState.DATETIME_FIELD_OVERFLOW,
                    "date/time field value out of range: \"1998-13-01\"", 7);
            String sql = "SELECT a FROM t WHERE e < DATE 'tomorrow'";
            assertError(sql, SqlState.INVALID_DATETIME_FORMAT,
                    "invalid input syntax for type date: \"tomorrow\" (expected YYYY-MM-DD)", sql.indexOf("DATE"));
            assertError("SELECT TIMESTAMP '1998-12-01 25:00'", SqlState.INVALID_DATETIME_FORMAT,
                    "invalid input syntax for type timestamp: \"1998-12-01 25:00\" (expected YYYY-MM-DD HH:MM:SS[.ffffff])", 7);
        }

        @Test
        void stringLiteralComparedWithANumberIsParsedWhereItIsWritten() {
            String sql = "SELECT a FROM t WHERE a = 'x'";
            assertError(sql, SqlState.INVALID_TEXT_REPRESENTATION, "invalid input syntax for type integer: \"x\"", sql.indexOf("'x'"));
            String left = "SELECT a FROM t WHERE '1.5' < a";
            assertError(left, SqlState.INVALID_TEXT_REPRESENTATION, "invalid input syntax for type integer: \"1.5\"",
                    left.indexOf("'1.5'"));
            String decimal = "SELECT a FROM t WHERE c + 'ten' > 0";
            assertError(decimal, SqlState.INVALID_TEXT_REPRESENTATION, "invalid input syntax for type decimal(15,2): \"ten\"",
                    decimal.indexOf("'ten'"));
            String tooBig = "SELECT a FROM t WHERE a = '3000000000'";
            assertError(tooBig, SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "integer out of range", tooBig.indexOf("'3"));
        }

        @Test
        void stringLiteralCoercedToADateIsParsedWhereItIsWritten() {
            String sql = "SELECT a FROM t WHERE e = '1998-02-30'";
            assertError(sql, SqlState.DATETIME_FIELD_OVERFLOW, "date/time field value out of range: \"1998-02-30\"",
                    sql.indexOf("'1998"));
            String between = "SELECT a FROM t WHERE e BETWEEN '1998-01-01' AND '1998-1-x'";
            assertError(between, SqlState.INVALID_DATETIME_FORMAT,
                    "invalid input syntax for type date: \"1998-1-x\" (expected YYYY-MM-DD)", between.indexOf("'1998-1-x'"));
        }

        @Test
        void stringLiteralsInListsCaseAndValues() {
            String in = "SELECT a FROM t WHERE a IN (1, 'x')";
            assertError(in, SqlState.INVALID_TEXT_REPRESENTATION, "invalid input syntax for type integer: \"x\"", in.indexOf("'x'"));
            String caseElse = "SELECT CASE WHEN a > 1 THEN c ELSE 'x' END FROM t";
            assertError(caseElse, SqlState.INVALID_TEXT_REPRESENTATION, "invalid input syntax for type decimal(15,2): \"x\"",
                    caseElse.indexOf("'x'"));
            String simpleCase = "SELECT CASE a WHEN 'one' THEN 1 END FROM t";
            assertError(simpleCase, SqlState.INVALID_TEXT_REPRESENTATION, "invalid input syntax for type integer: \"one\"",
                    simpleCase.indexOf("'one'"));
            String values = "VALUES (1), ('x')";
            assertError(values, SqlState.INVALID_TEXT_REPRESENTATION, "invalid input syntax for type integer: \"x\"",
                    values.indexOf("'x'"));
            String coalesce = "SELECT coalesce(a, 'x') FROM t";
            assertError(coalesce, SqlState.INVALID_TEXT_REPRESENTATION, "invalid input syntax for type integer: \"x\"", 7);
        }

        @Test
        void numbersOutOfRange() {
            assertError("SELECT CAST('300' AS TINYINT)", SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "tinyint out of range", 7);
            assertError("SELECT 1e999", SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "\"1e999\" is out of range for type double", 7);
        }
    }

    @Nested
    class Grouping {
        @Test
        void columnNotInGroupBy() {
            assertError("SELECT a, b FROM t GROUP BY a", SqlState.GROUPING_ERROR,
                    "column \"b\" must appear in the GROUP BY clause or be used in an aggregate function", 10);
            assertError("SELECT a, count(*) FROM t", SqlState.GROUPING_ERROR,
                    "column \"a\" must appear in the GROUP BY clause or be used in an aggregate function", 7);
            String nested = "SELECT a + b FROM t GROUP BY a";
            assertError(nested, SqlState.GROUPING_ERROR,
                    "column \"b\" must appear in the GROUP BY clause or be used in an aggregate function", nested.indexOf('b'));
            String orderBy = "SELECT a FROM t GROUP BY a ORDER BY b";
            assertError(orderBy, SqlState.GROUPING_ERROR,
                    "column \"b\" must appear in the GROUP BY clause or be used in an aggregate function", orderBy.lastIndexOf('b'));
            String having = "SELECT a FROM t GROUP BY a HAVING b > 1";
            assertError(having, SqlState.GROUPING_ERROR,
                    "column \"b\" must appear in the GROUP BY clause or be used in an aggregate function", having.lastIndexOf('b'));
            String groupedExpression = "SELECT a FROM t GROUP BY a + 1";
            assertError(groupedExpression, SqlState.GROUPING_ERROR,
                    "column \"a\" must appear in the GROUP BY clause or be used in an aggregate function", 7);
        }

        @Test
        void starInAGroupedQueryNamesTheColumnAsPostgresDoes() {
            // Was: column ""t"."b"" must appear ... (the expanded reference was displayed as quoted identifiers).
            assertError("SELECT * FROM t GROUP BY a", SqlState.GROUPING_ERROR,
                    "column \"t.b\" must appear in the GROUP BY clause or be used in an aggregate function", 7);
        }

        @Test
        void aggregatesWhereTheyAreNotAllowed() {
            String where = "SELECT a FROM t WHERE sum(a) > 1";
            assertError(where, SqlState.GROUPING_ERROR, "aggregate functions are not allowed in WHERE", where.indexOf("sum"));
            String groupBy = "SELECT sum(a) FROM t GROUP BY sum(a)";
            assertError(groupBy, SqlState.GROUPING_ERROR, "aggregate functions are not allowed in GROUP BY", groupBy.lastIndexOf("sum"));
            String ordinal = "SELECT sum(a) FROM t GROUP BY 1";
            assertError(ordinal, SqlState.GROUPING_ERROR, "aggregate functions are not allowed in GROUP BY", 7);
            String limit = "SELECT a FROM t LIMIT count(*)";
            assertError(limit, SqlState.GROUPING_ERROR, "aggregate functions are not allowed in LIMIT", limit.indexOf("count"));
            String insideFunction = "SELECT a FROM t WHERE abs(max(a)) > 1";
            assertError(insideFunction, SqlState.GROUPING_ERROR, "aggregate functions are not allowed in WHERE",
                    insideFunction.indexOf("max"));
        }

        @Test
        void nestedAggregates() {
            assertError("SELECT sum(sum(a)) FROM t", SqlState.GROUPING_ERROR, "aggregate function calls cannot be nested", 11);
            String deeper = "SELECT max(a + count(*)) FROM t";
            assertError(deeper, SqlState.GROUPING_ERROR, "aggregate function calls cannot be nested", deeper.indexOf("count"));
        }

        @Test
        void aggregateSignatures() {
            assertError("SELECT sum(d) FROM t", SqlState.UNDEFINED_FUNCTION,
                    "function sum(VARCHAR) does not exist; sum takes a number", 7);
            assertError("SELECT avg(e) FROM t", SqlState.UNDEFINED_FUNCTION,
                    "function avg(DATE) does not exist; avg takes a number", 7);
            assertError("SELECT sum(a, b) FROM t", SqlState.UNDEFINED_FUNCTION, "function sum takes exactly one argument, got 2", 7);
        }

        @Test
        void groupByPositionOutOfRange() {
            String sql = "SELECT a FROM t GROUP BY 5";
            assertError(sql, SqlState.INVALID_COLUMN_REFERENCE, "GROUP BY position 5 is not in select list", sql.indexOf('5'));
            String zero = "SELECT a FROM t GROUP BY 0";
            assertError(zero, SqlState.INVALID_COLUMN_REFERENCE, "GROUP BY position 0 is not in select list", zero.indexOf('0'));
        }
    }

    @Nested
    class OrderByAndLimit {
        @Test
        void orderByPositionOutOfRange() {
            String sql = "SELECT a FROM t ORDER BY 2";
            assertError(sql, SqlState.INVALID_COLUMN_REFERENCE, "ORDER BY position 2 is not in select list", 25);
            assertError("SELECT a FROM t ORDER BY 0", SqlState.INVALID_COLUMN_REFERENCE, "ORDER BY position 0 is not in select list", 25);
            String values = "VALUES (1), (2) ORDER BY 3";
            assertError(values, SqlState.INVALID_COLUMN_REFERENCE, "ORDER BY position 3 is not in select list", values.indexOf('3'));
            String huge = "SELECT a FROM t ORDER BY 99999999999";
            assertError(huge, SqlState.INVALID_COLUMN_REFERENCE, "ORDER BY position 2147483647 is not in select list", 25);
        }

        @Test
        void orderByNotInDistinctSelectList() {
            String sql = "SELECT DISTINCT a FROM t ORDER BY b";
            assertError(sql, SqlState.INVALID_COLUMN_REFERENCE, "for SELECT DISTINCT, ORDER BY expressions must appear in select list",
                    sql.lastIndexOf('b'));
        }

        @Test
        void negativeLimitOrOffset() {
            assertError("SELECT a FROM t LIMIT -1", SqlState.INVALID_PARAMETER_VALUE, "LIMIT must not be negative", 22);
            assertError("SELECT a FROM t OFFSET -1", SqlState.INVALID_PARAMETER_VALUE, "OFFSET must not be negative", 23);
        }

        @Test
        void nonIntegerLimit() {
            assertError("SELECT a FROM t LIMIT 1.5", SqlState.DATATYPE_MISMATCH, "argument of LIMIT must be an integer constant", 22);
            assertError("SELECT a FROM t LIMIT 'x'", SqlState.DATATYPE_MISMATCH, "argument of LIMIT must be an integer constant", 22);
            assertError("SELECT a FROM t LIMIT a", SqlState.INVALID_COLUMN_REFERENCE, "argument of LIMIT must not contain variables", 22);
        }
    }

    @Nested
    class Insert {
        @Test
        void arity() {
            assertError("INSERT INTO t VALUES (1)", SqlState.SYNTAX_ERROR, "INSERT has more target columns than expressions", 14);
            assertError("INSERT INTO t (a) VALUES (1, 2)", SqlState.SYNTAX_ERROR, "INSERT has more expressions than target columns", 18);
            assertError("INSERT INTO t (a) SELECT a, b FROM t", SqlState.SYNTAX_ERROR, "INSERT has more expressions than target columns", 18);
            assertError("INSERT INTO t (a, b) SELECT a FROM t", SqlState.SYNTAX_ERROR, "INSERT has more target columns than expressions", 21);
            String ragged = "INSERT INTO t (a, b) VALUES (1, 2), (3)";
            assertError(ragged, SqlState.SYNTAX_ERROR, "VALUES lists must all be the same length", ragged.indexOf('3'));
        }

        @Test
        void types() {
            String sql = "INSERT INTO t (e) VALUES (1)";
            assertError(sql, SqlState.DATATYPE_MISMATCH,
                    "column \"e\" is of type DATE but expression is of type INTEGER; rewrite or cast the expression", sql.indexOf('1'));
            String text = "INSERT INTO t (a) VALUES ('x')";
            assertError(text, SqlState.INVALID_TEXT_REPRESENTATION, "invalid input syntax for type integer: \"x\"", text.indexOf("'x'"));
            String range = "INSERT INTO t (b, a) VALUES (1, 3000000000)";
            assertError(range, SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "integer out of range", range.indexOf("3000000000"));
            String select = "INSERT INTO t (a) SELECT d FROM t";
            assertError(select, SqlState.DATATYPE_MISMATCH,
                    "column \"a\" is of type INTEGER but expression is of type VARCHAR; rewrite or cast the expression",
                    select.indexOf("SELECT"));
            String secondRow = "INSERT INTO t (e) VALUES ('1998-01-01'), ('1998-01-32')";
            assertError(secondRow, SqlState.DATETIME_FIELD_OVERFLOW, "date/time field value out of range: \"1998-01-32\"",
                    secondRow.indexOf("'1998-01-32'"));
        }

        @Test
        void targetColumns() {
            String unknown = "INSERT INTO t (aa) VALUES (1)";
            assertError(unknown, SqlState.UNDEFINED_COLUMN, "column \"aa\" of relation \"t\" does not exist; did you mean \"a\"?", 15);
            String twice = "INSERT INTO t (a, a) VALUES (1, 2)";
            assertError(twice, SqlState.DUPLICATE_COLUMN, "column \"a\" specified more than once", twice.lastIndexOf('a'));
            assertError("INSERT INTO tt VALUES (1)", SqlState.UNDEFINED_TABLE, "relation \"tt\" does not exist; did you mean \"t\"?", 12);
        }
    }

    @Nested
    class Functions {
        @Test
        void wrongArity() {
            assertError("SELECT abs(a, b) FROM t", SqlState.UNDEFINED_FUNCTION,
                    "function abs(INTEGER, BIGINT) does not exist; abs takes 1 argument", 7);
            assertError("SELECT substring(d) FROM t", SqlState.UNDEFINED_FUNCTION,
                    "function substring(VARCHAR) does not exist; substring takes 2 to 3 arguments", 7);
            assertError("SELECT power(f) FROM t", SqlState.UNDEFINED_FUNCTION,
                    "function power(DOUBLE) does not exist; power takes 2 arguments", 7);
            assertError("SELECT coalesce() FROM t", SqlState.UNDEFINED_FUNCTION,
                    "function coalesce() does not exist; check the argument types or add explicit casts", 7);
        }

        @Test
        void unknownFunctionSuggestsAKnownOne() {
            assertError("SELECT uper(d) FROM t", SqlState.UNDEFINED_FUNCTION, "function uper(VARCHAR) does not exist; did you mean upper?", 7);
            assertError("SELECT frobnicate(d) FROM t", SqlState.UNDEFINED_FUNCTION, "function frobnicate(VARCHAR) does not exist", 7);
            String nested = "SELECT a + lenght(d) FROM t";
            assertError(nested, SqlState.UNDEFINED_FUNCTION, "function lenght(VARCHAR) does not exist; did you mean length?",
                    nested.indexOf("lenght"));
        }

        @Test
        void wrongArgumentTypes() {
            assertError("SELECT abs(d) FROM t", SqlState.UNDEFINED_FUNCTION,
                    "function abs(VARCHAR) does not exist; check the argument types or add explicit casts", 7);
            assertError("SELECT upper(a) FROM t", SqlState.UNDEFINED_FUNCTION,
                    "function upper(INTEGER) does not exist; check the argument types or add explicit casts", 7);
            assertError("SELECT EXTRACT(hour FROM e) FROM t", SqlState.INVALID_PARAMETER_VALUE, "unit \"hour\" not supported for type DATE", 15);
            assertError("SELECT EXTRACT(year FROM a) FROM t", SqlState.UNDEFINED_FUNCTION,
                    "function extract(year FROM INTEGER) does not exist; EXTRACT takes a DATE or TIMESTAMP", 7);
        }

        @Test
        void starAndDistinctOnlyInAggregates() {
            assertError("SELECT upper(*) FROM t", SqlState.SYNTAX_ERROR, "* is only allowed in aggregate functions, and upper is not one", 7);
            assertError("SELECT upper(DISTINCT d) FROM t", SqlState.SYNTAX_ERROR,
                    "DISTINCT is only allowed in aggregate functions, and upper is not one", 7);
        }
    }

    @Nested
    class Unsupported {
        @Test
        void featuresNotYetSupportedSayWhere() {
            assertError("SELECT a FROM t WHERE a = ?", SqlState.FEATURE_NOT_SUPPORTED,
                    "parameters are not supported here; use a literal value", 26);
            assertError("SELECT a FROM t INTERSECT ALL SELECT x FROM u", SqlState.FEATURE_NOT_SUPPORTED,
                    "INTERSECT ALL is not supported; INTERSECT (distinct) is", 0);
            assertError("SELECT a FROM t EXCEPT ALL SELECT x FROM u", SqlState.FEATURE_NOT_SUPPORTED,
                    "EXCEPT ALL is not supported; EXCEPT (distinct) is", 0);
        }

        @Test
        void starWithoutFrom() {
            assertError("SELECT *", SqlState.SYNTAX_ERROR, "SELECT * with no tables specified is not valid", 7);
        }
    }
}
