package dev.quiver.tpch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.Database;
import dev.quiver.Quiver;
import dev.quiver.Session;
import dev.quiver.tpch.QueryReport.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class QueryRunsTest {
    @Test
    void variantsTakeTurnsInAlternatingOrderAndAFailingOneStopsAlone() {
        try (Database db = Quiver.openInMemory(); Session s = db.connect()) {
            TpchDataGenerator.load(s, 0.01);
            List<String> log = new ArrayList<>();
            Consumer<Session> a = session -> {
                log.add("a");
                session.set("memory_limit", "1GB");
            };
            Consumer<Session> b = session -> {
                log.add("b");
                // From its third run (the second timed one) on, b has too little memory to run the query.
                session.set("memory_limit", log.stream().filter("b"::equals).count() >= 3 ? "1KB" : "1GB");
            };
            List<QueryReport> reports = QueryRuns.measure(s, 1, 0.01, 4, ExpectedResult.forQuery(0.01, 1), List.of(a, b));

            // first runs a, b; timed rounds a b, b a (b fails), a, a
            assertThat(log).containsExactly("a", "b", "a", "b", "b", "a", "a", "a");
            assertThat(reports.get(0).status()).isEqualTo(Status.VERIFIED);
            assertThat(reports.get(0).rows()).isEqualTo(4);
            assertThat(reports.get(0).medianMillis()).isPositive();
            assertThat(reports.get(1).status()).isEqualTo(Status.FAILED);
            assertThat(reports.get(1).rows()).isEqualTo(4);
            assertThat(reports.get(1).medianMillis()).isNaN();
            assertThat(reports.get(1).detail().orElseThrow()).startsWith("ERROR in a timed run: ").contains("memory_limit");

            // A variant whose first run fails is not timed; the other still is.
            log.clear();
            Consumer<Session> starved = session -> {
                log.add("starved");
                session.set("memory_limit", "1KB");
            };
            reports = QueryRuns.measure(s, 1, 0.01, 2, Optional.empty(), List.of(starved, a));
            assertThat(log).containsExactly("starved", "a", "a", "a");
            assertThat(reports.get(0).status()).isEqualTo(Status.FAILED);
            assertThat(reports.get(0).ran()).isFalse();
            assertThat(reports.get(1).status()).isEqualTo(Status.UNVERIFIED);
            assertThat(reports.get(1).minMillis()).isPositive();
        }
    }
}
