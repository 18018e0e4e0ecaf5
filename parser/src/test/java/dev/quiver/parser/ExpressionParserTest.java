package dev.quiver.parser;

import dev.quiver.parser.ast.Cast;
import dev.quiver.parser.ast.Expression;
import dev.quiver.parser.ast.FunctionCall;
import dev.quiver.parser.ast.IntervalField;
import dev.quiver.parser.ast.IntervalLiteral;
import dev.quiver.parser.ast.TypeName;
import dev.quiver.parser.ast.TypedLiteral;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ExpressionParserTest {
    private static void assertShape(String sql, String shape) {
        assertThat(AstShape.of(SqlParser.parseExpression(sql))).as(sql).isEqualTo(shape);
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', value = {
            "NOT a = b => (not (= a b))",
            "a OR b AND c => (or a (and b c))",
            "a AND b OR c AND d => (or (and a b) (and c d))",
            "NOT a AND b => (and (not a) b)",
            "NOT NOT a => (not (not a))",
            "1 + 2 * 3 => (+ 1 (* 2 3))",
            "1 - 2 - 3 => (- (- 1 2) 3)",
            "(1 - 2) * 3 => (* (- 1 2) 3)",
            "8 / 4 % 3 * 2 => (* (% (/ 8 4) 3) 2)",
            "-x::int => (neg (cast x int))",
            "- 2 * 3 => (* (neg 2) 3)",
            "+a - -b => (- (pos a) (neg b))",
            "'a' || 1 + 2 => (|| 'a' (+ 1 2))",
            "'a' || 'b' || 'c' => (|| (|| 'a' 'b') 'c')",
            "a || b LIKE c => (like (|| a b) c)",
            "a BETWEEN b AND c AND d => (and (between a b c) d)",
            "a BETWEEN b + 1 AND c * 2 => (between a (+ b 1) (* c 2))",
            "a = b IS NULL => (is-null (= a b))",
            "NOT a IS NULL => (not (is-null a))",
            "a < b AND c >= d => (and (< a b) (>= c d))",
            "a = b BETWEEN 1 AND 2 => (= a (between b 1 2))",
            "a IN (1, 2) = false => (= (in a (1 2)) false)",
            "x::int::text => (cast (cast x int) text)",
            "a IS NULL IS NOT NULL => (is-not-null (is-null a))",
            "a + b IS DISTINCT FROM c => (is-distinct (+ a b) c)",
    })
    void precedence(String sql, String shape) {
        assertShape(sql, shape);
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', value = {
            "a = b => (= a b)",
            "a <> b => (<> a b)",
            "a != b => (<> a b)",
            "a < b => (< a b)",
            "a <= b => (<= a b)",
            "a > b => (> a b)",
            "a >= b => (>= a b)",
            "a IS DISTINCT FROM b => (is-distinct a b)",
            "a IS NOT DISTINCT FROM b => (is-not-distinct a b)",
            "a IS NULL => (is-null a)",
            "a IS NOT NULL => (is-not-null a)",
            "a IS TRUE => (is-true a)",
            "a IS NOT FALSE => (is-not-false a)",
            "a = b IS UNKNOWN => (is-unknown (= a b))",
            "NOT a IS NOT TRUE => (not (is-not-true a))",
    })
    void comparisons(String sql, String shape) {
        assertShape(sql, shape);
    }

    @Test
    void predicates() {
        assertShape("a BETWEEN 1 AND 2", "(between a 1 2)");
        assertShape("a NOT BETWEEN 1 AND 2", "(not-between a 1 2)");
        assertShape("a IN (1, 'x', b)", "(in a (1 'x' b))");
        assertShape("a NOT IN (1)", "(not-in a (1))");
        assertShape("a IN ()", "(in a ())");
        assertShape("NULL NOT IN ( )", "(not-in null ())");
        assertShape("a IN () = b NOT IN ()", "(= (in a ()) (not-in b ()))");
        assertShape("a IN (SELECT b FROM t)", "(in a (select b (from t)))");
        assertShape("a NOT IN (VALUES (1))", "(not-in a (values (1)))");
        assertShape("a IN ((SELECT 1))", "(in a (paren (select 1)))");
        assertShape("a IN ((SELECT 1), 2)", "(in a ((scalar (select 1)) 2))");
        assertShape("a LIKE 'x%'", "(like a 'x%')");
        assertShape("a NOT LIKE 'x%' ESCAPE '!'", "(not-like a 'x%' escape '!')");
        assertShape("a ILIKE 'X%'", "(ilike a 'X%')");
        assertShape("a NOT ILIKE b || '%'", "(not-ilike a (|| b '%'))");
    }

    @Test
    void quantifiedComparisons() {
        assertShape("x = ANY (SELECT a FROM t)", "(= any x (select a (from t)))");
        assertShape("x <> ALL (SELECT 1)", "(<> all x (select 1))");
        assertShape("x >= SOME (SELECT 1)", "(>= any x (select 1))");
        assertShape("x < any ((SELECT 1))", "(< any x (paren (select 1)))");
        // ANY and SOME are not reserved: with a non-query argument they are function calls.
        assertShape("any(x) + some(y)", "(+ (any x) (some y))");
        assertShape("x = any(y)", "(= x (any y))");
    }

    @Test
    void literals() {
        assertShape("NULL", "null");
        assertShape("TRUE AND false", "(and true false)");
        assertShape("'it''s'", "'it''s'");
        assertShape("''", "''");
        assertShape("'multi\nline'", "'multi\nline'");
        for (String number : List.of("123", "1.5", ".5", "5.", "1e10", "2.5E-3", "1E+3", ".5e1", "007")) {
            assertShape(number, number);
        }
        assertShape("1 + 1.5", "(+ 1 1.5)");
    }

    @Test
    void typedLiterals() {
        assertShape("DATE '1998-12-01'", "(date '1998-12-01')");
        assertShape("timestamp '2020-01-01 10:00:00'", "(timestamp '2020-01-01 10:00:00')");
        assertShape("Time '10:00'", "(time '10:00')");
        TypedLiteral literal = (TypedLiteral) SqlParser.parseExpression("  DATE  'x'");
        assertThat(literal.type().span()).isEqualTo(span(2, 6));
        assertThat(literal.span()).isEqualTo(span(2, 11));
    }

    @Test
    void intervalLiterals() {
        assertShape("interval '90' day (3)", "(interval '90' day)");
        assertShape("INTERVAL '1' YEAR", "(interval '1' year)");
        assertShape("interval -'2' months", "(interval -'2' month)");
        assertShape("interval +'3' DAYS", "(interval '3' day)");
        assertShape("interval '4' hour(2)", "(interval '4' hour)");
        assertShape("interval '5' minutes", "(interval '5' minute)");
        assertShape("interval '6' second (3)", "(interval '6' second)");
        assertShape("interval '-7' Years", "(interval '-7' year)");
        assertShape("interval '8' month", "(interval '8' month)");
        assertShape("interval '9' days", "(interval '9' day)");
        assertShape("interval '10' hours", "(interval '10' hour)");
        assertShape("interval '11' minute", "(interval '11' minute)");
        assertShape("interval '12' seconds", "(interval '12' second)");
        IntervalLiteral interval = (IntervalLiteral) SqlParser.parseExpression("interval '90' day (3)");
        assertThat(interval.field()).isEqualTo(IntervalField.DAY);
        assertThat(interval.span()).isEqualTo(span(0, 21));
        // The date arithmetic of TPC-H Q1.
        assertShape("date '1998-12-01' - interval '90' day (3)", "(- (date '1998-12-01') (interval '90' day))");
    }

    @Test
    void parameters() {
        assertShape("? + ? * ?", "(+ ?0 (* ?1 ?2))");
        assertShape("$1 + $2 + $10", "(+ (+ ?0 ?1) ?9)");
        assertShape("? = $1", "(= ?0 ?0)");
        assertShape("f(?, (SELECT ? FROM t WHERE a = ?)) + ?", "(+ (f ?0 (scalar (select ?1 (from t) (where (= a ?2))))) ?3)");
    }

    @Test
    void columnReferences() {
        assertShape("a", "a");
        assertShape("t.a", "t.a");
        assertShape("s.t.a", "s.t.a");
        assertShape("\"T\".a", "\"T\".a");
        assertShape("Abc", "abc");
    }

    @Test
    void subqueriesAndExists() {
        assertShape("(SELECT max(a) FROM t) + 1", "(+ (scalar (select (max a) (from t))) 1)");
        assertShape("((SELECT 1))", "(scalar (paren (select 1)))");
        assertShape("EXISTS (SELECT 1 FROM t)", "(exists (select 1 (from t)))");
        assertShape("NOT EXISTS (SELECT 1)", "(not (exists (select 1)))");
        assertShape("((a + b))", "(+ a b)");
    }

    @Test
    void caseExpressions() {
        assertShape("CASE x WHEN 1 THEN 'a' WHEN 2 THEN 'b' ELSE 'c' END",
                "(case x (when 1 'a') (when 2 'b') (else 'c'))");
        assertShape("CASE WHEN a > 0 THEN 1 END", "(case (when (> a 0) 1))");
        assertShape("CASE WHEN a THEN b ELSE CASE c WHEN d THEN e END END",
                "(case (when a b) (else (case c (when d e))))");
    }

    @Test
    void casts() {
        assertShape("CAST(x AS decimal(12, 2))", "(cast x decimal(12,2))");
        assertShape("CAST(x AS INTEGER)", "(cast x integer)");
        assertShape("x::double precision", "(cast x double precision)");
        assertShape("x::DOUBLE", "(cast x double)");
        assertShape("x::character varying(10)", "(cast x character varying(10))");
        assertShape("x::CHARACTER", "(cast x character)");
        assertShape("x::timestamp(3) with time zone", "(cast x timestamp with time zone(3))");
        assertShape("CAST(x AS timestamp without time zone)", "(cast x timestamp without time zone)");
        assertShape("CAST(x AS time WITH TIME ZONE)", "(cast x time with time zone)");
        assertShape("CAST(x AS \"MyType\")", "(cast x MyType)");
        assertShape("CAST(x AS no_such_type(1, 2, 3))", "(cast x no_such_type(1,2,3))");
        assertShape("CAST(x AS interval)", "(cast x interval)");
        Cast cast = (Cast) SqlParser.parseExpression("CAST(x AS  Double   Precision )");
        assertThat(cast.type()).isEqualTo(new TypeName("double precision", List.of(), span(11, 29)));
        assertThat(cast.span()).isEqualTo(span(0, 31));
    }

    @Test
    void extract() {
        assertShape("EXTRACT(year FROM d)", "(extract year d)");
        assertShape("extract(DOW from d + 1)", "(extract dow (+ d 1))");
        assertShape("extract(\"Year\" from d)", "(extract \"Year\" d)");
        assertShape("extract(Second FROM t)", "(extract second t)");
    }

    @Test
    void specialFunctionSyntax() {
        assertShape("SUBSTRING(x FROM 2 FOR 3)", "(substring x 2 3)");
        assertShape("substring(x from 2)", "(substring x 2)");
        assertShape("substring(x, 1, 2)", "(substring x 1 2)");
        assertShape("TRIM(x)", "(trim x)");
        assertShape("trim(BOTH 'x' FROM y)", "(trim y 'x')");
        assertShape("trim(LEADING FROM y)", "(ltrim y)");
        assertShape("trim(trailing 'a' from b)", "(rtrim b 'a')");
        assertShape("trim('x' FROM y)", "(trim y 'x')");
        assertShape("trim(FROM y)", "(trim y)");
        assertShape("POSITION('a' IN b)", "(position 'a' b)");
        assertShape("position(a, b)", "(position a b)");
        assertShape("LEFT(a, 2) || Right(a, 1)", "(|| (left a 2) (right a 1))");
        assertShape("COALESCE(a, b, NULL)", "(coalesce a b null)");
        assertShape("NULLIF(a, b)", "(nullif a b)");
        FunctionCall substring = (FunctionCall) SqlParser.parseExpression("Substring(x FROM 2)");
        assertThat(substring.name().span()).isEqualTo(span(0, 9));
        assertThat(substring.span()).isEqualTo(span(0, 19));
    }

    @Test
    void functionCalls() {
        assertShape("count(*)", "(count *)");
        assertShape("COUNT(DISTINCT x)", "(count distinct x)");
        assertShape("count(ALL x)", "(count x)");
        assertShape("now()", "(now)");
        assertShape("s.f(1, 'a')", "(s.f 1 'a')");
        assertShape("\"F\"(1)", "(\"F\" 1)");
        assertShape("sum(a * (1 - b))", "(sum (* a (- 1 b)))");
        FunctionCall call = (FunctionCall) SqlParser.parseExpression("count(*)");
        assertThat(call.star()).isTrue();
        assertThat(call.arguments()).isEmpty();
    }

    @Test
    void keywordsUsableAsNames() {
        assertShape("date + year + month + day + value + key + first + last + time + timestamp",
                "(+ (+ (+ (+ (+ (+ (+ (+ (+ date year) month) day) value) key) first) last) time) timestamp)");
        assertShape("interval + trim + position + extract + substring", "(+ (+ (+ (+ interval trim) position) extract) substring)");
        assertShape("table.view", "table.view");
    }

    @Test
    void longChainsDoNotNeedADeepStack() {
        String sql = String.join(" OR ", java.util.Collections.nCopies(20_000, "a = 1"));
        Expression expression = SqlParser.parseExpression(sql);
        assertThat(expression.span()).isEqualTo(span(0, sql.length()));
        String sum = String.join(" + ", java.util.Collections.nCopies(20_000, "1"));
        assertThat(SqlParser.parseExpression(sum).span()).isEqualTo(span(0, sum.length()));
        String concat = String.join(" || ", java.util.Collections.nCopies(20_000, "'x'"));
        assertThat(SqlParser.parseExpression(concat).span()).isEqualTo(span(0, concat.length()));
    }

    private static dev.quiver.parser.ast.Span span(int start, int end) {
        return new dev.quiver.parser.ast.Span(start, end);
    }
}
