package dev.quiver.parser;

import dev.quiver.error.SqlState;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/** Whatever the input, the parser answers with an AST or a {@link SqlSyntaxException}. */
class ParserRobustnessTest {
    private static final List<String> VALID = List.of(
            "SELECT a, b AS c, count(*) FROM t WHERE a > 1 GROUP BY a, b HAVING count(*) > 1 ORDER BY 1 DESC LIMIT 10",
            "SELECT * FROM a JOIN b ON a.x = b.x LEFT JOIN c USING (y) CROSS JOIN d NATURAL JOIN e",
            "WITH w (x) AS (SELECT 1) SELECT x FROM w UNION ALL SELECT 2 INTERSECT SELECT 3 EXCEPT SELECT 4",
            "SELECT CASE WHEN a IS NULL THEN 'x' WHEN b BETWEEN 1 AND 2 THEN 'y' ELSE 'z' END FROM t",
            "SELECT CAST(a AS decimal(12, 2)), b::double precision, EXTRACT(year FROM d) FROM t",
            "SELECT substring(a FROM 1 FOR 2), trim(LEADING 'x' FROM b), position('a' IN c) FROM t",
            "SELECT * FROM t WHERE a IN (1, 2, 3) AND b NOT IN (SELECT x FROM u) AND c LIKE 'a%' ESCAPE '!'",
            "SELECT * FROM t WHERE EXISTS (SELECT 1 FROM u WHERE u.a = t.a) OR a = ANY (SELECT b FROM v)",
            "select l_returnflag, sum(l_quantity) from lineitem where l_shipdate <= date '1998-12-01' - interval '90' day (3) group by l_returnflag",
            "SELECT * FROM (VALUES (1, 'a'), (2, 'b')) AS v (x, y) OFFSET 1 ROWS LIMIT ALL",
            "CREATE TABLE IF NOT EXISTS t (a int NOT NULL PRIMARY KEY, b varchar(10), PRIMARY KEY (a))",
            "CREATE OR REPLACE VIEW v (x) AS SELECT a FROM t",
            "CREATE TABLE t2 AS SELECT * FROM t",
            "INSERT INTO t (a, b) VALUES (1, 'x'), (?, $2)",
            "DROP TABLE IF EXISTS t",
            "EXPLAIN ANALYZE SELECT -a * (b + c) || 'x' FROM t",
            "CALL tpch.load(0.01, schema => 'tpch')",
            "SET execution_mode = verify",
            "SELECT \"Quoted \"\"x\"\"\" FROM \"T\" /* comment */ -- line\n WHERE a IS NOT DISTINCT FROM b",
            "SELECT a FROM t WHERE NOT (a <> 1 OR b >= 2.5e3) AND c IS NOT NULL");

    @Test
    void deepParenthesesAreRejectedNotOverflowed() {
        String sql = "SELECT " + "(".repeat(10_000) + "1" + ")".repeat(10_000);
        assertThatThrownBy(() -> SqlParser.parseStatement(sql))
                .isInstanceOfSatisfying(SqlSyntaxException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo(SqlState.STATEMENT_TOO_COMPLEX);
                    assertThat(e.rawMessage()).startsWith("statement is too deeply nested: '(' opens level 101, more than the 100 allowed");
                    assertThat(e.position()).hasValue(7 + SqlParser.MAX_NESTING_DEPTH);
                });
        String within = "SELECT " + "(".repeat(SqlParser.MAX_NESTING_DEPTH) + "1" + ")".repeat(SqlParser.MAX_NESTING_DEPTH);
        assertThat(SqlParser.parseStatement(within)).isNotNull();
    }

    @Test
    void deepNestingWithinTheLimitParsesOnASmallStack() throws InterruptedException {
        int depth = SqlParser.MAX_NESTING_DEPTH;
        List<String> statements = List.of(
                "SELECT " + "(SELECT ".repeat(depth) + "1" + ")".repeat(depth),
                "SELECT " + "f(".repeat(depth) + "1" + ")".repeat(depth),
                "SELECT * FROM " + "(SELECT * FROM ".repeat(depth) + "t" + ")".repeat(depth),
                "SELECT " + "(1 + ".repeat(depth) + "1" + ")".repeat(depth),
                "SELECT 1 WHERE " + "EXISTS (SELECT 1 WHERE ".repeat(depth) + "true" + ")".repeat(depth),
                "SELECT " + "CASE WHEN a THEN ".repeat(depth) + "1" + " END".repeat(depth),
                "SELECT " + "CASE ".repeat(depth) + "a" + " WHEN 1 THEN 2 END".repeat(depth),
                "SELECT " + "- ".repeat(depth) + "1",
                "SELECT " + "NOT ".repeat(depth) + "true",
                "SELECT a" + "::int".repeat(depth),
                "SELECT a" + " IS NULL".repeat(depth),
                "EXPLAIN ".repeat(depth) + "SELECT 1",
                "SELECT * FROM t" + " JOIN t".repeat(depth) + " ON true".repeat(depth),
                "SELECT " + "((SELECT ".repeat(depth / 2) + "1" + "))".repeat(depth / 2));
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(null, () -> {
            try {
                statements.forEach(SqlParser::parseStatement);
            }
            catch (Throwable t) {
                failure.set(t);
            }
        }, "small-stack", 1024 * 1024);
        thread.start();
        thread.join();
        assertThat(failure.get()).isNull();
    }

    @Test
    void otherDeepNestingIsRejectedWithASyntaxException() {
        List<String> deep = List.of(
                "SELECT " + "NOT ".repeat(100_000) + "true",
                "SELECT " + "- ".repeat(100_000) + "1",
                "SELECT " + "CASE WHEN a THEN ".repeat(50_000) + "1" + " END".repeat(50_000));
        for (String sql : deep) {
            assertThatThrownBy(() -> SqlParser.parseStatement(sql))
                    .isInstanceOfSatisfying(SqlSyntaxException.class, e -> {
                        assertThat(e.sqlState()).isEqualTo(SqlState.STATEMENT_TOO_COMPLEX);
                        assertThat(e.rawMessage()).startsWith("statement is too deeply nested");
                    });
        }
        // The parser still works afterwards.
        assertThat(AstShape.of(SqlParser.parseExpression("NOT a AND b"))).isEqualTo("(and (not a) b)");
    }

    @Test
    void whatStillOverflowsTheStackIsASyntaxExceptionToo() throws InterruptedException {
        // A chain of joins is flat for the nesting check, but the AST builder recurses down it.
        String sql = "SELECT * FROM t" + " JOIN t ON true".repeat(20_000);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread thread = new Thread(null, () -> {
            try {
                SqlParser.parseStatement(sql);
            }
            catch (Throwable t) {
                thrown.set(t);
            }
        }, "small-stack", 256 * 1024);
        thread.start();
        thread.join();
        assertThat(thrown.get()).isInstanceOfSatisfying(SqlSyntaxException.class, e -> {
            assertThat(e.sqlState()).isEqualTo(SqlState.STATEMENT_TOO_COMPLEX);
            assertThat(e.rawMessage()).isEqualTo(
                    "statement is too deeply nested; simplify it, for example by splitting long nested expressions");
        });
        assertThat(SqlParser.parseStatement("SELECT * FROM t JOIN u ON true")).isNotNull();
    }

    @Test
    void everyValidQueryParses() {
        for (String sql : VALID) {
            assertThat(SqlParser.parseStatement(sql)).as(sql).isNotNull();
        }
        assertThat(SqlParser.parseScript(String.join(";\n", VALID))).hasSize(VALID.size());
    }

    @Test
    void tokenMutationsOnlyEverThrowSyntaxExceptions() {
        Random random = new Random(20240601L);
        List<List<String>> tokenized = VALID.stream().map(ParserRobustnessTest::tokens).toList();
        List<String> pool = new ArrayList<>();
        tokenized.forEach(pool::addAll);
        pool.addAll(List.of("(", ")", ",", ";", "'", "\"", "/*", "--", "#", "$", "?", "$0", "::", "=>", "..", "\u0000",
                "\uD83D\uDE00", "\uD800", "1e", "99999999999999999999", "''", "\"\"", "ALL", "ANY", "NULL", "\n"));
        int parsed = 0;
        for (int i = 0; i < 4_000; i++) {
            List<String> tokens = new ArrayList<>(tokenized.get(random.nextInt(tokenized.size())));
            int mutations = 1 + random.nextInt(3);
            for (int m = 0; m < mutations && !tokens.isEmpty(); m++) {
                int at = random.nextInt(tokens.size());
                switch (random.nextInt(5)) {
                    case 0 -> tokens.remove(at);
                    case 1 -> tokens.add(at, pool.get(random.nextInt(pool.size())));
                    case 2 -> tokens.set(at, pool.get(random.nextInt(pool.size())));
                    case 3 -> tokens.add(at, tokens.get(random.nextInt(tokens.size())));
                    default -> {
                        int other = random.nextInt(tokens.size());
                        String swapped = tokens.get(at);
                        tokens.set(at, tokens.get(other));
                        tokens.set(other, swapped);
                    }
                }
            }
            String sql = String.join(random.nextInt(4) == 0 ? "" : " ", tokens);
            if (parsesOrFailsCleanly(sql)) {
                parsed++;
            }
        }
        // Some mutations keep the statement valid; most do not.
        assertThat(parsed).isBetween(100, 3_000);
    }

    @Test
    void randomTextOnlyEverThrowsSyntaxExceptions() {
        Random random = new Random(42);
        String alphabet = "abcSELECTFROMWHERE0123456789 ,.;:()*+-/%|<>=!?$'\"\n\t_#@[]{}\\";
        for (int i = 0; i < 2_000; i++) {
            StringBuilder sql = new StringBuilder();
            int length = random.nextInt(40);
            for (int j = 0; j < length; j++) {
                sql.append(random.nextInt(20) == 0 ? (char) random.nextInt(0x3000) : alphabet.charAt(random.nextInt(alphabet.length())));
            }
            parsesOrFailsCleanly(sql.toString());
            parsesOrFailsCleanly("SELECT " + sql);
        }
    }

    /** Parses with all three entry points; true if the statement parsed. */
    private static boolean parsesOrFailsCleanly(String sql) {
        boolean parsed = false;
        try {
            SqlParser.parseStatement(sql);
            parsed = true;
        }
        catch (SqlSyntaxException e) {
            checkMessage(sql, e);
        }
        catch (Throwable t) {
            fail("parseStatement threw " + t + " for: " + sql, t);
        }
        try {
            SqlParser.parseScript(sql);
        }
        catch (SqlSyntaxException e) {
            checkMessage(sql, e);
        }
        catch (Throwable t) {
            fail("parseScript threw " + t + " for: " + sql, t);
        }
        try {
            SqlParser.parseExpression(sql);
        }
        catch (SqlSyntaxException e) {
            checkMessage(sql, e);
        }
        catch (Throwable t) {
            fail("parseExpression threw " + t + " for: " + sql, t);
        }
        return parsed;
    }

    private static final Pattern LOCATION = Pattern.compile("^syntax error at line (\\d+), column (\\d+): ");

    private static void checkMessage(String sql, SqlSyntaxException e) {
        String message = e.rawMessage();
        assertThat(message).as(sql)
                .doesNotContain("mismatched input", "no viable alternative", "extraneous input", "missing ",
                        "token recognition", "<EOF>", "T__");
        assertThat(e.sqlState()).as(sql).isIn(SqlState.SYNTAX_ERROR, SqlState.FEATURE_NOT_SUPPORTED,
                SqlState.STATEMENT_TOO_COMPLEX);
        assertThat(e.position()).as(sql).isPresent();
        assertThat(e.position().getAsInt()).as(sql).isBetween(0, sql.length());
        Matcher matcher = LOCATION.matcher(message);
        if (matcher.find()) {
            assertThat(Integer.parseInt(matcher.group(1))).as(sql).isEqualTo(e.lineNumber());
            assertThat(Integer.parseInt(matcher.group(2))).as(sql).isEqualTo(e.columnNumber());
        }
        else {
            assertThat(e.sqlState()).as(sql).isNotEqualTo(SqlState.SYNTAX_ERROR);
        }
    }

    /** A crude SQL tokenizer, good enough to produce plausible mutations. */
    private static List<String> tokens(String sql) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = Pattern.compile("'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|/\\*.*?\\*/|--[^\\n]*|::|=>|<>|<=|>=|\\|\\||"
                + "[A-Za-z_][A-Za-z0-9_$]*|\\$\\d+|\\d+(?:\\.\\d*)?(?:[eE][+-]?\\d+)?|\\S").matcher(sql);
        while (matcher.find()) {
            tokens.add(matcher.group());
        }
        return tokens;
    }
}
