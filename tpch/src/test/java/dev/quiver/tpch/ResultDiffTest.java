package dev.quiver.tpch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ResultDiffTest {
    private static final OrderSpec UNORDERED = new OrderSpec(List.of(), OptionalInt.empty());
    private static final List<String> NAMES = List.of("k", "v");

    @Test
    void numbersOfAnyTypeMatchWithinTheRelativeTolerance() {
        assertThat(ResultDiff.valuesMatch(new BigDecimal("25.50"), 25.5)).isTrue();
        assertThat(ResultDiff.valuesMatch(4L, 4)).isTrue();
        assertThat(ResultDiff.valuesMatch(BigInteger.valueOf(7), new BigDecimal("7.00"))).isTrue();
        assertThat(ResultDiff.valuesMatch(1_000_000.0, 1_000_000.9)).isTrue();
        assertThat(ResultDiff.valuesMatch(1_000_000.0, 1_000_002.0)).isFalse();
        assertThat(ResultDiff.valuesMatch(new BigDecimal("0.01"), new BigDecimal("0.02"))).isFalse();
    }

    @Test
    void kindsNullsTextAndDatesMatchStrictly() {
        assertThat(ResultDiff.valuesMatch(null, null)).isTrue();
        assertThat(ResultDiff.valuesMatch(null, 0)).isFalse();
        assertThat(ResultDiff.valuesMatch("", null)).isFalse();
        assertThat(ResultDiff.valuesMatch("1", 1)).isFalse();
        assertThat(ResultDiff.valuesMatch("ab", "ab ")).isFalse();
        assertThat(ResultDiff.valuesMatch(LocalDate.of(1995, 3, 15), LocalDate.of(1995, 3, 15))).isTrue();
        assertThat(ResultDiff.valuesMatch(LocalDate.of(1995, 3, 15), "1995-03-15")).isFalse();
    }

    @Test
    void countsOfColumnsAndRowsMustAgree() {
        QueryRows two = rows(List.of("a", 1), List.of("b", 2));
        assertThat(ResultDiff.compare(two, new QueryRows(List.of("k"), List.of(List.of("a"))), UNORDERED))
                .hasValueSatisfying(m -> assertThat(m).contains("expected 2 columns"));
        assertThat(ResultDiff.compare(two, rows(List.of("a", 1)), UNORDERED))
                .hasValueSatisfying(m -> assertThat(m).contains("expected 2 rows but got 1", "missing row:    'b' | 2"));
        assertThat(ResultDiff.compare(rows(), rows(), UNORDERED)).isEmpty();
    }

    @Test
    void unorderedResultsCompareAsMultisets() {
        QueryRows expected = rows(List.of("a", 1), List.of("b", 2), List.of("b", 2));
        assertThat(ResultDiff.compare(expected, rows(List.of("b", 2L), List.of("a", 1L), List.of("b", 2L)), UNORDERED)).isEmpty();
        assertThat(ResultDiff.compare(expected, rows(List.of("b", 2), List.of("a", 1), List.of("a", 1)), UNORDERED))
                .hasValueSatisfying(m -> assertThat(m).contains("column 1 differs: expected 'b' but got 'a'"));
    }

    @Test
    void orderedResultsMayPermuteOnlyRowsTiedOnTheKeys() {
        OrderSpec byKeyDesc = OrderSpec.of("select k, v from t order by k desc");
        QueryRows expected = rows(List.of(3, "x"), List.of(2, "p"), List.of(2, "q"), List.of(1, "z"));
        assertThat(ResultDiff.compare(expected, rows(List.of(3, "x"), List.of(2, "q"), List.of(2, "p"), List.of(1, "z")), byKeyDesc))
                .isEmpty();
        // Same multiset, but not sorted by the key.
        assertThat(ResultDiff.compare(expected, rows(List.of(2, "p"), List.of(3, "x"), List.of(2, "q"), List.of(1, "z")), byKeyDesc))
                .hasValueSatisfying(m -> assertThat(m).contains("not in ORDER BY order", "row 1 sorts after row 2"));
        // Sorted by the key, but a value moved from one tie group to another.
        QueryRows moved = rows(List.of(3, "p"), List.of(2, "x"), List.of(2, "q"), List.of(1, "z"));
        assertThat(ResultDiff.compare(expected, moved, byKeyDesc))
                .hasValueSatisfying(m -> assertThat(m).startsWith("row 1: column 2 differs: expected 'x' but got 'p'"));
    }

    @Test
    void aLimitMayCutThroughTheLastTieGroup() {
        OrderSpec limited = OrderSpec.of("select k, v from t order by k limit 3;");
        QueryRows expected = rows(List.of(1, "a"), List.of(2, "b"), List.of(2, "c"));
        assertThat(ResultDiff.compare(expected, rows(List.of(1, "a"), List.of(2, "b"), List.of(2, "d")), limited)).isEmpty();
        assertThat(ResultDiff.compare(expected, rows(List.of(1, "a"), List.of(2, "b"), List.of(3, "c")), limited))
                .hasValueSatisfying(m -> assertThat(m).contains("last before the LIMIT"));
        // Without the LIMIT cutting (fewer rows than the limit), the last group is compared whole.
        OrderSpec loose = OrderSpec.of("select k, v from t order by k limit 10");
        assertThat(ResultDiff.compare(expected, rows(List.of(1, "a"), List.of(2, "b"), List.of(2, "d")), loose)).isPresent();
    }

    @Test
    void readsTheOrderByAndLimitOfEveryTpchQuery() {
        assertThat(OrderSpec.of(TpchQueries.text(6)).ordered()).isFalse();
        OrderSpec q2 = OrderSpec.of(TpchQueries.text(2));
        assertThat(q2.keys()).containsExactly(new OrderSpec.Key("s_acctbal", true), new OrderSpec.Key("n_name", false),
                new OrderSpec.Key("s_name", false), new OrderSpec.Key("p_partkey", false));
        assertThat(q2.limit()).hasValue(100);
        assertThat(OrderSpec.of(TpchQueries.text(13)).keys()).containsExactly(new OrderSpec.Key("custdist", true),
                new OrderSpec.Key("c_count", true));
        assertThat(OrderSpec.of(TpchQueries.text(9)).limit()).isEmpty();
        for (int q : TpchQueries.ALL) {
            String select = TpchQueries.statements(q).get(q == 15 ? 1 : 0);
            assertThat(OrderSpec.of(select).ordered()).as("Q%d", q).isEqualTo(TpchQueries.isOrdered(q));
        }
        assertThatThrownBy(() -> OrderSpec.of("select a from t order by a + 1").keys())
                .hasMessageContaining("not an output column name");
        assertThatThrownBy(() -> OrderSpec.of("select a from t order by b").columnIndexes(List.of("a")))
                .hasMessageContaining("ORDER BY key b is not a result column");
    }

    @Test
    void selectionComesFromTheSystemPropertyValue() {
        assertThat(DifferentialSelection.parse("supported").queries()).isEqualTo(TpchQueries.SUPPORTED);
        assertThat(DifferentialSelection.parse("ALL").queries()).isEqualTo(TpchQueries.ALL);
        assertThat(DifferentialSelection.parse("1, q6,13").queries()).containsExactly(1, 6, 13);
        assertThat(DifferentialSelection.parse(DifferentialSelection.DEFAULT).queries()).isNotEmpty();
        assertThatThrownBy(() -> DifferentialSelection.parse("joins")).hasMessageContaining("'all', 'supported' or query numbers");
    }

    private static QueryRows rows(List<?>... rows) {
        return new QueryRows(NAMES, Arrays.stream(rows).map(r -> List.<Object>copyOf(r)).toList());
    }
}
