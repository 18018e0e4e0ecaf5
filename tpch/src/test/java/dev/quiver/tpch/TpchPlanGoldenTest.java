package dev.quiver.tpch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.Database;
import dev.quiver.Quiver;
import dev.quiver.Result;
import dev.quiver.Session;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden plans: the EXPLAIN (RULES) output (the plan and the rules that fired) of the 22 TPC-H
 * queries over empty tables that carry the statistics of scale factor 1 ({@link TpchStatistics}),
 * compared with {@code plans/qNN.plan}. A change that alters a plan shows here as a diff to review.
 *
 * <p>Regenerate, never edit by hand:
 * <ul>
 *   <li>plans: {@code mvn -pl tpch test -Dtest=TpchPlanGoldenTest -Dgolden.update=true};
 *   <li>statistics (loads SF 1): {@code mvn -pl tpch test -Dtest=TpchStatisticsRegeneration -Dgolden.statistics=true},
 *       see {@link TpchStatisticsRegeneration}.
 * </ul>
 */
class TpchPlanGoldenTest {
    /** Where the golden files live in the source tree (the module directory is the working directory of tests). */
    static final Path SOURCE = Path.of("src/test/resources/plans");

    private static Database db;
    private static Session session;

    @BeforeAll
    static void createTablesWithStatistics() {
        db = Quiver.openInMemory();
        TpchStatistics.createWithScaleFactorOneStatistics(db);
        session = db.connect();
        assertThat(TpchStatistics.scaleFactorOne().keySet())
                .containsExactlyInAnyOrderElementsOf(TpchTables.ALL.stream().map(TpchTableDefinition::name).toList());
    }

    @AfterAll
    static void close() {
        session.close();
        db.close();
    }

    static List<Integer> queries() {
        return TpchQueries.ALL;
    }

    @ParameterizedTest(name = "Q{0}")
    @MethodSource("queries")
    void planMatchesTheGoldenFile(int query) throws IOException {
        String plan = explain(session, query);
        String file = String.format("q%02d.plan", query);
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(SOURCE);
            Files.writeString(SOURCE.resolve(file), plan);
            return;
        }
        assertThat(plan).as("%s differs; if the change is intended, regenerate with -Dgolden.update=true", file).isEqualTo(resource(file));
    }

    /**
     * The EXPLAIN (RULES) text of the query's SELECT (for Q15 the one between its CREATE and DROP
     * VIEW, which run too): the plan and the rules that fired, times masked.
     */
    static String explain(Session session, int query) {
        return TpchQueries.aroundSelect(session, query, select -> {
            try (Result r = session.execute("EXPLAIN (RULES) " + select)) {
                return r.rows().stream().map(row -> String.valueOf(row.get(0))).map(line -> line.replaceAll("\\d+(\\.\\d+)? ms", "_ ms"))
                        .collect(Collectors.joining("\n", "", "\n"));
            }
        });
    }

    private static String resource(String name) {
        try (InputStream in = TpchPlanGoldenTest.class.getResourceAsStream("/plans/" + name)) {
            if (in == null) {
                throw new AssertionError("no resource plans/" + name + "; generate it (see the class comment)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
