package dev.quiver.tpch;

import dev.quiver.Database;
import dev.quiver.Quiver;
import dev.quiver.Session;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Writes {@code sf1-statistics.tsv} ({@link TpchStatistics}), the statistics plan tests and the
 * planning benchmark plan with,
 * from a freshly loaded scale factor 1. A generator, not a test: it runs only when asked for with
 * {@code mvn -pl tpch test -Dtest=TpchStatisticsRegeneration -Dgolden.statistics=true}; then
 * regenerate the plans too.
 */
@EnabledIfSystemProperty(named = "golden.statistics", matches = "true")
class TpchStatisticsRegeneration {
    @Test
    void writeStatisticsOfScaleFactorOne() throws IOException {
        try (Database db = Quiver.openInMemory(); Session session = db.connect()) {
            TpchDataGenerator.load(session, 1);
            List<String> lines = new ArrayList<>(List.of(TpchStatistics.HEADER));
            for (TpchTableDefinition<?> table : TpchTables.ALL) {
                lines.addAll(TpchStatistics.format(table.name(), table.columnNames(), db.statistics(table.name())));
            }
            Files.write(Path.of("src/main/resources/dev/quiver/tpch").resolve(TpchStatistics.SF1), lines);
        }
    }
}
