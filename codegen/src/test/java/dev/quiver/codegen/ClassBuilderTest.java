package dev.quiver.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The generated class's accumulator: batch-start statements are complete once the push takes them. */
class ClassBuilderTest {
    @Test
    void batchStartStatementsComeInOrderAndNoneAfterThePushTookThem() {
        ClassBuilder cb = new ClassBuilder();
        cb.batchStartLine("a = -1;");
        cb.batchStartLine("b = -1;");
        assertThat(cb.batchStartLines()).containsExactly("a = -1;", "b = -1;");
        assertThatThrownBy(() -> cb.batchStartLine("c = -1;")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("after the push was written");
    }
}
