package dev.quiver.tpch;

import dev.quiver.Database;
import dev.quiver.Quiver;
import dev.quiver.Session;
import dev.quiver.testing.StoredTables;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Writes {@code plans/sf1-statistics.tsv}, the statistics {@link TpchPlanGoldenTest} plans with,
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
            List<String> lines = new ArrayList<>(List.of(StatisticsFile.HEADER));
            for (TpchTableDefinition<?> table : TpchTables.ALL) {
                lines.addAll(StatisticsFile.format(table.name(), table.columnNames(), StoredTables.table(db, table.name()).statistics()));
            }
            Files.createDirectories(TpchPlanGoldenTest.SOURCE);
            Files.write(TpchPlanGoldenTest.SOURCE.resolve(TpchPlanGoldenTest.STATISTICS), lines);
        }
    }
}
