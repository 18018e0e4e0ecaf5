package dev.quiver.planner.binder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.error.QuiverException;
import dev.quiver.error.SqlState;
import dev.quiver.planner.Planning;
import dev.quiver.planner.TestCatalog;
import dev.quiver.planner.expr.AggregateKind;
import dev.quiver.planner.expr.Call;
import dev.quiver.planner.expr.CaseWhen;
import dev.quiver.planner.expr.Cast;
import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.expr.Expr;
import dev.quiver.planner.expr.Function;
import dev.quiver.planner.expr.Literal;
import dev.quiver.planner.logical.LogicalAggregate;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.logical.LogicalProject;
import dev.quiver.planner.logical.LogicalValues;
import dev.quiver.planner.plan.AggregateAssignment;
import dev.quiver.planner.type.DataType;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Successful binding: result names, result types, and the logical plan shapes the binder builds. */
class BinderTest {
    private final TestCatalog catalog = TestCatalog.standard();
    private final Planning planning = new Planning(catalog);

    private DataType type(String expression) {
        return planning.expression(expression).type();
    }

    private static List<String> shape(LogicalPlan plan) {
        return Planning.shape(plan);
    }

    @Nested
    class ResultNames {
        @Test
        void aliasesAndPostgresDefaultNames() {
            var bound = planning.bind("SELECT a, b AS bee, t.c, c * 2, upper(d), CAST(a AS BIGINT), a::text, EXTRACT(year FROM e),"
                    + " CASE WHEN a > 1 THEN 1 END, -a, 1, b AS \"Mixed Case\" FROM t");
            assertThat(bound.columnNames()).containsExactly("a", "bee", "c", "?column?", "upper", "a", "a", "extract", "case",
                    "?column?", "?column?", "Mixed Case");
            assertThat(planning.bind("SELECT \"Q\".x FROM t AS \"Q\"(x)").columnNames()).containsExactly("x");
        }

        @Test
        void aggregateNames() {
            assertThat(planning.bind("SELECT count(*), sum(a), avg(c) AS mean, max(d) FROM t").columnNames())
                    .containsExactly("count", "sum", "mean", "max");
        }

        @Test
        void starExpandsInTableOrderWithRenames() {
            assertThat(planning.bind("SELECT * FROM t").columnNames()).containsExactly("a", "b", "c", "d", "e", "f");
            assertThat(planning.bind("SELECT q.*, c FROM t AS q(k, l)").columnNames()).containsExactly("k", "l", "c", "d", "e", "f", "c");
        }

        @Test
        void duplicateNamesAreKept() {
            var bound = planning.bind("SELECT a, a FROM t");
            assertThat(bound.columnNames()).containsExactly("a", "a");
            assertThat(bound.plan().outputColumns()).hasSize(2).doesNotHaveDuplicates();
        }

        @Test
        void valuesColumnsAreNumbered() {
            assertThat(planning.bind("VALUES (1, 2, 3)").columnNames()).containsExactly("column1", "column2", "column3");
        }
    }

    @Nested
    class ArithmeticTypes {
        @ParameterizedTest(name = "{0} : {1}")
        @CsvSource(delimiterString = " : ", quoteCharacter = '"', value = {
                // decimal arithmetic, worked out in DecimalTypeRulesTest
                "c * c : DECIMAL(30,4)",
                "c * (1 - c) : DECIMAL(31,4)",
                "c * (1 - c) * (1 + c) : DECIMAL(38,6)",
                "c / c : DECIMAL(33,18)",
                "c / 2 : DECIMAL(19,6)",
                "a / c : DECIMAL(28,16)",
                // an integer literal next to a decimal counts only its own digits: DECIMAL(1,0), not DECIMAL(10,0)
                "c + 1 : DECIMAL(16,2)",
                "c * 2 : DECIMAL(16,2)",
                "c * 100 : DECIMAL(18,2)",
                "c * -2 : DECIMAL(16,2)",
                // an integer column next to a decimal takes all its digits
                "c + a : DECIMAL(16,2)",
                "c + b : DECIMAL(22,2)",
                "c * a : DECIMAL(25,2)",
                // modulus: both operands in their common type
                "c % a : DECIMAL(15,2)",
                // integers stay integers (division truncates, as in PostgreSQL)
                "a + a : INTEGER",
                "a + b : BIGINT",
                "a / 2 : INTEGER",
                "a % 3 : INTEGER",
                "-a : INTEGER",
                // anything with a double is a double
                "c + f : DOUBLE",
                "a * f : DOUBLE",
                "f / 2 : DOUBLE",
                // dates
                "e + 1 : DATE",
                "1 + e : DATE",
                "e - 7 : DATE",
                "e - e : INTEGER",
                "e + INTERVAL '3' DAY : DATE",
                "e - INTERVAL '1' MONTH : DATE",
                "e + INTERVAL '1' HOUR : TIMESTAMP",
                "INTERVAL '1' DAY + INTERVAL '2' HOUR : INTERVAL",
                // strings
                "d || 'x' : VARCHAR",
                "d || a : VARCHAR",
        })
        void overColumns(String expression, String expected) {
            assertThat(type(expression)).hasToString(expected);
        }

        @ParameterizedTest(name = "{0} : {1}")
        @CsvSource(delimiterString = " : ", quoteCharacter = '"', value = {
                "s + s : SMALLINT",
                "s + x : INTEGER",
                "r + r : REAL",
                "r + s : DOUBLE",
                "r * 2 : DOUBLE",
                "z + z : DECIMAL(38,10)",
                "z * z : DECIMAL(38,20)",
                "z / z : DECIMAL(38,12)",
                "w + INTERVAL '1' DAY : TIMESTAMP",
                "w - w : INTERVAL",
                "y || y : VARCHAR",
        })
        void overOtherTypes(String expression, String expected) {
            assertThat(planning.expression(expression, "u").type()).hasToString(expected);
        }

        @ParameterizedTest(name = "{0} : {1}")
        @CsvSource(delimiterString = " : ", quoteCharacter = '"', value = {
                "1 : INTEGER",
                "2147483647 : INTEGER",
                "2147483648 : BIGINT",
                "-2147483648 : INTEGER",
                "-2147483649 : BIGINT",
                "9223372036854775807 : BIGINT",
                "9223372036854775808 : DECIMAL(19,0)",
                "-9223372036854775808 : BIGINT",
                "1.5 : DECIMAL(2,1)",
                ".5 : DECIMAL(1,1)",
                "0.05 : DECIMAL(2,2)",
                "100.00 : DECIMAL(5,2)",
                "1e3 : DOUBLE",
                "1.5 + 2 : DECIMAL(3,1)",
                "2 * 1.25 : DECIMAL(4,2)",
                "10 / 4 : INTEGER",
                "10 / 4.0 : DECIMAL(9,6)",
                "7 % 3 : INTEGER",
                "NULL + 1 : INTEGER",
                "NULL : INTEGER",
                "'x' : VARCHAR",
                "TRUE : BOOLEAN",
                "DATE '1998-12-01' : DATE",
                "TIMESTAMP '1998-12-01 10:00:00' : TIMESTAMP",
                "DATE '1998-12-01' - INTERVAL '90' DAY : DATE",
                "12345678901234567890123456789012345678901 : DOUBLE",
        })
        void literals(String expression, String expected) {
            assertThat(planning.expression(expression, "").type()).hasToString(expected);
        }

        @Test
        void integerLiteralsAreExactValues() {
            assertThat(planning.expression("-2147483648", "")).isEqualTo(Literal.of((long) Integer.MIN_VALUE, DataType.INTEGER));
            assertThat(planning.expression("-9223372036854775808", "")).isEqualTo(Literal.of(Long.MIN_VALUE, DataType.BIGINT));
            assertThat(planning.expression("0.05", "")).isEqualTo(Literal.of(new BigDecimal("0.05"), DataType.decimal(2, 2)));
        }

        @Test
        void decimalOperandsAreCastToTheResultTypeForAdditionOnly() {
            // c + 1: both sides become DECIMAL(16,2) (1 converted on the spot); c * 2: each keeps its own type.
            Call add = (Call) planning.expression("c + 1");
            assertThat(add.arguments()).containsExactly(new Cast(ref("c"), DataType.decimal(16, 2)),
                    Literal.of(new BigDecimal("1.00"), DataType.decimal(16, 2)));
            Call multiply = (Call) planning.expression("c * 2");
            assertThat(multiply.arguments()).containsExactly(ref("c"), Literal.of(new BigDecimal("2"), DataType.decimal(1, 0)));
        }

        @Test
        void dateArithmeticPutsTheDateFirst() {
            Call sum = (Call) planning.expression("1 + e");
            assertThat(sum.function()).isEqualTo(Function.ADD);
            assertThat(sum.arguments()).containsExactly(ref("e"), Literal.of(1L, DataType.INTEGER));
            Call withTime = (Call) planning.expression("e + INTERVAL '1' HOUR");
            assertThat(withTime.argument(0)).isEqualTo(new Cast(ref("e"), DataType.TIMESTAMP));
        }
    }

    /** A column of t by name (ids follow table order, from 0, in a fresh bind). */
    private static ColumnRef ref(String name) {
        int id = List.of("a", "b", "c", "d", "e", "f").indexOf(name);
        DataType type = TestCatalog.standard().get("t").columns().get(id).type();
        return new ColumnRef(id, name, type);
    }

    @Nested
    class AggregateTypes {
        @Test
        void resultTypesPerArgumentType() {
            LogicalPlan plan = planning.bind("SELECT count(*), count(d), sum(a), sum(b), sum(c), sum(f), avg(a), avg(c), min(d), max(e),"
                    + " count(DISTINCT a) FROM t").plan();
            LogicalAggregate aggregate = (LogicalAggregate) plan.input(0).operator();
            assertThat(aggregate.groupKeys()).isEmpty();
            assertThat(aggregate.aggregates()).extracting(a -> a.call().kind())
                    .containsExactly(AggregateKind.COUNT_STAR, AggregateKind.COUNT, AggregateKind.SUM, AggregateKind.SUM, AggregateKind.SUM,
                            AggregateKind.SUM, AggregateKind.AVG, AggregateKind.AVG, AggregateKind.MIN, AggregateKind.MAX, AggregateKind.COUNT);
            assertThat(aggregate.aggregates()).extracting(a -> a.call().type().toString())
                    .containsExactly("BIGINT", "BIGINT", "BIGINT", "DECIMAL(38,0)", "DECIMAL(38,2)", "DOUBLE", "DOUBLE", "DOUBLE",
                            "VARCHAR", "DATE", "BIGINT");
            assertThat(aggregate.aggregates().get(10).call().distinct()).isTrue();
            assertThat(plan.outputColumns()).extracting(c -> c.type().toString())
                    .containsExactly("BIGINT", "BIGINT", "BIGINT", "DECIMAL(38,0)", "DECIMAL(38,2)", "DOUBLE", "DOUBLE", "DOUBLE",
                            "VARCHAR", "DATE", "BIGINT");
        }

        @Test
        void smallIntegerAndRealSums() {
            LogicalPlan plan = planning.bind("SELECT sum(s), sum(r), avg(s), min(w) FROM u").plan();
            assertThat(plan.outputColumns()).extracting(c -> c.type().toString()).containsExactly("BIGINT", "DOUBLE", "DOUBLE", "TIMESTAMP");
        }

        @Test
        void equalAggregatesAreComputedOnce() {
            LogicalPlan plan = planning.bind("SELECT sum(c), sum(c) * 2, sum(DISTINCT c) FROM t").plan();
            LogicalAggregate aggregate = (LogicalAggregate) plan.input(0).operator();
            assertThat(aggregate.aggregates()).hasSize(2);
            assertThat(shape(plan)).containsExactly(
                    "Project [sum#8 := sum#6, ?column?#9 := sum#6 * 2, sum#10 := sum#7]",
                    "  Aggregate keys=[] aggregates=[sum#6 := sum(c#2), sum#7 := sum(DISTINCT c#2)]",
                    "    Project [c#2]",
                    "      Scan t [a#0, b#1, c#2, d#3, e#4, f#5]");
        }

        @Test
        void aggregateArgumentsAreProjectedBelowTheAggregate() {
            LogicalPlan plan = planning.bind("SELECT sum(c * (1 - c)) FROM t").plan();
            assertThat(shape(plan)).containsExactly(
                    "Project [sum#8 := sum#7]",
                    "  Aggregate keys=[] aggregates=[sum#7 := sum(arg#6)]",
                    "    Project [arg#6 := c#2 * (1.00 - CAST(c#2 AS DECIMAL(16,2)))]",
                    "      Scan t [a#0, b#1, c#2, d#3, e#4, f#5]");
            assertThat(plan.outputColumns().get(0).type()).isEqualTo(DataType.decimal(38, 4));
        }
    }

    @Nested
    class Grouping {
        @Test
        void groupByOrdinalProjectsTheExpressionOnce() {
            LogicalPlan plan = planning.bind("SELECT a + 1 AS k, count(*) FROM t WHERE e < '1998-01-01' GROUP BY 1 ORDER BY k DESC").plan();
            assertThat(shape(plan)).containsExactly(
                    "Sort [k#8 DESC NULLS FIRST]",
                    "  Project [k#8 := group#6, count#9 := count#7]",
                    "    Aggregate keys=[group#6] aggregates=[count#7 := count(*)]",
                    "      Project [group#6 := a#0 + 1]",
                    "        Filter e#4 < DATE '1998-01-01'",
                    "          Scan t [a#0, b#1, c#2, d#3, e#4, f#5]");
        }

        @Test
        void groupByAliasAndByExpressionMeanTheSame() {
            List<String> byAlias = shape(planning.bind("SELECT a + 1 AS k FROM t GROUP BY k").plan());
            List<String> byExpression = shape(planning.bind("SELECT a + 1 AS k FROM t GROUP BY a + 1").plan());
            List<String> byOrdinal = shape(planning.bind("SELECT a + 1 AS k FROM t GROUP BY 1").plan());
            assertThat(byAlias).isEqualTo(byExpression).isEqualTo(byOrdinal).containsExactly(
                    "Project [k#7 := group#6]",
                    "  Aggregate keys=[group#6] aggregates=[]",
                    "    Project [group#6 := a#0 + 1]",
                    "      Scan t [a#0, b#1, c#2, d#3, e#4, f#5]");
        }

        @Test
        void anInputColumnWinsOverASelectAliasOfTheSameName() {
            // As in PostgreSQL: GROUP BY a groups by t.a, so b (aliased a) is not grouped.
            QuiverException e = planning.error("SELECT b AS a FROM t GROUP BY a");
            assertThat(e.sqlState()).isEqualTo(SqlState.GROUPING_ERROR);
            assertThat(e.rawMessage()).isEqualTo("column \"b\" must appear in the GROUP BY clause or be used in an aggregate function");
        }

        @Test
        void groupedExpressionsMayBeUsedInsideLargerOnes() {
            LogicalPlan plan = planning.bind("SELECT a, b, (a + b) * 2, count(*) + 1 FROM t GROUP BY a, b HAVING max(c) > 10").plan();
            assertThat(shape(plan)).containsExactly(
                    // Plain column keys keep their input ids; count and max are #6 and #7, the outputs #8 to #11.
                    "Project [a#8 := a#0, b#9 := b#1, ?column?#10 := (CAST(a#0 AS BIGINT) + b#1) * 2, ?column?#11 := count#6 + 1]",
                    "  Filter max#7 > 10.00",
                    "    Aggregate keys=[a#0, b#1] aggregates=[count#6 := count(*), max#7 := max(c#2)]",
                    "      Project [a#0, b#1, c#2]",
                    "        Scan t [a#0, b#1, c#2, d#3, e#4, f#5]");
            assertThat(planning.bind("SELECT a, b, (a + b) * 2, count(*) + 1 FROM t GROUP BY a, b HAVING max(c) > 10").columnNames())
                    .containsExactly("a", "b", "?column?", "?column?");
        }

        @Test
        void constantsNeedNoGrouping() {
            var bound = planning.bind("SELECT 1, 'x', count(*) FROM t");
            assertThat(bound.plan().outputColumns()).extracting(c -> c.type().toString()).containsExactly("INTEGER", "VARCHAR", "BIGINT");
        }

        @Test
        void distinctIsAnAggregateWithoutAggregates() {
            LogicalPlan plan = planning.bind("SELECT DISTINCT d, a FROM t ORDER BY a").plan();
            assertThat(shape(plan)).containsExactly(
                    "Sort [a#7 ASC NULLS LAST]",
                    "  Aggregate keys=[d#6, a#7] aggregates=[]",
                    "    Project [d#6 := d#3, a#7 := a#0]",
                    "      Scan t [a#0, b#1, c#2, d#3, e#4, f#5]");
        }
    }

    @Nested
    class OrderBy {
        @Test
        void byAliasOrdinalAndExpression() {
            assertThat(shape(planning.bind("SELECT b AS a FROM t ORDER BY a").plan()).get(0)).as("the output name wins")
                    .isEqualTo("Sort [a#6 ASC NULLS LAST]");
            assertThat(shape(planning.bind("SELECT a, b FROM t ORDER BY 2 DESC NULLS LAST, 1 NULLS FIRST").plan()).get(0))
                    .isEqualTo("Sort [b#7 DESC NULLS LAST, a#6 ASC NULLS FIRST]");
            // An input column equal to a select item sorts by that item: no hidden column.
            assertThat(shape(planning.bind("SELECT a AS x FROM t ORDER BY a").plan())).containsExactly(
                    "Sort [x#6 ASC NULLS LAST]",
                    "  Project [x#6 := a#0]",
                    "    Scan t [a#0, b#1, c#2, d#3, e#4, f#5]");
        }

        @Test
        void otherExpressionsAreHiddenColumnsProjectedAwayAfterTheLimit() {
            var bound = planning.bind("SELECT a FROM t ORDER BY a + b, a + b DESC LIMIT 5");
            assertThat(shape(bound.plan())).containsExactly(
                    "Project [a#6]",
                    "  Limit 5",
                    "    Sort [sort#7 ASC NULLS LAST, sort#7 DESC NULLS FIRST]",
                    "      Project [a#6 := a#0, sort#7 := CAST(a#0 AS BIGINT) + b#1]",
                    "        Scan t [a#0, b#1, c#2, d#3, e#4, f#5]");
            assertThat(bound.columnNames()).containsExactly("a");
            assertThat(bound.plan().outputColumns()).extracting(ColumnRef::id).containsExactly(6);
        }

        @Test
        void aggregateOnlyInOrderBy() {
            assertThat(shape(planning.bind("SELECT a FROM t GROUP BY a ORDER BY count(*) DESC, 1").plan())).containsExactly(
                    "Project [a#7]",
                    "  Sort [sort#8 DESC NULLS FIRST, a#7 ASC NULLS LAST]",
                    "    Project [a#7 := a#0, sort#8 := count#6]",
                    "      Aggregate keys=[a#0] aggregates=[count#6 := count(*)]",
                    "        Project [a#0]",
                    "          Scan t [a#0, b#1, c#2, d#3, e#4, f#5]");
        }

        @Test
        void limitAndOffset() {
            assertThat(shape(planning.bind("SELECT x FROM u ORDER BY 1 LIMIT 3 OFFSET 2").plan()).get(0)).isEqualTo("Limit 3 offset 2");
            assertThat(shape(planning.bind("SELECT x FROM u OFFSET 2").plan()).get(0)).isEqualTo("Limit ALL offset 2");
            assertThat(shape(planning.bind("SELECT x FROM u LIMIT NULL").plan()).get(0)).as("LIMIT NULL is no limit")
                    .isEqualTo("Project [x#6 := x#0]");
            assertThat(shape(planning.bind("SELECT x FROM u LIMIT ALL").plan()).get(0)).isEqualTo("Project [x#6 := x#0]");
        }
    }

    @Nested
    class Predicates {
        @Test
        void stringLiteralNextToADateIsADate() {
            Call lt = (Call) planning.expression("e < '1998-01-01'");
            // 1998-01-01 is 28 years after 1970 with 7 leap days: day 10227.
            assertThat(lt.arguments()).containsExactly(ref("e"), Literal.of(10_227, DataType.DATE));
            assertThat(lt.type()).isEqualTo(DataType.BOOLEAN);
        }

        @Test
        void numericStringNextToADecimalKeepsItsExactValue() {
            // PostgreSQL reads '1.005' as numeric 1.005; rounding it to c's scale would match 1.01.
            Call eq = (Call) planning.expression("c = '1.005'");
            assertThat(eq.argument(1)).isEqualTo(Literal.of(new BigDecimal("1.005"), DataType.decimal(16, 3)));
            assertThat(eq.argument(0).type()).isEqualTo(DataType.decimal(16, 3));
        }

        @Test
        void betweenIsTwoComparisonsInTheCommonType() {
            Expr between = planning.expression("c BETWEEN 1 AND 2.5");
            assertThat(between).hasToString("(c#2 >= 1.00) AND (c#2 <= 2.50)");
            Call and = (Call) between;
            assertThat(((Call) and.argument(0)).argument(1)).isEqualTo(Literal.of(new BigDecimal("1.00"), DataType.decimal(15, 2)));
            assertThat(planning.expression("a NOT BETWEEN 1 AND 10")).hasToString("(a#0 < 1) OR (a#0 > 10)");
            assertThat(planning.expression("e BETWEEN '1998-01-01' AND '1998-12-31'"))
                    .hasToString("(e#4 >= DATE '1998-01-01') AND (e#4 <= DATE '1998-12-31')");
        }

        @Test
        void inListTakesTheCommonTypeOfValueAndItems() {
            Call in = (Call) planning.expression("a IN (1, 2.5)");
            assertThat(in.function()).isEqualTo(Function.IN);
            // INTEGER (10 integer digits) and DECIMAL(2,1): DECIMAL(11,1).
            assertThat(in.arguments()).containsExactly(new Cast(ref("a"), DataType.decimal(11, 1)),
                    Literal.of(new BigDecimal("1.0"), DataType.decimal(11, 1)), Literal.of(new BigDecimal("2.5"), DataType.decimal(11, 1)));
            assertThat(planning.expression("a IN (1, '2', NULL)")).hasToString("a#0 IN (1, 2, NULL)");
            assertThat(planning.expression("a NOT IN (1, 2)")).hasToString("NOT (a#0 IN (1, 2))");
            assertThat(planning.expression("d IN ('x', 'y')").type()).isEqualTo(DataType.BOOLEAN);
        }

        @Test
        void anEmptyInListIsAnInCallWithoutItems() {
            assertThat(planning.expression("a IN ()")).hasToString("a#0 IN ()");
            assertThat(planning.expression("d NOT IN ()")).hasToString("NOT (d#3 IN ())");
            Call untyped = (Call) planning.expression("NULL IN ()");
            assertThat(untyped.function()).isEqualTo(Function.IN);
            assertThat(untyped.arguments()).containsExactly(Literal.nullOf(DataType.INTEGER));
        }

        @Test
        void likeForms() {
            assertThat(planning.expression("d LIKE 'x%'")).hasToString("d#3 LIKE 'x%'");
            assertThat(planning.expression("d NOT ILIKE 'X_'")).hasToString("NOT (d#3 ILIKE 'X_')");
            Call escaped = (Call) planning.expression("d LIKE 'a!%' ESCAPE '!'");
            assertThat(escaped.arguments()).hasSize(3);
            assertThat(escaped.argument(2)).isEqualTo(Literal.of("!", DataType.VARCHAR));
        }

        @Test
        void caseTypes() {
            Expr searched = planning.expression("CASE WHEN a > 1 THEN c ELSE 0 END");
            assertThat(searched.type()).isEqualTo(DataType.decimal(15, 2));
            assertThat(((CaseWhen) searched).otherwise()).isEqualTo(Literal.of(new BigDecimal("0.00"), DataType.decimal(15, 2)));
            assertThat(planning.expression("CASE WHEN a > 1 THEN 1 ELSE 2.5 END").type()).isEqualTo(DataType.decimal(2, 1));
            assertThat(planning.expression("CASE WHEN a > 1 THEN 1 ELSE f END").type()).isEqualTo(DataType.DOUBLE);
            assertThat(planning.expression("CASE WHEN a > 1 THEN NULL END").type()).isEqualTo(DataType.INTEGER);
            assertThat(planning.expression("CASE WHEN a > 1 THEN e ELSE '1998-01-01' END").type()).isEqualTo(DataType.DATE);
            Expr simple = planning.expression("CASE a WHEN 1 THEN 'one' WHEN 2 THEN 'two' END");
            assertThat(simple).hasToString("CASE WHEN a#0 = 1 THEN 'one' WHEN a#0 = 2 THEN 'two' ELSE NULL END");
            assertThat(simple.type()).isEqualTo(DataType.VARCHAR);
            assertThat(((CaseWhen) simple).otherwise()).isEqualTo(Literal.nullOf(DataType.VARCHAR));
        }

        @Test
        void nullChecksAndLogic() {
            assertThat(planning.expression("a IS NULL OR d IS NOT NULL")).hasToString("a#0 IS NULL OR d#3 IS NOT NULL");
            assertThat(planning.expression("NOT NOT (a > 1)")).as("double negation removed while binding").hasToString("a#0 > 1");
            assertThat(planning.expression("a > 1 AND (b > 2 AND c > 3)")).as("AND flattened")
                    .hasToString("(a#0 > 1) AND (b#1 > 2) AND (c#2 > 3.00)");
            assertThat(planning.expression("a IS DISTINCT FROM 1").type()).isEqualTo(DataType.BOOLEAN);
        }

        @Test
        void wherePredicateIsAFilterOnTheScan() {
            assertThat(shape(planning.bind("SELECT a FROM t WHERE e = '1998-01-01' AND a IN (1, '2')").plan())).containsExactly(
                    "Project [a#6 := a#0]",
                    "  Filter (e#4 = DATE '1998-01-01') AND (a#0 IN (1, 2))",
                    "    Scan t [a#0, b#1, c#2, d#3, e#4, f#5]");
        }
    }

    @Nested
    class Functions {
        @ParameterizedTest(name = "{0} : {1}")
        @CsvSource(delimiterString = " : ", quoteCharacter = '"', value = {
                "abs(c) : DECIMAL(15,2)",
                "abs(a) : INTEGER",
                "round(c) : DECIMAL(14,0)",
                "round(c, 1) : DECIMAL(15,1)",
                "round(c, 5) : DECIMAL(18,5)",
                "round(c, -2) : DECIMAL(14,0)",
                "sign(c) : DECIMAL(1,0)",
                "round(f, 2) : DOUBLE",
                "floor(c) : DECIMAL(14,0)",
                "ceil(f) : DOUBLE",
                "sqrt(a) : DOUBLE",
                "power(a, 2) : DOUBLE",
                "mod(a, 3) : INTEGER",
                "coalesce(a, b) : BIGINT",
                "coalesce(a, 0.5) : DECIMAL(11,1)",
                "nullif(a, 1) : INTEGER",
                "length(d) : INTEGER",
                "substring(d, 1, 2) : VARCHAR",
                "substr(d, 2) : VARCHAR",
                "upper(d) : VARCHAR",
                "trim(d) : VARCHAR",
                "position('x' IN d) : INTEGER",
                "replace(d, 'a', 'b') : VARCHAR",
                "left(d, 3) : VARCHAR",
                "concat(d, a, e) : VARCHAR",
                "concat_ws(',', d, 'x') : VARCHAR",
                "EXTRACT(year FROM e) : BIGINT",
                "EXTRACT(epoch FROM e) : DOUBLE",
        })
        void resultTypes(String expression, String expected) {
            assertThat(type(expression)).hasToString(expected);
        }

        @Test
        void strposIsPositionWithArgumentsSwapped() {
            assertThat(planning.expression("strpos(d, 'x')")).isEqualTo(planning.expression("position('x' IN d)"));
        }
    }

    @Nested
    class WithoutFrom {
        @Test
        void selectWithoutFromReadsOneEmptyRow() {
            var bound = planning.bind("SELECT 1 + 1 AS two, 'x'");
            assertThat(shape(bound.plan())).containsExactly("Project [two#0 := 1 + 1, ?column?#1 := 'x']", "  Values 1 rows []");
            assertThat(bound.columnNames()).containsExactly("two", "?column?");
            LogicalValues values = (LogicalValues) bound.plan().input(0).operator();
            assertThat(values.rows()).containsExactly(List.of());
        }

        @Test
        void valuesTakeTheCommonTypePerColumn() {
            var bound = planning.bind("VALUES (1, 'a'), (2.5, NULL)");
            LogicalValues values = (LogicalValues) bound.plan().operator();
            // Column 1: the integer 1 next to 2.5 counts as DECIMAL(1,0); with DECIMAL(2,1) that is DECIMAL(2,1).
            assertThat(values.columns()).extracting(ColumnRef::type).containsExactly(DataType.decimal(2, 1), DataType.VARCHAR);
            assertThat(values.rows()).containsExactly(
                    List.of(Literal.of(new BigDecimal("1.0"), DataType.decimal(2, 1)), Literal.of("a", DataType.VARCHAR)),
                    List.of(Literal.of(new BigDecimal("2.5"), DataType.decimal(2, 1)), Literal.nullOf(DataType.VARCHAR)));
            assertThat(((LogicalValues) planning.bind("VALUES (1), (3000000000)").plan().operator()).columns().get(0).type())
                    .isEqualTo(DataType.BIGINT);
            assertThat(((LogicalValues) planning.bind("VALUES (NULL), (NULL)").plan().operator()).columns().get(0).type())
                    .isEqualTo(DataType.INTEGER);
            assertThat(((LogicalValues) planning.bind("VALUES ('1998-01-01'), (DATE '1999-01-01')").plan().operator()).columns().get(0)
                    .type()).isEqualTo(DataType.DATE);
        }

        @Test
        void valuesWithOrderByAndLimit() {
            assertThat(shape(planning.bind("VALUES (2), (1) ORDER BY 1 DESC LIMIT 1").plan())).containsExactly(
                    "Limit 1",
                    "  Sort [column1#0 DESC NULLS FIRST]",
                    "    Values 2 rows [column1#0]");
        }
    }

    @Nested
    class Insert {
        @Test
        void columnListFillsTheOthersWithNullInTableOrder() {
            BoundInsert insert = planning.bindInsert("INSERT INTO t (c, a) VALUES (1.5, 2)");
            assertThat(insert.table()).isSameAs(catalog.get("t"));
            assertThat(shape(insert.source())).containsExactly(
                    "Project [a#2 := a#1, b#3 := NULL, c#4 := c#0, d#5 := NULL, e#6 := NULL, f#7 := NULL]",
                    "  Values 1 rows [c#0, a#1]");
            assertThat(insert.source().outputColumns()).extracting(ColumnRef::type).containsExactly(DataType.INTEGER, DataType.BIGINT,
                    DataType.decimal(15, 2), DataType.VARCHAR, DataType.DATE, DataType.DOUBLE);
            LogicalValues values = (LogicalValues) insert.source().input(0).operator();
            // Each value is converted to its column's type where it is written.
            assertThat(values.rows()).containsExactly(List.of(Literal.of(new BigDecimal("1.50"), DataType.decimal(15, 2)),
                    Literal.of(2L, DataType.INTEGER)));
            LogicalProject project = (LogicalProject) insert.source().operator();
            assertThat(project.assignments().get(1).expression()).isEqualTo(Literal.nullOf(DataType.BIGINT));
        }

        @Test
        void stringLiteralsAreParsedForTheirColumns() {
            BoundInsert insert = planning.bindInsert("INSERT INTO t (d, e, c) VALUES ('x', '1998-01-01', '2.345')");
            LogicalValues values = (LogicalValues) insert.source().input(0).operator();
            assertThat(values.rows().get(0)).containsExactly(Literal.of("x", DataType.VARCHAR), Literal.of(10_227, DataType.DATE),
                    Literal.of(new BigDecimal("2.35"), DataType.decimal(15, 2)));
        }

        @Test
        void insertFromSelectCastsToTheColumnTypes() {
            BoundInsert insert = planning.bindInsert("INSERT INTO u (y, x) SELECT d, b FROM t");
            assertThat(shape(insert.source())).containsExactly(
                    "Project [x#8 := CAST(b#7 AS INTEGER), y#9 := d#6, z#10 := NULL, w#11 := NULL, s#12 := NULL, r#13 := NULL]",
                    "  Project [d#6 := d#3, b#7 := b#1]",
                    "    Scan t [a#0, b#1, c#2, d#3, e#4, f#5]");
            // Bounded VARCHAR columns are produced unbounded; storage checks the length.
            assertThat(insert.source().outputColumns().get(1).type()).isEqualTo(DataType.VARCHAR);
        }

        @Test
        void allColumnsInTableOrderWithoutAColumnList() {
            BoundInsert insert = planning.bindInsert("INSERT INTO t VALUES (1, 2, 3, 'd', DATE '2000-01-01', 6)");
            LogicalValues values = (LogicalValues) insert.source().input(0).operator();
            assertThat(values.columns()).extracting(ColumnRef::type).containsExactly(DataType.INTEGER, DataType.BIGINT,
                    DataType.decimal(15, 2), DataType.VARCHAR, DataType.DATE, DataType.DOUBLE);
            assertThat(values.rows().get(0).get(5)).isEqualTo(Literal.of(6.0, DataType.DOUBLE));
            // A narrowing numeric value is an assignment cast, checked at run time.
            BoundInsert narrowing = planning.bindInsert("INSERT INTO t (a) VALUES (1.5)");
            LogicalValues narrowed = (LogicalValues) narrowing.source().input(0).operator();
            assertThat(narrowed.rows().get(0).get(0)).isEqualTo(new Cast(Literal.of(new BigDecimal("1.5"), DataType.decimal(2, 1)),
                    DataType.INTEGER));
        }
    }

    @Test
    void aggregateOutputsAreReferencedByAggregateAssignments() {
        LogicalPlan plan = planning.bind("SELECT max(a) FROM t").plan();
        AggregateAssignment max = ((LogicalAggregate) plan.input(0).operator()).aggregates().get(0);
        assertThat(max.call().arguments()).containsExactly(ref("a"));
        assertThat(((LogicalProject) plan.operator()).assignments().get(0).expression()).isEqualTo(max.output());
    }
}
