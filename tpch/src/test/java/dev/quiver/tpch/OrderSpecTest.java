package dev.quiver.tpch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.testing.RowOrder;
import dev.quiver.testing.RowOrder.NullPlacement;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderSpecTest {
    private static final List<String> NAMES = List.of("k", "v");

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
            boolean unordered = q == 6 || q == 14 || q == 17 || q == 19;
            assertThat(OrderSpec.of(select).ordered()).as("Q%d", q).isEqualTo(!unordered);
        }
        assertThatThrownBy(() -> OrderSpec.of("select a from t order by a + 1").keys())
                .hasMessageContaining("not an output column name");
        assertThatThrownBy(() -> OrderSpec.of("select a from t order by b").columnIndexes(List.of("a")))
                .hasMessageContaining("ORDER BY key b is not a result column");
        assertThatThrownBy(() -> OrderSpecs.rowOrder(OrderSpec.of("select a from t order by b"), List.of("a"), 0))
                .hasMessageContaining("ORDER BY key b is not a result column");
    }

    @Test
    void keysBecomeResultColumnPositionsWithNullsWhereverTheEngineLikes() {
        RowOrder order = OrderSpecs.rowOrder(OrderSpec.of("select k, v from t order by v, K desc"), NAMES, 4);
        assertThat(order.keys()).containsExactly(new RowOrder.Key(1, false, NullPlacement.UNSPECIFIED),
                new RowOrder.Key(0, true, NullPlacement.UNSPECIFIED));
        assertThat(order.cutAtStart()).isFalse();
        assertThat(order.cutAtEnd()).isFalse();
        assertThat(OrderSpecs.rowOrder(OrderSpec.of("select k, v from t"), NAMES, 4)).isEqualTo(RowOrder.UNORDERED);
    }

    @Test
    void aLimitCutsTheLastTieGroupOnlyWhenItIsReached() {
        assertThat(OrderSpecs.rowOrder(OrderSpec.of("select k, v from t order by k limit 3;"), NAMES, 3).cutAtEnd()).isTrue();
        // Without the LIMIT cutting (fewer rows than the limit), the last group is compared whole.
        assertThat(OrderSpecs.rowOrder(OrderSpec.of("select k, v from t order by k limit 10"), NAMES, 3).cutAtEnd()).isFalse();
        assertThat(OrderSpecs.rowOrder(OrderSpec.of("select k, v from t order by k limit 3"), NAMES, 3).cutAtStart()).isFalse();
    }
}
