package dev.quiver.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultComparatorTest {
    private static QueryRows rows(Object[]... rows) {
        int width = rows.length == 0 ? 2 : rows[0].length;
        List<String> names = java.util.stream.IntStream.range(0, width).mapToObj(i -> "c" + i).toList();
        return new QueryRows(names, Arrays.stream(rows).map(Arrays::asList).toList());
    }

    private static Object[] row(Object... values) {
        return values;
    }

    private static final RowOrder BY_FIRST = new RowOrder(List.of(new RowOrder.Key(0, false, false)), false);

    @Test
    void unorderedRowsCompareAsMultisets() {
        QueryRows expected = rows(row(1, "a"), row(2, "b"), row(2, "b"));
        assertThat(ResultComparator.compare(expected, rows(row(2, "b"), row(1, "a"), row(2, "b")), RowOrder.UNORDERED)).isEmpty();
        assertThat(ResultComparator.compare(expected, rows(row(2, "b"), row(1, "a"), row(1, "a")), RowOrder.UNORDERED))
                .hasValueSatisfying(d -> assertThat(d).contains("missing row:    2 (Integer) | 'b'").contains("unexpected row: 1 (Integer) | 'a'"));
    }

    @Test
    void rowAndColumnCountsMustAgree() {
        assertThat(ResultComparator.compare(rows(row(1, "a")), rows(row(1, "a"), row(1, "a")), RowOrder.UNORDERED))
                .hasValueSatisfying(d -> assertThat(d).startsWith("expected 1 rows but got 2"));
        assertThat(ResultComparator.compare(rows(row(1, "a")), rows(row(1)), RowOrder.UNORDERED))
                .hasValueSatisfying(d -> assertThat(d).startsWith("expected 2 columns"));
    }

    @Test
    void exactNumbersMatchWhateverTheirTypeAndScaleButExactly() {
        QueryRows expected = rows(row(new BigInteger("3"), new BigDecimal("1.50")));
        assertThat(ResultComparator.compare(expected, rows(row(3L, new BigDecimal("1.5"))), RowOrder.UNORDERED)).isEmpty();
        assertThat(ResultComparator.compare(expected, rows(row(3, new BigDecimal("1.5000000000001"))), RowOrder.UNORDERED)).isPresent();
    }

    @Test
    void inexactNumbersMatchWithinTheRelativeTolerance() {
        assertThat(ResultComparator.valuesMatch(0.1 + 0.2, 0.3)).isTrue();
        assertThat(ResultComparator.valuesMatch(1e12, 1e12 + 1e2)).isTrue();
        assertThat(ResultComparator.valuesMatch(1.0, 1.0 + 1e-8)).isFalse();
        assertThat(ResultComparator.valuesMatch(2.5, new BigDecimal("2.5"))).isTrue();
        assertThat(ResultComparator.valuesMatch(0.0, -0.0)).isTrue();
        assertThat(ResultComparator.valuesMatch(Double.NaN, Double.NaN)).isTrue();
    }

    @Test
    void nearlyEqualNumbersArePairedWithTheirOwnCounterparts() {
        // 3e9 + 7.25 and 3e9 + 9.75 are within the tolerance of each other: sorting must not treat them as equal
        QueryRows expected = rows(row(3_000_000_009.75), row(3_000_000_007.25), row(3_000_000_011.5));
        assertThat(ResultComparator.compare(expected, rows(row(3_000_000_011.5), row(3_000_000_007.25), row(3_000_000_009.75)),
                RowOrder.UNORDERED)).isEmpty();
        assertThat(ResultComparator.compare(expected, rows(row(3_000_000_011.5), row(3_000_000_007.25), row(3_000_000_007.25)),
                RowOrder.UNORDERED)).isEmpty(); // within the tolerance of 9.75: 1e-9 relative of 3e9 is 3
        assertThat(ResultComparator.compare(expected, rows(row(3_000_000_011.5), row(3_000_000_007.25), row(3_000_000_000.0)),
                RowOrder.UNORDERED)).isPresent();
    }

    @Test
    void floatNoiseThatReordersRowsDoesNotMispairThem() {
        // sorted by exact values, the actual rows come in the other order of their last column
        QueryRows expected = rows(row(2.0, 7.36, false), row(2.0, 7.36, true));
        assertThat(ResultComparator.compare(expected, rows(row(2.0, 7.359999999999999, true), row(2.0, 7.36, false)), RowOrder.UNORDERED))
                .isEmpty();
        assertThat(ResultComparator.compare(expected, rows(row(2.0, 7.359999999999999, true), row(2.0, 7.36, true)), RowOrder.UNORDERED))
                .hasValueSatisfying(d -> assertThat(d).contains("missing row:    2.0 (Double) | 7.36 (Double) | false (Boolean)"));
        // an exact number and an inexact one of the same value pair up too
        assertThat(ResultComparator.compare(rows(row(new BigDecimal("1234567.5"), 1)), rows(row(1234567.5000000002, 1)), RowOrder.UNORDERED))
                .isEmpty();
    }

    @Test
    void valuesOfDifferentKindsNeverMatch() {
        assertThat(ResultComparator.valuesMatch(1, "1")).isFalse();
        assertThat(ResultComparator.valuesMatch(true, 1)).isFalse();
        assertThat(ResultComparator.valuesMatch(LocalDate.of(2020, 1, 1), "2020-01-01")).isFalse();
        assertThat(ResultComparator.valuesMatch(null, 0)).isFalse();
        assertThat(ResultComparator.valuesMatch(null, null)).isTrue();
    }

    @Test
    void orderedRowsMustFollowTheKeysIncludingWhereNullsGo() {
        QueryRows expected = rows(row(1, "x"), row(2, "y"), row(null, "z"));
        assertThat(ResultComparator.compare(expected, rows(row(1, "x"), row(2, "y"), row(null, "z")), BY_FIRST)).isEmpty();
        assertThat(ResultComparator.compare(expected, rows(row(2, "y"), row(1, "x"), row(null, "z")), BY_FIRST))
                .hasValueSatisfying(d -> assertThat(d).startsWith("rows are not in ORDER BY order"));
        assertThat(ResultComparator.compare(expected, rows(row(null, "z"), row(1, "x"), row(2, "y")), BY_FIRST))
                .hasValueSatisfying(d -> assertThat(d).startsWith("rows are not in ORDER BY order"));
        RowOrder nullsFirstDescending = new RowOrder(List.of(new RowOrder.Key(0, true, true)), false);
        assertThat(ResultComparator.compare(rows(row(null, "z"), row(2, "y"), row(1, "x")), rows(row(null, "z"), row(2, "y"), row(1, "x")),
                nullsFirstDescending)).isEmpty();
    }

    @Test
    void rowsTiedOnTheKeysMayComeInAnyOrderButMustBeTheSame() {
        QueryRows expected = rows(row(1, "a"), row(1, "b"), row(2, "c"));
        assertThat(ResultComparator.compare(expected, rows(row(1, "b"), row(1, "a"), row(2, "c")), BY_FIRST)).isEmpty();
        assertThat(ResultComparator.compare(expected, rows(row(1, "b"), row(1, "b"), row(2, "c")), BY_FIRST))
                .hasValueSatisfying(d -> assertThat(d).startsWith("rows 1-2 (tied on the ORDER BY keys)"));
    }

    @Test
    void orderIsCheckedOnExactValuesSoNearlyEqualKeysDoNotHideTheNextKey() {
        // -2.5e9 and -2.500000001e9 are within the tolerance, but distinct: the second key must not decide their order
        RowOrder twoKeys = new RowOrder(List.of(new RowOrder.Key(0, true, false), new RowOrder.Key(1, false, true)), false);
        QueryRows rows = rows(row(-2.5e9, 1), row(-2.500000001e9, null));
        assertThat(ResultComparator.compare(rows, rows, twoKeys)).isEmpty();
        assertThat(ResultComparator.compare(rows, rows(row(-2.500000001e9, null), row(-2.5e9, 1)), twoKeys)).isPresent();
    }

    @Test
    void atTheEdgeOfALimitOnlyTheKeysOfTiedRowsAreCompared() {
        RowOrder cut = new RowOrder(List.of(new RowOrder.Key(0, false, false)), true);
        QueryRows expected = rows(row(1, "a"), row(2, "b"));
        assertThat(ResultComparator.compare(expected, rows(row(1, "a"), row(2, "other tied row")), cut)).isEmpty();
        assertThat(ResultComparator.compare(expected, rows(row(1, "a"), row(3, "b")), cut)).isPresent();
        assertThat(ResultComparator.compare(expected, rows(row(1, "a"), row(2, "other tied row")), BY_FIRST)).isPresent();
    }
}
