package dev.quiver.planner.expr;

import static dev.quiver.planner.PlanFixtures.and;
import static dev.quiver.planner.PlanFixtures.bool;
import static dev.quiver.planner.PlanFixtures.gt;
import static dev.quiver.planner.PlanFixtures.integer;
import static dev.quiver.planner.PlanFixtures.lt;
import static dev.quiver.planner.PlanFixtures.not;
import static dev.quiver.planner.PlanFixtures.or;
import static dev.quiver.planner.PlanFixtures.plus;
import static dev.quiver.planner.PlanFixtures.times;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.planner.type.DataType;
import dev.quiver.planner.type.Interval;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExprsTest {
    private final ColumnRef a = new ColumnRef(0, "a", DataType.INTEGER);
    private final ColumnRef b = new ColumnRef(1, "b", DataType.INTEGER);

    @Test
    void conjunctionsFlattenAndDropTrue() {
        assertThat(Exprs.and(List.of())).isEqualTo(Exprs.TRUE);
        assertThat(Exprs.and(List.of(gt(a, integer(1))))).isEqualTo(gt(a, integer(1)));
        assertThat(Exprs.and(List.of(and(gt(a, integer(1)), lt(a, integer(5))), Exprs.TRUE, gt(b, integer(0)))))
                .isEqualTo(and(gt(a, integer(1)), lt(a, integer(5)), gt(b, integer(0))));
        assertThat(Exprs.conjuncts(Exprs.TRUE)).isEmpty();
        assertThat(Exprs.conjuncts(and(gt(a, integer(1)), and(lt(a, integer(5)), Exprs.TRUE))))
                .containsExactly(gt(a, integer(1)), lt(a, integer(5)));
        assertThat(Exprs.or(List.of())).isEqualTo(Exprs.FALSE);
        assertThat(Exprs.or(List.of(or(gt(a, integer(1)), lt(a, integer(0))), gt(b, integer(0)))))
                .isEqualTo(or(gt(a, integer(1)), lt(a, integer(0)), gt(b, integer(0))));
    }

    @Test
    void columnsAndConstancy() {
        Expr e = plus(times(b, a), a);
        assertThat(Exprs.columns(e)).containsExactly(b, a);
        assertThat(Exprs.isConstant(plus(integer(1), integer(2)))).isTrue();
        assertThat(Exprs.isConstant(e)).isFalse();
        assertThat(Exprs.size(e)).isEqualTo(5);
        CaseWhen c = new CaseWhen(List.of(new CaseWhen.WhenThen(gt(a, integer(0)), b)), integer(0), DataType.INTEGER);
        assertThat(Exprs.children(c)).containsExactly(gt(a, integer(0)), b, integer(0));
        assertThat(Exprs.columns(c)).containsExactly(a, b);
    }

    @Test
    void substituteReplacesColumnsEverywhere() {
        Expr e = new CaseWhen(List.of(new CaseWhen.WhenThen(gt(a, integer(0)), new Cast(a, DataType.BIGINT))), Literal.of(0L, DataType.BIGINT),
                DataType.BIGINT);
        Expr replaced = Exprs.substitute(e, Map.of(a, plus(b, integer(1))));
        assertThat(replaced).hasToString("CASE WHEN (b#1 + 1) > 0 THEN CAST(b#1 + 1 AS BIGINT) ELSE 0 END");
        assertThat(Exprs.substitute(e, Map.of())).isSameAs(e);
    }

    @Test
    void identityIgnoresPositionsAndColumnNames() {
        assertThat(new Call(Function.ADD, List.of(a, integer(1)), DataType.INTEGER, 5))
                .isEqualTo(new Call(Function.ADD, List.of(a, integer(1)), DataType.INTEGER, 9))
                .hasSameHashCodeAs(new Call(Function.ADD, List.of(a, integer(1)), DataType.INTEGER, 9));
        assertThat(new Cast(a, DataType.BIGINT, 3)).isEqualTo(new Cast(a, DataType.BIGINT, 4));
        assertThat(new ColumnRef(0, "renamed", DataType.INTEGER)).isEqualTo(a);
        assertThat(new Call(Function.ADD, List.of(a, integer(1)), DataType.BIGINT)).isNotEqualTo(plus(a, integer(1)));
    }

    @Test
    void literalsCheckTheirJavaRepresentation() {
        assertThatThrownBy(() -> Literal.of(1, DataType.INTEGER)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("literal of type INTEGER must be Long, got Integer");
        assertThatThrownBy(() -> Literal.of(new BigDecimal("1.5"), DataType.decimal(5, 2))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("decimal literal 1.5 does not have scale 2");
        assertThat(Literal.nullOf(DataType.DATE).isNull()).isTrue();
        assertThatThrownBy(() -> Literal.nullOf(DataType.DATE).get()).isInstanceOf(IllegalStateException.class);
        assertThat(Literal.of(new BigDecimal("1.50"), DataType.decimal(5, 2))).isNotEqualTo(Literal.of(new BigDecimal("1.50"),
                DataType.decimal(6, 2)));
    }

    @Test
    void printing() {
        assertThat(Literal.of("it's", DataType.VARCHAR)).hasToString("'it''s'");
        assertThat(Literal.of(10_227, DataType.DATE)).hasToString("DATE '1998-01-01'");
        assertThat(Literal.of(0L, DataType.TIMESTAMP)).hasToString("TIMESTAMP '1970-01-01 00:00:00'");
        assertThat(Literal.of(new Interval(0, 90, 0), DataType.INTERVAL)).hasToString("INTERVAL '90 days'");
        assertThat(Literal.nullOf(DataType.INTEGER)).hasToString("NULL");
        assertThat(not(and(gt(a, integer(1)), bool(true)))).hasToString("NOT ((a#0 > 1) AND true)");
        assertThat(new Call(Function.IN, List.of(a, integer(1), integer(2)), DataType.BOOLEAN)).hasToString("a#0 IN (1, 2)");
        assertThat(new Call(Function.IS_NULL, List.of(plus(a, b)), DataType.BOOLEAN)).hasToString("(a#0 + b#1) IS NULL");
        assertThat(new Call(Function.NEGATE, List.of(a), DataType.INTEGER)).hasToString("-a#0");
        assertThat(new Call(Function.UPPER, List.of(Literal.of("x", DataType.VARCHAR)), DataType.VARCHAR)).hasToString("upper('x')");
        assertThat(new AggregateCall(AggregateKind.COUNT_STAR, List.of(), false, DataType.BIGINT)).hasToString("count(*)");
        assertThat(new AggregateCall(AggregateKind.SUM, List.of(a), true, DataType.BIGINT)).hasToString("sum(DISTINCT a#0)");
    }

    @Test
    void functionProperties() {
        assertThat(Function.ADD.isInfix()).isTrue();
        assertThat(Function.UPPER.isInfix()).isFalse();
        assertThat(Function.IS_NOT_DISTINCT_FROM.isComparison()).isTrue();
        assertThat(Function.AND.isStrict()).isFalse();
        assertThat(Function.ADD.isStrict()).isTrue();
        assertThat(Function.DIVIDE.canFail()).isTrue();
        assertThat(Function.EQUAL.canFail()).isFalse();
    }
}
