package dev.quiver.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.testing.RowOrder.Key;
import dev.quiver.testing.RowOrder.NullPlacement;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The shared result comparison under both numeric rules in use: the fuzzer's and TPC-H's. */
class ResultComparatorTest {
    /** The fuzzer's rule: exact numbers exactly, inexact ones within 1e-9 relative. */
    private static final ResultComparator EXACT_OR_RELATIVE = new ResultComparator(NumberMatch.exactOrRelative(1e-9));
    /** TPC-H's rule: every number within 1e-6 relative, or 1e-12 absolute near zero. */
    private static final ResultComparator RELATIVE = new ResultComparator(NumberMatch.relative(1e-6, 1e-12));

    private static final RowOrder BY_FIRST = new RowOrder(List.of(new Key(0, false, NullPlacement.LAST)), false, false);

    private static QueryRows rows(Object[]... rows) {
        int width = rows.length == 0 ? 2 : rows[0].length;
        List<String> names = IntStream.range(0, width).mapToObj(i -> "c" + i).toList();
        return new QueryRows(names, Arrays.stream(rows).map(Arrays::asList).toList());
    }

    private static Object[] row(Object... values) {
        return values;
    }

    // Under the fuzzer's rule (exact numbers exactly, inexact within 1e-9).

    @Test
    void unorderedRowsCompareAsMultisets() {
        QueryRows expected = rows(row(1, "a"), row(2, "b"), row(2, "b"));
        assertThat(EXACT_OR_RELATIVE.compare(expected, rows(row(2, "b"), row(1, "a"), row(2, "b")), RowOrder.UNORDERED)).isEmpty();
        assertThat(EXACT_OR_RELATIVE.compare(expected, rows(row(2, "b"), row(1, "a"), row(1, "a")), RowOrder.UNORDERED))
                .hasValueSatisfying(d -> assertThat(d).contains("missing row:    2 (Integer) | 'b'").contains("unexpected row: 1 (Integer) | 'a'"));
    }

    @Test
    void rowAndColumnCountsMustAgree() {
        assertThat(EXACT_OR_RELATIVE.compare(rows(row(1, "a")), rows(row(1, "a"), row(1, "a")), RowOrder.UNORDERED))
                .hasValueSatisfying(d -> assertThat(d).startsWith("expected 1 rows but got 2"));
        assertThat(EXACT_OR_RELATIVE.compare(rows(row(1, "a")), rows(row(1)), RowOrder.UNORDERED))
                .hasValueSatisfying(d -> assertThat(d).startsWith("expected 2 columns"));
    }

    @Test
    void exactNumbersMatchWhateverTheirTypeAndScaleButExactly() {
        QueryRows expected = rows(row(new BigInteger("3"), new BigDecimal("1.50")));
        assertThat(EXACT_OR_RELATIVE.compare(expected, rows(row(3L, new BigDecimal("1.5"))), RowOrder.UNORDERED)).isEmpty();
        assertThat(EXACT_OR_RELATIVE.compare(expected, rows(row(3, new BigDecimal("1.5000000000001"))), RowOrder.UNORDERED)).isPresent();
    }

    @Test
    void inexactNumbersMatchWithinTheRelativeTolerance() {
        assertThat(EXACT_OR_RELATIVE.valuesMatch(0.1 + 0.2, 0.3)).isTrue();
        assertThat(EXACT_OR_RELATIVE.valuesMatch(1e12, 1e12 + 1e2)).isTrue();
        assertThat(EXACT_OR_RELATIVE.valuesMatch(1.0, 1.0 + 1e-8)).isFalse();
        assertThat(EXACT_OR_RELATIVE.valuesMatch(2.5, new BigDecimal("2.5"))).isTrue();
        assertThat(EXACT_OR_RELATIVE.valuesMatch(0.0, -0.0)).isTrue();
        assertThat(EXACT_OR_RELATIVE.valuesMatch(Double.NaN, Double.NaN)).isTrue();
    }

    @Test
    void nearlyEqualNumbersArePairedWithTheirOwnCounterparts() {
        // 3e9 + 7.25 and 3e9 + 9.75 are within the tolerance of each other: sorting must not treat them as equal
        QueryRows expected = rows(row(3_000_000_009.75), row(3_000_000_007.25), row(3_000_000_011.5));
        assertThat(EXACT_OR_RELATIVE.compare(expected, rows(row(3_000_000_011.5), row(3_000_000_007.25), row(3_000_000_009.75)),
                RowOrder.UNORDERED)).isEmpty();
        assertThat(EXACT_OR_RELATIVE.compare(expected, rows(row(3_000_000_011.5), row(3_000_000_007.25), row(3_000_000_007.25)),
                RowOrder.UNORDERED)).isEmpty(); // within the tolerance of 9.75: 1e-9 relative of 3e9 is 3
        assertThat(EXACT_OR_RELATIVE.compare(expected, rows(row(3_000_000_011.5), row(3_000_000_007.25), row(3_000_000_000.0)),
                RowOrder.UNORDERED)).isPresent();
    }

    @Test
    void floatNoiseThatReordersRowsDoesNotMispairThem() {
        // sorted by exact values, the actual rows come in the other order of their last column
        QueryRows expected = rows(row(2.0, 7.36, false), row(2.0, 7.36, true));
        assertThat(EXACT_OR_RELATIVE.compare(expected, rows(row(2.0, 7.359999999999999, true), row(2.0, 7.36, false)),
                RowOrder.UNORDERED)).isEmpty();
        assertThat(EXACT_OR_RELATIVE.compare(expected, rows(row(2.0, 7.359999999999999, true), row(2.0, 7.36, true)),
                RowOrder.UNORDERED)).hasValueSatisfying(d -> assertThat(d).contains("missing row:    2.0 (Double) | 7.36 (Double) | false (Boolean)"));
        // an exact number and an inexact one of the same value pair up too
        assertThat(EXACT_OR_RELATIVE.compare(rows(row(new BigDecimal("1234567.5"), 1)), rows(row(1234567.5000000002, 1)),
                RowOrder.UNORDERED)).isEmpty();
    }

    @Test
    void valuesOfDifferentKindsNeverMatch() {
        assertThat(EXACT_OR_RELATIVE.valuesMatch(1, "1")).isFalse();
        assertThat(EXACT_OR_RELATIVE.valuesMatch(true, 1)).isFalse();
        assertThat(EXACT_OR_RELATIVE.valuesMatch(LocalDate.of(2020, 1, 1), "2020-01-01")).isFalse();
        assertThat(EXACT_OR_RELATIVE.valuesMatch(null, 0)).isFalse();
        assertThat(EXACT_OR_RELATIVE.valuesMatch(null, null)).isTrue();
    }

    @Test
    void orderedRowsMustFollowTheKeysIncludingWhereNullsGo() {
        QueryRows expected = rows(row(1, "x"), row(2, "y"), row(null, "z"));
        assertThat(EXACT_OR_RELATIVE.compare(expected, rows(row(1, "x"), row(2, "y"), row(null, "z")), BY_FIRST)).isEmpty();
        assertThat(EXACT_OR_RELATIVE.compare(expected, rows(row(2, "y"), row(1, "x"), row(null, "z")), BY_FIRST))
                .hasValueSatisfying(d -> assertThat(d).startsWith("rows are not in ORDER BY order"));
        assertThat(EXACT_OR_RELATIVE.compare(expected, rows(row(null, "z"), row(1, "x"), row(2, "y")), BY_FIRST))
                .hasValueSatisfying(d -> assertThat(d).startsWith("rows are not in ORDER BY order"));
        RowOrder nullsFirstDescending = new RowOrder(List.of(new Key(0, true, NullPlacement.FIRST)), false, false);
        assertThat(EXACT_OR_RELATIVE.compare(rows(row(null, "z"), row(2, "y"), row(1, "x")), rows(row(null, "z"), row(2, "y"), row(1, "x")),
                nullsFirstDescending)).isEmpty();
    }

    @Test
    void rowsTiedOnTheKeysMayComeInAnyOrderButMustBeTheSame() {
        QueryRows expected = rows(row(1, "a"), row(1, "b"), row(2, "c"));
        assertThat(EXACT_OR_RELATIVE.compare(expected, rows(row(1, "b"), row(1, "a"), row(2, "c")), BY_FIRST)).isEmpty();
        assertThat(EXACT_OR_RELATIVE.compare(expected, rows(row(1, "b"), row(1, "b"), row(2, "c")), BY_FIRST))
                .hasValueSatisfying(d -> assertThat(d).startsWith("rows 1-2 (tied on the ORDER BY keys)"));
    }

    @Test
    void orderIsCheckedOnExactValuesSoNearlyEqualKeysDoNotHideTheNextKey() {
        // -2.5e9 and -2.500000001e9 are within the tolerance, but distinct: the second key must not decide their order
        RowOrder twoKeys = new RowOrder(List.of(new Key(0, true, NullPlacement.LAST), new Key(1, false, NullPlacement.FIRST)), false, false);
        QueryRows rows = rows(row(-2.5e9, 1), row(-2.500000001e9, null));
        assertThat(EXACT_OR_RELATIVE.compare(rows, rows, twoKeys)).isEmpty();
        assertThat(EXACT_OR_RELATIVE.compare(rows, rows(row(-2.500000001e9, null), row(-2.5e9, 1)), twoKeys)).isPresent();
    }

    @Test
    void atTheEdgeOfALimitOnlyTheKeysOfTiedRowsAreCompared() {
        RowOrder cut = new RowOrder(List.of(new Key(0, false, NullPlacement.LAST)), true, true);
        QueryRows expected = rows(row(1, "a"), row(2, "b"));
        assertThat(EXACT_OR_RELATIVE.compare(expected, rows(row(1, "a"), row(2, "other tied row")), cut)).isEmpty();
        assertThat(EXACT_OR_RELATIVE.compare(expected, rows(row(1, "a"), row(3, "b")), cut)).isPresent();
        assertThat(EXACT_OR_RELATIVE.compare(expected, rows(row(1, "a"), row(2, "other tied row")), BY_FIRST)).isPresent();
    }

    // Under TPC-H's rule (every number within 1e-6 relative or 1e-12 absolute).

    @Test
    void numbersOfAnyTypeMatchWithinTheRelativeTolerance() {
        assertThat(RELATIVE.valuesMatch(new BigDecimal("25.50"), 25.5)).isTrue();
        assertThat(RELATIVE.valuesMatch(4L, 4)).isTrue();
        assertThat(RELATIVE.valuesMatch(BigInteger.valueOf(7), new BigDecimal("7.00"))).isTrue();
        assertThat(RELATIVE.valuesMatch(1_000_000.0, 1_000_000.9)).isTrue();
        assertThat(RELATIVE.valuesMatch(1_000_000.0, 1_000_002.0)).isFalse();
        assertThat(RELATIVE.valuesMatch(new BigDecimal("0.01"), new BigDecimal("0.02"))).isFalse();
    }

    @Test
    void kindsNullsTextAndDatesMatchStrictly() {
        assertThat(RELATIVE.valuesMatch(null, null)).isTrue();
        assertThat(RELATIVE.valuesMatch(null, 0)).isFalse();
        assertThat(RELATIVE.valuesMatch("", null)).isFalse();
        assertThat(RELATIVE.valuesMatch("1", 1)).isFalse();
        assertThat(RELATIVE.valuesMatch("ab", "ab ")).isFalse();
        assertThat(RELATIVE.valuesMatch(LocalDate.of(1995, 3, 15), LocalDate.of(1995, 3, 15))).isTrue();
        assertThat(RELATIVE.valuesMatch(LocalDate.of(1995, 3, 15), "1995-03-15")).isFalse();
    }

    @Test
    void countsOfColumnsAndRowsMustAgree() {
        QueryRows two = rows(row("a", 1), row("b", 2));
        assertThat(RELATIVE.compare(two, new QueryRows(List.of("k"), List.of(List.of("a"))), RowOrder.UNORDERED))
                .hasValueSatisfying(m -> assertThat(m).contains("expected 2 columns"));
        assertThat(RELATIVE.compare(two, rows(row("a", 1)), RowOrder.UNORDERED))
                .hasValueSatisfying(m -> assertThat(m).contains("expected 2 rows but got 1", "missing row:    'b' | 2"));
        assertThat(RELATIVE.compare(rows(), rows(), RowOrder.UNORDERED)).isEmpty();
    }

    @Test
    void unorderedResultsCompareAsMultisets() {
        QueryRows expected = rows(row("a", 1), row("b", 2), row("b", 2));
        assertThat(RELATIVE.compare(expected, rows(row("b", 2L), row("a", 1L), row("b", 2L)), RowOrder.UNORDERED)).isEmpty();
        assertThat(RELATIVE.compare(expected, rows(row("b", 2), row("a", 1), row("a", 1)), RowOrder.UNORDERED))
                .hasValueSatisfying(m -> assertThat(m).contains("column 1 differs: expected 'b' but got 'a'"));
    }

    @Test
    void orderedResultsMayPermuteOnlyRowsTiedOnTheKeys() {
        RowOrder byKeyDesc = new RowOrder(List.of(new Key(0, true, NullPlacement.UNSPECIFIED)), false, false);
        QueryRows expected = rows(row(3, "x"), row(2, "p"), row(2, "q"), row(1, "z"));
        assertThat(RELATIVE.compare(expected, rows(row(3, "x"), row(2, "q"), row(2, "p"), row(1, "z")), byKeyDesc)).isEmpty();
        // Same multiset, but not sorted by the key.
        assertThat(RELATIVE.compare(expected, rows(row(2, "p"), row(3, "x"), row(2, "q"), row(1, "z")), byKeyDesc))
                .hasValueSatisfying(m -> assertThat(m).contains("not in ORDER BY order", "row 1 sorts after row 2"));
        // Sorted by the key, but a value moved from one tie group to another.
        QueryRows moved = rows(row(3, "p"), row(2, "x"), row(2, "q"), row(1, "z"));
        assertThat(RELATIVE.compare(expected, moved, byKeyDesc))
                .hasValueSatisfying(m -> assertThat(m).startsWith("row 1: column 2 differs: expected 'x' but got 'p'"));
    }

    @Test
    void aLimitMayCutThroughTheLastTieGroup() {
        RowOrder limited = new RowOrder(List.of(new Key(0, false, NullPlacement.UNSPECIFIED)), false, true);
        QueryRows expected = rows(row(1, "a"), row(2, "b"), row(2, "c"));
        assertThat(RELATIVE.compare(expected, rows(row(1, "a"), row(2, "b"), row(2, "d")), limited)).isEmpty();
        assertThat(RELATIVE.compare(expected, rows(row(1, "a"), row(2, "b"), row(3, "c")), limited))
                .hasValueSatisfying(m -> assertThat(m).contains("last before the LIMIT"));
        // Without the LIMIT cutting (fewer rows than the limit), the last group is compared whole.
        RowOrder notCut = new RowOrder(limited.keys(), false, false);
        assertThat(RELATIVE.compare(expected, rows(row(1, "a"), row(2, "b"), row(2, "d")), notCut)).isPresent();
    }

    // What both rules share, and where they part.

    @Test
    void theRulesDifferOnExactNumbersAndNearZero() {
        BigDecimal million = new BigDecimal("1000000.00");
        BigDecimal halfACentMore = new BigDecimal("1000000.005");
        assertThat(RELATIVE.valuesMatch(million, halfACentMore)).isTrue();
        assertThat(EXACT_OR_RELATIVE.valuesMatch(million, halfACentMore)).isFalse();
        // A sum that should cancel to zero may come out as 1e-15: within TPC-H's absolute tolerance, far outside any relative one.
        assertThat(RELATIVE.valuesMatch(0.0, 1e-15)).isTrue();
        assertThat(EXACT_OR_RELATIVE.valuesMatch(0.0, 1e-15)).isFalse();
        assertThat(RELATIVE.numbers().compare(1.0, 2.0)).isNegative();
        assertThat(RELATIVE.numbers().compare(new BigDecimal("2"), 1L)).isPositive();
        assertThat(EXACT_OR_RELATIVE.numbers().compare(Double.NaN, 1.0)).isPositive();
    }

    @Test
    void numbersThatMatchArePairedEvenWhenTheyRoundApart() {
        // 1.0000005004 and 1.0000004996 round to different 6-digit bucket keys, yet are within 1e-9 of each other
        assertThat(EXACT_OR_RELATIVE.compare(rows(row(1.0000005004, "a")), rows(row(1.0000004996, "a")), RowOrder.UNORDERED)).isEmpty();
        // 0 and 1e-15 differ in every digit, yet are within TPC-H's absolute tolerance
        QueryRows sums = rows(row("x", 0.0), row("y", 5.0));
        assertThat(RELATIVE.compare(sums, rows(row("y", 5.0000001), row("x", -1e-15)), RowOrder.UNORDERED)).isEmpty();
        assertThat(RELATIVE.compare(sums, rows(row("y", 5.0000001), row("x", 1e-9)), RowOrder.UNORDERED))
                .hasValueSatisfying(m -> assertThat(m).startsWith("rows (as multisets): column 2 differs: expected 0.0 (Double) but got 1.0E-9"));
    }

    @Test
    void nullsMayGoEitherWayWhereTheOrderDoesNotSayButAreNeverTied() {
        RowOrder anywhere = new RowOrder(List.of(new Key(0, false, NullPlacement.UNSPECIFIED)), false, false);
        QueryRows nullsLast = rows(row(1, "x"), row(2, "y"), row(null, "z"));
        QueryRows nullsFirst = rows(row(null, "z"), row(1, "x"), row(2, "y"));
        assertThat(RELATIVE.compare(nullsLast, nullsLast, anywhere)).isEmpty();
        assertThat(RELATIVE.compare(nullsFirst, nullsFirst, anywhere)).isEmpty();
        // A NULL key starts a run of its own: its row is compared whole, in its place.
        assertThat(RELATIVE.compare(nullsLast, rows(row(1, "x"), row(2, "z"), row(null, "y")), anywhere))
                .hasValueSatisfying(m -> assertThat(m).startsWith("row 2: column 2 differs: expected 'y' but got 'z'"));
    }

    @Test
    void anOffsetCutsOnlyTheFirstTieGroupAndALimitOnlyTheLast() {
        Key byFirst = new Key(0, false, NullPlacement.LAST);
        QueryRows expected = rows(row(1, "a"), row(1, "b"), row(2, "c"), row(3, "d"), row(3, "e"));
        QueryRows otherTiedRowsAtBothEnds = rows(row(1, "a"), row(1, "q"), row(2, "c"), row(3, "d"), row(3, "r"));
        assertThat(EXACT_OR_RELATIVE.compare(expected, otherTiedRowsAtBothEnds, new RowOrder(List.of(byFirst), true, true))).isEmpty();
        assertThat(EXACT_OR_RELATIVE.compare(expected, otherTiedRowsAtBothEnds, new RowOrder(List.of(byFirst), false, true)))
                .hasValueSatisfying(m -> assertThat(m).startsWith("rows 1-2 (tied on the ORDER BY keys): column 2 differs"));
        assertThat(EXACT_OR_RELATIVE.compare(expected, otherTiedRowsAtBothEnds, new RowOrder(List.of(byFirst), true, false)))
                .hasValueSatisfying(m -> assertThat(m).startsWith("rows 4-5 (tied on the ORDER BY keys): column 2 differs"));
        assertThat(EXACT_OR_RELATIVE.compare(expected, rows(row(0, "a"), row(1, "b"), row(2, "c"), row(3, "d"), row(3, "e")),
                new RowOrder(List.of(byFirst), true, false)))
                .hasValueSatisfying(m -> assertThat(m).startsWith("rows 1-2 (tied on the ORDER BY keys), the first after the OFFSET: key column 1"));
    }

    @Test
    void aKeyOutsideTheResultAndBadTolerancesAreRejected() {
        RowOrder third = new RowOrder(List.of(new Key(2, false, NullPlacement.LAST)), false, false);
        assertThatThrownBy(() -> EXACT_OR_RELATIVE.compare(rows(row(1, 2)), rows(row(1, 2)), third))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> new Key(-1, false, NullPlacement.LAST)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NumberMatch.exactOrRelative(-1e-9)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NumberMatch.relative(1e-6, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new QueryRows(List.of("a"), List.of(Arrays.asList((Object) null))).rows().get(0)).containsExactly((Object) null);
    }

    @Test
    void rowsNarrowerOrWiderThanTheResultAreReported() {
        QueryRows ragged = new QueryRows(List.of("a", "b"), List.of(List.of(1, 2), List.of(3)));
        assertThat(RELATIVE.compare(rows(row(1, 2), row(3, 4)), ragged, RowOrder.UNORDERED))
                .hasValue("actual row 2 has 1 values but the result has 2 columns");
    }

    @Test
    void sortedOrdersRowsByExactValueNullFirst() {
        List<List<Object>> rows = List.of(Arrays.asList(2.0000000001, "b"), Arrays.asList(null, "c"), Arrays.asList(2, "a"));
        assertThat(ResultComparator.sorted(rows)).containsExactly(Arrays.asList(null, "c"), Arrays.asList(2, "a"),
                Arrays.asList(2.0000000001, "b"));
    }
}
