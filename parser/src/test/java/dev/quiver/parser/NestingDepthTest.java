package dev.quiver.parser;

import dev.quiver.error.SqlState;
import dev.quiver.parser.ast.Explain;
import dev.quiver.parser.ast.QueryStatement;
import org.junit.jupiter.api.Test;

import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The nesting limit: every construct that nests is rejected with 54001 one level past
 * {@link SqlParser#MAX_NESTING_DEPTH}, at the token that opens that level, however deep the input
 * goes on (so a statement nested tens of thousands of levels fails as fast as one just past the
 * limit); the same construct at the limit parses; and flat chains, however long, are not nesting.
 */
class NestingDepthTest {
    private static final int LIMIT = SqlParser.MAX_NESTING_DEPTH;
    /** Far past the limit: deep enough to overflow the stack or stall ANTLR without the check. */
    private static final int DEEP = 40_000;

    private static void assertTooDeep(String sql, String token, int position) {
        assertTooDeep(SqlParser::parseStatement, sql, token, position);
    }

    private static void assertTooDeep(Function<String, ?> parse, String sql, String token, int position) {
        assertThatThrownBy(() -> parse.apply(sql))
                .as(sql.length() > 200 ? sql.substring(0, 200) + "..." : sql)
                .isInstanceOfSatisfying(SqlSyntaxException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo(SqlState.STATEMENT_TOO_COMPLEX);
                    assertThat(e.rawMessage()).isEqualTo("statement is too deeply nested: " + token
                            + " opens level 101, more than the 100 allowed (levels are open parentheses, CASEs, JOINs"
                            + " awaiting ON, EXPLAIN, and the operators NOT, unary - and +, :: and IS);"
                            + " remove redundant nesting or split the statement");
                    assertThat(e.position()).hasValue(position);
                });
    }

    private static void assertParses(String sql) {
        assertThat(SqlParser.parseStatement(sql)).as(sql.length() > 200 ? sql.substring(0, 200) + "..." : sql)
                .isNotNull();
    }

    @Test
    void parentheses() {
        assertParses("SELECT " + "(".repeat(LIMIT) + "1" + ")".repeat(LIMIT));
        assertTooDeep("SELECT " + "(".repeat(DEEP) + "1" + ")".repeat(DEEP), "'('", 7 + LIMIT);
        assertTooDeep("SELECT " + "f(".repeat(DEEP) + "1" + ")".repeat(DEEP), "'('", 7 + 2 * LIMIT + 1);
    }

    @Test
    void unaryMinusAndPlus() {
        assertParses("SELECT " + "- ".repeat(LIMIT) + "1");
        assertTooDeep("SELECT " + "- ".repeat(DEEP) + "1", "'-'", 7 + 2 * LIMIT);
        assertTooDeep("SELECT " + "+ ".repeat(DEEP) + "1", "'+'", 7 + 2 * LIMIT);
        assertTooDeep("SELECT " + "-+".repeat(DEEP) + "1", "'-'", 7 + LIMIT);
    }

    @Test
    void not() {
        assertParses("SELECT " + "NOT ".repeat(LIMIT) + "true");
        assertTooDeep("SELECT " + "NOT ".repeat(DEEP) + "true", "NOT", 7 + 4 * LIMIT);
        assertTooDeep("SELECT * FROM t WHERE " + "NOT ".repeat(DEEP) + "a", "NOT", 22 + 4 * LIMIT);
    }

    @Test
    void caseExpressions() {
        String searched = "CASE WHEN a THEN ";
        assertParses("SELECT " + searched.repeat(LIMIT) + "1" + " END".repeat(LIMIT));
        assertTooDeep("SELECT " + searched.repeat(DEEP) + "1" + " END".repeat(DEEP), "CASE",
                7 + searched.length() * LIMIT);
        // Nested in the ELSE branch, and as the operand of a simple CASE.
        String elseCase = "CASE WHEN a THEN 1 ELSE ";
        assertParses("SELECT " + elseCase.repeat(LIMIT) + "2" + " END".repeat(LIMIT));
        assertTooDeep("SELECT " + elseCase.repeat(DEEP) + "2" + " END".repeat(DEEP), "CASE",
                7 + elseCase.length() * LIMIT);
        assertParses("SELECT " + "CASE ".repeat(LIMIT) + "a" + " WHEN 1 THEN 2 END".repeat(LIMIT));
        assertTooDeep("SELECT " + "CASE ".repeat(DEEP) + "a" + " WHEN 1 THEN 2 END".repeat(DEEP), "CASE",
                7 + 5 * LIMIT);
    }

    @Test
    void castsAndIsTests() {
        assertParses("SELECT a" + "::int".repeat(LIMIT));
        assertTooDeep("SELECT a" + "::int".repeat(DEEP), "'::'", 8 + 5 * LIMIT);
        assertParses("SELECT a" + " IS NOT NULL".repeat(LIMIT));
        assertTooDeep("SELECT a" + " IS NOT NULL".repeat(DEEP), "IS", 9 + 12 * LIMIT);
        assertParses("SELECT a" + " IS TRUE".repeat(LIMIT));
        assertTooDeep("SELECT a" + " IS TRUE".repeat(DEEP), "IS", 9 + 8 * LIMIT);
        assertParses("SELECT a" + " IS DISTINCT FROM b".repeat(LIMIT));
        assertTooDeep("SELECT a" + " IS NOT DISTINCT FROM b".repeat(DEEP), "IS", 9 + 23 * LIMIT);
    }

    @Test
    void explain() {
        assertThat(SqlParser.parseStatement("EXPLAIN ".repeat(LIMIT) + "SELECT 1")).isInstanceOf(Explain.class);
        assertTooDeep("EXPLAIN ".repeat(DEEP) + "SELECT 1", "EXPLAIN", 8 * LIMIT);
        assertTooDeep("EXPLAIN ANALYZE ".repeat(DEEP) + "SELECT 1", "EXPLAIN", 16 * LIMIT);
        // An option list is flat: it adds no level, and the EXPLAIN after it is a statement's start.
        assertThat(SqlParser.parseStatement("EXPLAIN (RULES, FORMAT JSON) ".repeat(LIMIT) + "SELECT 1")).isInstanceOf(Explain.class);
        assertTooDeep("EXPLAIN (RULES) ".repeat(DEEP) + "SELECT 1", "EXPLAIN", 16 * LIMIT);
        // Only at the start of a statement: elsewhere explain is a name.
        assertParses("SELECT " + "- ".repeat(LIMIT) + "explain FROM explain");
        assertThat(SqlParser.parseExpression("- ".repeat(LIMIT) + "explain")).isNotNull();
    }

    @Test
    void joinsAwaitingTheirCondition() {
        assertParses("SELECT * FROM t" + " JOIN t".repeat(LIMIT) + " ON true".repeat(LIMIT));
        assertTooDeep("SELECT * FROM t" + " JOIN t".repeat(DEEP) + " ON true".repeat(DEEP), "JOIN",
                16 + 7 * LIMIT);
        assertTooDeep("SELECT * FROM t" + " LEFT OUTER JOIN t".repeat(DEEP) + " USING (a)".repeat(DEEP), "JOIN",
                27 + 18 * LIMIT);
        // A join with its condition, a cross join and a natural join are not nested.
        assertParses("SELECT * FROM t" + " JOIN t ON true".repeat(5 * LIMIT));
        assertParses("SELECT * FROM t" + " CROSS JOIN t".repeat(5 * LIMIT));
        assertParses("SELECT * FROM t" + " NATURAL LEFT JOIN t".repeat(5 * LIMIT));
    }

    /** The statement the mutation fuzzer found: without the check ANTLR's prediction took seconds. */
    @Test
    void deepNestInsideAParenthesizedSubquery() {
        assertTooDeep("SELECT ( ( SELECT " + "- ".repeat(DEEP) + "1 ) )", "'-'", 18 + 2 * (LIMIT - 2));
        assertTooDeep("SELECT ((SELECT " + "NOT ".repeat(DEEP) + "true))", "NOT", 16 + 4 * (LIMIT - 2));
        assertTooDeep("SELECT ((SELECT " + "CASE WHEN a THEN ".repeat(DEEP) + "1" + " END".repeat(DEEP) + "))", "CASE",
                16 + 17 * (LIMIT - 2));
        // With a syntax error after the nest, which makes the parser retry with full-context prediction.
        assertTooDeep("SELECT ((SELECT " + "- ".repeat(DEEP) + "1 +))", "'-'", 16 + 2 * (LIMIT - 2));
        assertParses("SELECT ((SELECT " + "- ".repeat(LIMIT - 2) + "1))");
        assertParses("SELECT ((SELECT " + "CASE WHEN a THEN ".repeat(LIMIT - 2) + "1" + " END".repeat(LIMIT - 2) + "))");
    }

    @Test
    void levelsOfDifferentKindsAddUp() {
        assertParses("SELECT " + "- (".repeat(LIMIT / 2) + "1" + ")".repeat(LIMIT / 2));
        assertTooDeep("SELECT - " + "- (".repeat(LIMIT / 2) + "1" + ")".repeat(LIMIT / 2), "'('", 9 + 3 * 49 + 2);
        assertParses("SELECT " + "NOT (CASE WHEN ".repeat(LIMIT / 3) + "a" + " THEN 1 END)".repeat(LIMIT / 3));
        assertTooDeep("SELECT " + "NOT (CASE WHEN ".repeat(DEEP) + "a" + " THEN 1 END)".repeat(DEEP), "'('",
                7 + 15 * (LIMIT / 3) + 4);
        // A postfix operator wraps its whole operand: here the prefix operators or the parenthesis before it.
        assertParses("SELECT " + "NOT ".repeat(LIMIT - 1) + "a IS NULL");
        assertTooDeep("SELECT " + "NOT ".repeat(LIMIT) + "a IS NULL", "IS", 7 + 4 * LIMIT + 2);
        assertParses("SELECT " + "- ".repeat(LIMIT / 2) + "a" + "::int".repeat(LIMIT / 2));
        assertTooDeep("SELECT (" + "- ".repeat(LIMIT - 1) + "a)::int", "'::'", 8 + 2 * (LIMIT - 1) + 2);
        // NOT after IS belongs to the IS.
        assertParses("SELECT " + "NOT ".repeat(LIMIT - 1) + "a IS NOT NULL");
        assertTooDeep(SqlParser::parseExpression, "- ".repeat(DEEP) + "a", "'-'", 2 * LIMIT);
    }

    @Test
    void anOperandEndingClosesItsPrefixOperators() {
        // Unary - and + end at any binary operator, NOT at AND and OR (but not at a comparison).
        assertParses("SELECT " + ("- ".repeat(LIMIT) + "a + ").repeat(500) + "1");
        assertParses("SELECT " + ("NOT ".repeat(LIMIT - 1) + "a = b AND ").repeat(500) + "true");
        assertTooDeep("SELECT NOT a = " + "- ".repeat(DEEP) + "b", "'-'", 15 + 2 * (LIMIT - 1));
        // A comma, THEN, ELSE or a clause keyword ends the expression.
        assertParses("SELECT " + ("a" + "::int".repeat(LIMIT) + ", ").repeat(500) + "1");
        assertParses("SELECT CASE " + ("WHEN " + "- ".repeat(LIMIT - 1) + "a THEN " + "NOT ".repeat(LIMIT - 1) + "b ")
                .repeat(500) + "END");
        assertParses("SELECT " + "- ".repeat(LIMIT) + "a FROM t WHERE " + "NOT ".repeat(LIMIT) + "b");
        // Each statement of a script starts at level 0.
        assertThat(SqlParser.parseScript(("SELECT " + "- ".repeat(LIMIT) + "1;").repeat(3))).hasSize(3);
    }

    /** Long chains of binary operators and long lists are flat: however long, they parse. */
    @Test
    void longFlatChainsParse() {
        int length = 20_000;
        assertParses("SELECT 1" + " + 1".repeat(length - 1));
        assertParses("SELECT 'a'" + " || 'a'".repeat(length - 1));
        assertParses("SELECT * FROM t WHERE a = 1" + " AND a = 1".repeat(length - 1));
        assertParses("SELECT * FROM t WHERE a = 1" + " OR a = 1".repeat(length - 1));
        assertParses("SELECT * FROM t WHERE a IN (0" + ", 1".repeat(length - 1) + ")");
        assertParses("SELECT 1" + " UNION ALL SELECT 1".repeat(length - 1));
        assertParses("SELECT ((SELECT 1" + " + 1".repeat(length - 1) + "))");
        assertParses("SELECT ((SELECT a = 1" + " AND a = 1".repeat(length - 1) + "))");
        assertThat(SqlParser.parseStatement("SELECT " + "((SELECT ".repeat(LIMIT / 2) + "1" + " + 1".repeat(length - 1)
                + "))".repeat(LIMIT / 2))).isInstanceOf(QueryStatement.class);
    }
}
