package dev.quiver.tpch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.error.QuiverException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerComparatorTest {
    private static final ExpectedResult Q1_LIKE = ExpectedResult.parse("""
            l_returnflag|l_linestatus|sum_qty|avg_disc|count_order
            A|F|37734107.00|0.049985295838397614|1478493
            N|F|991417.00|0.05009342667421629|38854
            """);

    @Test
    void parsesHeaderRowsAndNulls() {
        ExpectedResult r = ExpectedResult.parse("a|b|c\n1||x\n|2|\n");
        assertThat(r.columnNames()).containsExactly("a", "b", "c");
        assertThat(r.rows()).containsExactly(Arrays.asList("1", null, "x"), Arrays.asList(null, "2", null));
        // A one-column row holding NULL is an empty line, which must not be taken for the end of the file.
        assertThat(ExpectedResult.parse("x\n\n5\n").rows()).containsExactly(Arrays.asList((String) null), List.of("5"));
        assertThat(ExpectedResult.parse("x\r\n1\r\n").rows()).containsExactly(List.of("1"));
        assertThatThrownBy(() -> ExpectedResult.parse("a|b\n1\n")).isInstanceOf(QuiverException.class).hasMessageContaining("line 2");
        assertThatThrownBy(() -> ExpectedResult.parse("")).isInstanceOf(QuiverException.class);
    }

    @Test
    void loadsShippedAnswers() {
        ExpectedResult q1 = ExpectedResult.forQuery(1, 1).orElseThrow();
        assertThat(q1.columnNames()).startsWith("l_returnflag", "l_linestatus", "sum_qty");
        assertThat(q1.rows()).hasSize(4);
        assertThat(ExpectedResult.forQuery(0.01, 22)).isPresent();
        assertThat(ExpectedResult.forQuery(0.1, 13)).isPresent();
        assertThat(ExpectedResult.forQuery(0.5, 1)).isEmpty();
    }

    @Test
    void rowsWhoseOrderByKeysTieMayComeInAnyOrder() {
        // Q11's shape: parts ordered by value descending, two of them with the same value.
        ExpectedResult expected = ExpectedResult.parse("ps_partkey|value\n7|30.00\n782948|20.00\n170816|20.00\n5|10.00\n");
        int[] byValue = {1};
        List<List<Object>> swapped = List.of(List.of(7L, new BigDecimal("30.00")), List.of(170816L, new BigDecimal("20.00")),
                List.of(782948L, new BigDecimal("20.00")), List.of(5L, new BigDecimal("10.00")));
        assertThat(AnswerComparator.compare(expected, swapped, byValue).matches()).isTrue();
        assertThat(AnswerComparator.compare(expected, swapped, true).matches()).as("in exactly the expected order").isFalse();
        // Rows out of their keys' order.
        List<List<Object>> misordered = List.of(List.of(170816L, new BigDecimal("20.00")), List.of(7L, new BigDecimal("30.00")),
                List.of(782948L, new BigDecimal("20.00")), List.of(5L, new BigDecimal("10.00")));
        Verification v = AnswerComparator.compare(expected, misordered, byValue);
        assertThat(v.matches()).isFalse();
        assertThat(v.message()).isEqualTo("row 1, ORDER BY column value: expected '30.00' but got '20.00'");
        // Other rows with the same keys.
        List<List<Object>> other = List.of(List.of(7L, new BigDecimal("30.00")), List.of(170816L, new BigDecimal("20.00")),
                List.of(4L, new BigDecimal("20.00")), List.of(5L, new BigDecimal("10.00")));
        assertThat(AnswerComparator.compare(expected, other, byValue).matches()).isFalse();
        assertThat(AnswerComparator.compare(expected, other.subList(0, 3), byValue).matches()).isFalse();
    }

    @Test
    void numbersMatchWithinTolerance() {
        List<List<Object>> actual = List.of(
                List.of("A", "F", new BigDecimal("37734107.000"), 0.04998529583839761, 1478493L),
                List.of("N", "F", new BigDecimal("991417.00"), 0.0500934266742163, 1478493L - 1439639L));
        assertThat(AnswerComparator.compare(Q1_LIKE, actual, true).matches()).isTrue();
        // A DOUBLE where the answer has a decimal, and a decimal where it has a double.
        assertThat(AnswerComparator.cellMatches("123141078.2283", 123141078.22830001)).isTrue();
        assertThat(AnswerComparator.cellMatches("0.049985295838397614", new BigDecimal("0.04998530"))).isTrue();
        assertThat(AnswerComparator.cellMatches("0", 0.0)).isTrue();
        assertThat(AnswerComparator.cellMatches("0.00", 1e-15)).isTrue();
        assertThat(AnswerComparator.cellMatches("100.00", 100.001)).isFalse();
        assertThat(AnswerComparator.cellMatches("abc", 1)).isFalse();
    }

    @Test
    void textAndDatesMatchExactly() {
        assertThat(AnswerComparator.cellMatches("BRAZIL", "BRAZIL")).isTrue();
        assertThat(AnswerComparator.cellMatches("BRAZIL", "Brazil")).isFalse();
        assertThat(AnswerComparator.cellMatches("BRAZIL", "BRAZIL ")).isFalse();
        assertThat(AnswerComparator.cellMatches("1995-03-05", LocalDate.of(1995, 3, 5))).isTrue();
        assertThat(AnswerComparator.cellMatches("true", true)).isTrue();
    }

    @Test
    void nullMatchesOnlyNull() {
        assertThat(AnswerComparator.cellMatches(null, null)).isTrue();
        assertThat(AnswerComparator.cellMatches(null, "")).isFalse();
        assertThat(AnswerComparator.cellMatches(null, 0)).isFalse();
        assertThat(AnswerComparator.cellMatches("0", null)).isFalse();
        ExpectedResult withNull = ExpectedResult.parse("a|b\n1|\n");
        assertThat(AnswerComparator.compare(withNull, List.of(Arrays.asList(1, null)), true).matches()).isTrue();
        Verification v = AnswerComparator.compare(withNull, List.of(Arrays.asList(1, 5)), true);
        assertThat(v.matches()).isFalse();
        assertThat(v.message()).contains("column b").contains("expected NULL but got '5'");
    }

    @Test
    void detectsAWrongValue() {
        List<List<Object>> actual = List.of(
                List.of("A", "F", new BigDecimal("37734107.00"), 0.049985295838397614, 1478493L),
                List.of("N", "F", new BigDecimal("991418.00"), 0.05009342667421629, 38854L));
        Verification v = AnswerComparator.compare(Q1_LIKE, actual, true);
        assertThat(v.matches()).isFalse();
        assertThat(v.message()).isEqualTo("row 2, column sum_qty: expected '991417.00' but got '991418.00'");
        assertThat(v.expectedRow()).contains("N|F|991417.00|0.05009342667421629|38854");
        assertThat(v.actualRow()).contains("N|F|991418.00|0.05009342667421629|38854");
    }

    @Test
    void detectsAMissingAndAnExtraRow() {
        List<Object> first = List.of("A", "F", new BigDecimal("37734107.00"), 0.049985295838397614, 1478493L);
        List<Object> second = List.of("N", "F", new BigDecimal("991417.00"), 0.05009342667421629, 38854L);
        Verification missing = AnswerComparator.compare(Q1_LIKE, List.of(first), true);
        assertThat(missing.matches()).isFalse();
        assertThat(missing.message()).isEqualTo("missing row 2 (expected 2 rows, got 1)");
        assertThat(missing.expectedRow()).contains("N|F|991417.00|0.05009342667421629|38854");
        assertThat(missing.actualRow()).isEmpty();

        Verification extra = AnswerComparator.compare(Q1_LIKE, List.of(first, second, second), true);
        assertThat(extra.matches()).isFalse();
        assertThat(extra.message()).startsWith("unexpected row 3");
        // A missing row is found even when it is not the last: the first difference is reported.
        Verification gap = AnswerComparator.compare(Q1_LIKE, List.of(second), true);
        assertThat(gap.matches()).isFalse();
        assertThat(gap.message()).startsWith("row 1, column l_returnflag");
    }

    @Test
    void orderMattersOnlyForOrderedQueries() {
        List<Object> first = List.of("A", "F", new BigDecimal("37734107.00"), 0.049985295838397614, 1478493L);
        List<Object> second = List.of("N", "F", new BigDecimal("991417.00"), 0.05009342667421629, 38854L);
        assertThat(AnswerComparator.compare(Q1_LIKE, List.of(second, first), false).matches()).isTrue();
        Verification ordered = AnswerComparator.compare(Q1_LIKE, List.of(second, first), true);
        assertThat(ordered.matches()).isFalse();
        assertThat(ordered.message()).startsWith("row 1, column l_returnflag: expected 'A' but got 'N'");
        // Unordered comparison sorts numbers by value, not by text.
        ExpectedResult numbers = ExpectedResult.parse("n\n9\n10\n");
        assertThat(AnswerComparator.compare(numbers, List.of(List.of(10L), List.of(9L)), false).matches()).isTrue();
        assertThat(AnswerComparator.compare(numbers, List.of(List.of(10L), List.of(8L)), false).matches()).isFalse();
    }

    @Test
    void columnCountMustMatch() {
        Verification v = AnswerComparator.compare(Q1_LIKE, List.of(List.of("A", "F")), true);
        assertThat(v.matches()).isFalse();
        assertThat(v.message()).contains("expected 5 columns");
    }
}
