package dev.quiver.tpch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DifferentialSelectionTest {
    @Test
    void selectionComesFromTheSystemPropertyValue() {
        assertThat(DifferentialSelection.parse("supported").queries()).isEqualTo(TpchQueries.SUPPORTED);
        assertThat(DifferentialSelection.parse("ALL").queries()).isEqualTo(TpchQueries.ALL);
        assertThat(DifferentialSelection.parse("1, q6,13").queries()).containsExactly(1, 6, 13);
        assertThat(DifferentialSelection.parse(DifferentialSelection.DEFAULT).queries()).isNotEmpty();
        assertThatThrownBy(() -> DifferentialSelection.parse("joins")).hasMessageContaining("'all', 'supported' or query numbers");
    }
}
