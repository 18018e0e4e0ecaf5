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
        assertThat(cb.batchStartMethod()).isEqualTo(ClassBuilder.BATCH_START_METHOD + "();");
        String source = cb.source("Probe", "    public void push(Batch batch, int morsel) {\n    }\n");
        assertThat(source).contains("    private void " + ClassBuilder.BATCH_START_METHOD + "() {\n        a = -1;\n        b = -1;\n    }\n");
        assertThatThrownBy(() -> cb.batchStartLine("c = -1;")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("after the push was written");
    }
}
