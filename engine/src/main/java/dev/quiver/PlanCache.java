package dev.quiver;

import static java.util.Objects.requireNonNull;

import dev.quiver.engine.storage.Table;
import dev.quiver.parser.ast.Query;
import dev.quiver.planner.optimizer.OptimizerSettings;
import dev.quiver.planner.physical.PhysicalPlan;
import dev.quiver.planner.physical.TableScan;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A session's plans of recent queries, so that running a query again skips binding and
 * optimizing (as a prepared statement would). A plan is reused for the same query (the same
 * syntax tree, so the same text) under the same optimizer settings while the catalog's version is
 * the one it was planned at (no table, view or index was created or dropped since) and no table it
 * scans has grown or shrunk past {@link #REPLAN_FACTOR} times its size then. A plan stays correct
 * for any data in the same tables; the size bound only keeps the estimates that chose it near the
 * truth. Not thread-safe: a session runs one statement at a time.
 *
 * <p>The syntax tree is the whole key because it is all the binder reads besides the catalog: a
 * query with parameters ({@code ?}, which queries do not accept today) would need their values in
 * the key too.
 *
 * @param <P> what is kept per query: the plan and what the session needs with it
 */
final class PlanCache<P> {
    /** Queries remembered per session: more than an application's handful of hot statements, each plan a few KB. */
    static final int MAX_PLANS = 64;
    /** Growth (or shrinkage) of a scanned table past which a query is planned again, its estimates being that far off. */
    static final long REPLAN_FACTOR = 2;

    private record Key(Query query, OptimizerSettings settings) {
    }

    private record Entry<P>(P plan, long catalogVersion, Map<Table, Long> rows) {
    }

    private final Map<Key, Entry<P>> entries = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Entry<P>> eldest) {
            return size() > MAX_PLANS;
        }
    };

    /** The plan kept for {@code query}, if one is and still holds at {@code catalogVersion}. */
    Optional<P> get(Query query, OptimizerSettings settings, long catalogVersion) {
        Key key = new Key(query, settings);
        Entry<P> entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (entry.catalogVersion() != catalogVersion || !sizesHold(entry.rows())) {
            entries.remove(key);
            return Optional.empty();
        }
        return Optional.of(entry.plan());
    }

    /** Keeps {@code plan}, made for {@code query} from {@code physical} at {@code catalogVersion}. */
    void put(Query query, OptimizerSettings settings, long catalogVersion, PhysicalPlan physical, P plan) {
        Map<Table, Long> rows = new IdentityHashMap<>();
        collectScans(physical, rows);
        entries.put(new Key(query, settings), new Entry<>(requireNonNull(plan, "plan"), catalogVersion, rows));
    }

    int size() {
        return entries.size();
    }

    private static void collectScans(PhysicalPlan plan, Map<Table, Long> rows) {
        if (plan.operator() instanceof TableScan scan && scan.table() instanceof Table table) {
            rows.put(table, table.rowCount());
        }
        for (PhysicalPlan input : plan.inputs()) {
            collectScans(input, rows);
        }
    }

    private static boolean sizesHold(Map<Table, Long> rows) {
        for (Map.Entry<Table, Long> e : rows.entrySet()) {
            long then = Math.max(1, e.getValue());
            long now = Math.max(1, e.getKey().rowCount());
            if (now > then * REPLAN_FACTOR || then > now * REPLAN_FACTOR) {
                return false;
            }
        }
        return true;
    }
}
