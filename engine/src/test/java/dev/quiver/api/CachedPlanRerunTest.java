package dev.quiver.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A query run again from the session's plan cache reuses its pipelines' generated classes, but
 * reads this run's data: the hash tables its probes read are this run's, not those of the run that
 * generated the code.
 */
class CachedPlanRerunTest extends ApiTestSupport {
    @ParameterizedTest
    @ValueSource(strings = {"compile", "verify"})
    void aCachedJoinPlanSeesRowsInsertedSinceItsLastRun(String mode) {
        executionMode(mode);
        exec("CREATE TABLE a (k INTEGER, v INTEGER)");
        exec("CREATE TABLE b (k INTEGER, w INTEGER)");
        exec("INSERT INTO a VALUES (1, 10), (2, 20)");
        exec("INSERT INTO b VALUES (1, 100)");
        String query = "SELECT a.k, sum(v + w) FROM a JOIN b ON a.k = b.k WHERE a.v > 0 GROUP BY a.k ORDER BY a.k";
        assertThat(rows(query)).isEqualTo(List.of(row(1, 110L)));
        exec("INSERT INTO b VALUES (2, 200), (1, 1)");
        assertThat(rows(query)).isEqualTo(List.of(row(1, 121L), row(2, 220L)));
        exec("INSERT INTO a VALUES (2, 5)");
        assertThat(rows(query)).isEqualTo(List.of(row(1, 121L), row(2, 425L)));
    }
}
