package dev.quiver.engine.statement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class ExplainOutputTest {
    @Test
    void peakMemoryInTheLargestBinaryUnitInAnyLocale() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertThat(ExplainOutput.bytes(0)).isEqualTo("0 B");
            assertThat(ExplainOutput.bytes(1023)).isEqualTo("1023 B");
            assertThat(ExplainOutput.bytes(1024)).isEqualTo("1.0 KiB");
            assertThat(ExplainOutput.bytes(1536)).isEqualTo("1.5 KiB");
            assertThat(ExplainOutput.bytes(12_897_485)).isEqualTo("12.3 MiB");
            assertThat(ExplainOutput.bytes(8L << 30)).isEqualTo("8.0 GiB");
            assertThat(ExplainOutput.bytes(Long.MAX_VALUE)).isEqualTo("8.0 EiB");
        } finally {
            Locale.setDefault(saved);
        }
    }
}
