package dev.quiver.parser;

import dev.quiver.error.EditDistance;
import dev.quiver.error.SqlState;
import dev.quiver.parser.antlr.QuiverSqlLexer;
import dev.quiver.parser.antlr.QuiverSqlParser;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Syntax error messages, checked as the full text a user sees. */
class SyntaxErrorTest {
    private static void assertStatementError(String sql, String message) {
        assertError(SqlParser::parseStatement, sql, message);
    }

    private static void assertError(Function<String, ?> parse, String sql, String message) {
        Executable call = () -> parse.apply(sql);
        SqlSyntaxException e = assertThrows(SqlSyntaxException.class, call, sql);
        assertThat(e.getMessage()).as(sql).isEqualTo(message);
        assertThat(e.sqlState()).isEqualTo(SqlState.SYNTAX_ERROR);
        assertThat(e.sql()).hasValue(sql);
    }

    @Test
    void misspelledKeyword() {
        assertStatementError("SELECT * FORM lineitem", """
                syntax error at line 1, column 10: unexpected 'FORM', expected FROM
                LINE 1: SELECT * FORM lineitem
                                 ^""");
        assertStatementError("CREATE TABEL t (a int)", """
                syntax error at line 1, column 8: unexpected 'TABEL', expected TABLE
                LINE 1: CREATE TABEL t (a int)
                               ^""");
        assertStatementError("SELECT * FROM t LIMIT 10 OFSET 5", """
                syntax error at line 1, column 26: unexpected 'OFSET', expected OFFSET
                LINE 1: SELECT * FROM t LIMIT 10 OFSET 5
                                                 ^""");
        // A keyword in the wrong place is a near miss of the expected one, too.
        assertStatementError("SELECT * FROM a JOIN b IN a.x = b.y", """
                syntax error at line 1, column 24: unexpected 'IN', expected ON
                LINE 1: SELECT * FROM a JOIN b IN a.x = b.y
                                               ^""");
    }

    @Test
    void multiLineStatements() {
        assertStatementError("SELECT a,\n       b\nFROM t\nWHERE x = 1 ORDR BY x", """
                syntax error at line 4, column 13: unexpected 'ORDR', expected ORDER
                LINE 4: WHERE x = 1 ORDR BY x
                                    ^""");
        assertStatementError("SELECT *\n  FROM t\n  WHERE a = 1 AND\n", """
                syntax error at line 3, column 18: unexpected end of input, expected expression
                LINE 3:   WHERE a = 1 AND
                                         ^""");
        assertStatementError("SELECT a\nFROM t\nGROUP a", """
                syntax error at line 3, column 7: unexpected 'a', expected BY
                LINE 3: GROUP a
                              ^""");
    }

    @Test
    void expectedLists() {
        assertStatementError("SELECT * 1", """
                syntax error at line 1, column 10: unexpected '1', expected one of: FROM, WHERE, GROUP, ORDER, LIMIT, ','
                LINE 1: SELECT * 1
                                 ^""");
        assertStatementError("SELECT FROM t", """
                syntax error at line 1, column 8: unexpected 'FROM', expected one of: expression, DISTINCT, ALL, '*'
                LINE 1: SELECT FROM t
                               ^""");
        assertStatementError("CREATE TABLE t (a int", """
                syntax error at line 1, column 22: unexpected end of input, expected one of: NOT, NULL, PRIMARY, UNIQUE, ',', ')'
                LINE 1: CREATE TABLE t (a int
                                             ^""");
        assertStatementError("SELECT * FROM a JOIN b", """
                syntax error at line 1, column 23: unexpected end of input, expected one of: identifier, AS, ON, USING, JOIN, '.'
                LINE 1: SELECT * FROM a JOIN b
                                              ^""");
        assertStatementError("SELECT a = b = c", """
                syntax error at line 1, column 14: unexpected '=', expected one of: FROM, WHERE, GROUP, ORDER, LIMIT, ','
                LINE 1: SELECT a = b = c
                                     ^""");
        assertStatementError("SELECT interval '1'", """
                syntax error at line 1, column 20: unexpected end of input, expected one of: YEAR, MONTH, DAY, HOUR, MINUTE, SECOND
                LINE 1: SELECT interval '1'
                                           ^""");
        assertStatementError("DROP t", """
                syntax error at line 1, column 6: unexpected 't', expected one of: TABLE, VIEW, INDEX
                LINE 1: DROP t
                             ^""");
        assertStatementError("SELECT * FROM t 'x'", """
                syntax error at line 1, column 17: unexpected string literal 'x', expected one of: identifier, WHERE, GROUP, ORDER, LIMIT, ','
                LINE 1: SELECT * FROM t 'x'
                                        ^""");
    }

    @Test
    void singleExpectedItem() {
        assertStatementError("SELECT * FROM t ORDER x", """
                syntax error at line 1, column 23: unexpected 'x', expected BY
                LINE 1: SELECT * FROM t ORDER x
                                              ^""");
        assertStatementError("CREATE TABLE t (a int, b)", """
                syntax error at line 1, column 25: unexpected ')', expected type name
                LINE 1: CREATE TABLE t (a int, b)
                                                ^""");
        assertStatementError("INSERT INTO t VALUES (1,)", """
                syntax error at line 1, column 25: unexpected ')', expected expression
                LINE 1: INSERT INTO t VALUES (1,)
                                                ^""");
        assertStatementError("WITH a AS SELECT 1", """
                syntax error at line 1, column 11: unexpected 'SELECT', expected '('
                LINE 1: WITH a AS SELECT 1
                                  ^""");
        assertStatementError("SELECT x::", """
                syntax error at line 1, column 11: unexpected end of input, expected type name
                LINE 1: SELECT x::
                                  ^""");
    }

    @Test
    void endOfInput() {
        assertStatementError("SELECT * FROM t WHERE", """
                syntax error at line 1, column 22: unexpected end of input, expected expression
                LINE 1: SELECT * FROM t WHERE
                                             ^""");
        // The caret goes right after the last token, not after trailing whitespace or comments.
        assertStatementError("SELECT * FROM   \n -- nothing follows\n", """
                syntax error at line 1, column 14: unexpected end of input, expected one of: identifier, '('
                LINE 1: SELECT * FROM  \s
                                     ^""");
        assertStatementError("", """
                syntax error at line 1, column 1: unexpected end of input, expected one of: SELECT, VALUES, CREATE, INSERT, UPDATE, DELETE
                LINE 1:\s
                        ^""");
        assertStatementError("SELECT (1", """
                syntax error at line 1, column 10: unexpected end of input, expected one of: NOT, AND, OR, ')', '=', '*'
                LINE 1: SELECT (1
                                 ^""");
    }

    @Test
    void reservedKeywordAsName() {
        assertStatementError("SELECT * FROM order", """
                syntax error at line 1, column 15: unexpected 'order', expected one of: identifier, '('; ORDER is a reserved keyword, write "order" to use it as a name
                LINE 1: SELECT * FROM order
                                      ^""");
        assertStatementError("SELECT 1 AS select", """
                syntax error at line 1, column 13: unexpected 'select', expected identifier; SELECT is a reserved keyword, write "select" to use it as a name
                LINE 1: SELECT 1 AS select
                                    ^""");
        // No hint when a name is not what the user most likely meant.
        assertStatementError("SELECT a JOIN b", """
                syntax error at line 1, column 10: unexpected 'JOIN', expected one of: FROM, WHERE, GROUP, ORDER, LIMIT, ','
                LINE 1: SELECT a JOIN b
                                 ^""");
    }

    @Test
    void lexicalErrors() {
        assertStatementError("SELECT 'abc\nFROM t", """
                syntax error at line 1, column 8: unterminated string literal; end it with a single quote (')
                LINE 1: SELECT 'abc
                               ^""");
        assertStatementError("SELECT 'it''s", """
                syntax error at line 1, column 8: unterminated string literal; end it with a single quote (')
                LINE 1: SELECT 'it''s
                               ^""");
        assertStatementError("SELECT a,\n  \"Abc FROM t", """
                syntax error at line 2, column 3: unterminated quoted identifier; end it with a double quote (")
                LINE 2:   "Abc FROM t
                          ^""");
        assertStatementError("SELECT 1 /* never\nclosed", """
                syntax error at line 1, column 10: unterminated block comment; end it with */
                LINE 1: SELECT 1 /* never
                                 ^""");
        assertStatementError("SELECT 1 /*/", """
                syntax error at line 1, column 10: unterminated block comment; end it with */
                LINE 1: SELECT 1 /*/
                                 ^""");
        assertStatementError("SELECT # FROM t", """
                syntax error at line 1, column 8: unexpected character '#'
                LINE 1: SELECT # FROM t
                               ^""");
        assertStatementError("SELECT a\u00a0FROM t", """
                syntax error at line 1, column 9: unexpected character U+00A0
                LINE 1: SELECT a\u00a0FROM t
                                ^""");
        assertStatementError("SELECT $", """
                syntax error at line 1, column 8: unexpected character '$'
                LINE 1: SELECT $
                               ^""");
    }

    @Test
    void syntaxErrorBeforeALexicalOneIsReportedFirst() {
        assertStatementError("SELECT * FROM WHERE 'abc", """
                syntax error at line 1, column 15: unexpected 'WHERE', expected one of: identifier, '('; WHERE is a reserved keyword, write "where" to use it as a name
                LINE 1: SELECT * FROM WHERE 'abc
                                      ^""");
    }

    @Test
    void longTokensAreShortened() {
        assertStatementError("SELECT a b 'a string literal that goes on and on and on and on'", """
                syntax error at line 1, column 12: unexpected string literal 'a string literal that goes on and on an..., expected one of: FROM, WHERE, GROUP, ORDER, LIMIT, ','
                LINE 1: SELECT a b 'a string literal that goes on and on and on and on'
                                   ^""");
    }

    @Test
    void oneStatementOnly() {
        assertStatementError("SELECT 1; SELECT 2", """
                syntax error at line 1, column 11: unexpected 'SELECT', expected end of input
                LINE 1: SELECT 1; SELECT 2
                                  ^""");
    }

    @Test
    void scriptsReportPositionsInTheWholeScript() {
        assertError(SqlParser::parseScript, "SELECT 1;\nSELECT 2;\nSELEC 3;", """
                syntax error at line 3, column 1: unexpected 'SELEC', expected SELECT
                LINE 3: SELEC 3;
                        ^""");
    }

    @Test
    void expressions() {
        assertError(SqlParser::parseExpression, "a +", """
                syntax error at line 1, column 4: unexpected end of input, expected expression
                LINE 1: a +
                           ^""");
        assertError(SqlParser::parseExpression, "a b", """
                syntax error at line 1, column 3: unexpected 'b', expected one of: NOT, AND, OR, '=', '*', '.'
                LINE 1: a b
                          ^""");
        assertError(SqlParser::parseExpression, "a BETWEEN 1", """
                syntax error at line 1, column 12: unexpected end of input, expected one of: AND, '*', '%', '+', '-', '/'
                LINE 1: a BETWEEN 1
                                   ^""");
    }

    @Test
    void parameterAndTypeParameterRanges() {
        assertStatementError("SELECT $0", """
                syntax error at line 1, column 8: parameter $0 does not exist; parameters are numbered from $1
                LINE 1: SELECT $0
                               ^""");
        assertStatementError("SELECT $99999999999", """
                syntax error at line 1, column 8: parameter $99999999999 is out of range
                LINE 1: SELECT $99999999999
                               ^""");
        assertStatementError("SELECT CAST(x AS decimal(99999999999))", """
                syntax error at line 1, column 26: type parameter 99999999999 is out of range
                LINE 1: SELECT CAST(x AS decimal(99999999999))
                                                 ^""");
    }

    @Test
    void exceptionCarriesLineAndColumn() {
        assertThatThrownBy(() -> SqlParser.parseStatement("SELECT 1\n  FROM FROM"))
                .isInstanceOfSatisfying(SqlSyntaxException.class, e -> {
                    assertThat(e.lineNumber()).isEqualTo(2);
                    assertThat(e.columnNumber()).isEqualTo(8);
                    assertThat(e.position()).hasValue(16);
                    assertThat(e.line()).hasValue(2);
                    assertThat(e.column()).hasValue(8);
                    assertThat(e.rawMessage()).startsWith("syntax error at line 2, column 8: unexpected 'FROM'");
                });
    }

    @Test
    void withoutTheAnalysisMessagesFallBackToAntlrsExpectedTokens() {
        assertThat(parseWithoutAnalysis("SELECT * FROM t WHERE")).isEqualTo("""
                syntax error at line 1, column 22: unexpected end of input, expected one of: string literal, integer, number, identifier, NOT, NULL
                LINE 1: SELECT * FROM t WHERE
                                             ^""");
        assertThat(parseWithoutAnalysis("SELECT * FORM lineitem")).isEqualTo("""
                syntax error at line 1, column 10: unexpected 'FORM', expected one of: ';', end of input
                LINE 1: SELECT * FORM lineitem
                                 ^""");
        assertThat(parseWithoutAnalysis("CREATE TABLE t (a int, b)")).isEqualTo("""
                syntax error at line 1, column 25: unexpected ')', expected identifier
                LINE 1: CREATE TABLE t (a int, b)
                                                ^""");
    }

    /** Parses with an analysis budget of zero, so that the reporter must use ANTLR's expected tokens. */
    private static String parseWithoutAnalysis(String sql) {
        QuiverSqlParser parser = new QuiverSqlParser(new CommonTokenStream(new QuiverSqlLexer(CharStreams.fromString(sql))));
        parser.removeErrorListeners();
        SyntaxErrorReporter reporter = new SyntaxErrorReporter(new SourceText(sql), 0);
        parser.setErrorHandler(reporter);
        parser.addErrorListener(reporter.listener());
        return assertThrows(SqlSyntaxException.class, parser::singleStatement).getMessage();
    }

    @Test
    void expectedTokenClassesAreNamed() {
        assertStatementError("SELECT CAST(a AS decimal(x))", """
                syntax error at line 1, column 26: unexpected 'x', expected integer
                LINE 1: SELECT CAST(a AS decimal(x))
                                                 ^""");
    }

    @Test
    void editDistance() {
        assertThat(EditDistance.between("FORM", "FROM")).isEqualTo(1);
        assertThat(EditDistance.between("SELEC", "SELECT")).isEqualTo(1);
        assertThat(EditDistance.between("GRUOP", "GROUP")).isEqualTo(1);
        assertThat(EditDistance.between("WERE", "WHERE")).isEqualTo(1);
        assertThat(EditDistance.between("X", "BY")).isEqualTo(2);
        assertThat(EditDistance.between("", "ON")).isEqualTo(2);
    }
}
