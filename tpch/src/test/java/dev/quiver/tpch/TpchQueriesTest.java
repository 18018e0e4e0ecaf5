package dev.quiver.tpch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.error.QuiverException;
import dev.quiver.parser.SqlParser;
import org.junit.jupiter.api.Test;

class TpchQueriesTest {
    @Test
    void allTwentyTwoQueriesParse() {
        for (int q : TpchQueries.ALL) {
            assertThat(SqlParser.parseScript(TpchQueries.text(q))).as("Q%d", q).hasSize(q == 15 ? 3 : 1);
            assertThat(TpchQueries.statements(q)).as("Q%d", q).hasSize(q == 15 ? 3 : 1);
        }
    }

    @Test
    void usesTheValidationParameters() {
        assertThat(TpchQueries.text(1)).contains("date '1998-12-01' - interval '90' day");
        assertThat(TpchQueries.text(6)).contains("between 0.06 - 0.01 and 0.06 + 0.01", "l_quantity < 24");
        assertThat(TpchQueries.text(15)).contains("create view revenue0", "drop view revenue0");
        assertThat(TpchQueries.text(22)).contains("('13', '31', '23', '29', '30', '18', '17')");
    }

    @Test
    void knowsWhichQueriesOrderTheirResult() {
        for (int q : TpchQueries.ALL) {
            boolean unordered = q == 6 || q == 14 || q == 17 || q == 19;
            assertThat(TpchQueries.isOrdered(q)).as("Q%d", q).isEqualTo(!unordered);
        }
    }

    @Test
    void supportedQueriesAreAListOfValidNumbers() {
        assertThat(TpchQueries.SUPPORTED).isNotEmpty().allMatch(TpchQueries.ALL::contains);
        assertThatThrownBy(() -> TpchQueries.text(23)).isInstanceOf(QuiverException.class).hasMessageContaining("1 to 22");
    }
}
