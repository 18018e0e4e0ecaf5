package dev.quiver.exec.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.exec.expr.ConstantFolder;
import dev.quiver.exec.pipeline.DriverFactory;
import dev.quiver.exec.pipeline.InterpretedDriverFactory;
import dev.quiver.exec.pipeline.QueryContext;
import dev.quiver.exec.pipeline.QueryExecutor;
import dev.quiver.exec.pipeline.QueryOutput;
import dev.quiver.exec.pipeline.Scheduler;
import dev.quiver.exec.pipeline.SnapshotProvider;
import dev.quiver.exec.pipeline.TableSnapshot;
import dev.quiver.exec.vector.ArrowColumns;
import dev.quiver.exec.vector.ValueVector;
import dev.quiver.exec.vector.Values;
import dev.quiver.parser.SqlParser;
import dev.quiver.parser.ast.QueryStatement;
import dev.quiver.planner.binder.Binder;
import dev.quiver.planner.binder.ColumnIdAllocator;
import dev.quiver.planner.catalog.Catalog;
import dev.quiver.planner.catalog.ColumnMetadata;
import dev.quiver.planner.catalog.TableHandle;
import dev.quiver.planner.catalog.TableStatistics;
import dev.quiver.planner.optimizer.Optimizer;
import dev.quiver.planner.optimizer.OptimizerSettings;
import dev.quiver.planner.physical.PhysicalPlan;
import dev.quiver.planner.rule.RuleContext;
import dev.quiver.planner.type.DataType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Just enough of an engine to run SQL through the real parser, binder, optimizer and the
 * interpreted executor on a scheduler of two workers, over in-memory tables made of small chunks
 * (so a few thousand rows are many morsels). Every query gets its own child allocator, and closing
 * its context fails the test if anything leaked.
 */
public final class MiniDb implements AutoCloseable {
    public static final int WORKERS = 2;

    private final RootAllocator root = new RootAllocator();
    private final Scheduler scheduler = new Scheduler(WORKERS);
    private final Map<String, FakeTable> tables = new LinkedHashMap<>();

    /** A table of the given rows (canonical Java values), stored in chunks of {@code chunkRows}. */
    public FakeTable table(String name, List<ColumnMetadata> columns, List<Object[]> rows, int chunkRows) {
        FakeTable t = new FakeTable(name, columns, rows, chunkRows, root);
        tables.put(name, t);
        return t;
    }

    public PhysicalPlan plan(String sql) {
        ColumnIdAllocator ids = new ColumnIdAllocator();
        Catalog catalog = new Catalog() {
            @Override
            public Optional<TableHandle> table(String name) {
                return Optional.ofNullable(tables.get(name));
            }

            @Override
            public Collection<String> tableNames() {
                return tables.keySet();
            }
        };
        var bound = new Binder(catalog, ids).bindQuery(((QueryStatement) SqlParser.parseStatement(sql)).query());
        return Optimizer.withDefaults().optimize(bound.plan(), new RuleContext(ids, new ConstantFolder()), OptimizerSettings.defaults())
                .plan();
    }

    /** A query context with its own allocator; snapshots come from the provider. */
    public QueryContext context(SnapshotProvider snapshots) {
        return new QueryContext(root.newChildAllocator("query", 0, 256L << 20), scheduler, snapshots, WORKERS);
    }

    public QueryContext context() {
        return context(t -> ((FakeTable) t).snapshot());
    }

    /** Runs the query and returns its rows; the context is closed (and checked for leaks) before returning. */
    public List<List<Object>> query(String sql) {
        return run(plan(sql), context());
    }

    /** The same, with pipelines run by the given driver factory (interpreted or compiled). */
    public List<List<Object>> query(String sql, DriverFactory factory) {
        return run(plan(sql), context(), factory);
    }

    public List<List<Object>> run(PhysicalPlan plan, QueryContext context) {
        return run(plan, context, InterpretedDriverFactory.INSTANCE);
    }

    public List<List<Object>> run(PhysicalPlan plan, QueryContext context, DriverFactory factory) {
        List<String> names = plan.outputColumns().stream().map(c -> c.name()).toList();
        try (QueryContext c = context) {
            try (QueryOutput output = QueryExecutor.execute(plan, names, c, factory)) {
                return rows(output);
            }
        }
    }

    public static List<List<Object>> rows(QueryOutput output) {
        List<List<Object>> rows = new ArrayList<>();
        for (VectorSchemaRoot batch : output.batches()) {
            for (int r = 0; r < batch.getRowCount(); r++) {
                List<Object> row = new ArrayList<>();
                for (int c = 0; c < output.types().size(); c++) {
                    row.add(ArrowColumns.getObject(batch.getVector(c), output.types().get(c), r));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    @Override
    public void close() {
        tables.values().forEach(FakeTable::close);
        scheduler.close();
        assertThat(root.getAllocatedMemory()).as("memory still allocated at the end").isZero();
        root.close();
    }

    /** A table whose chunks are built once from Java rows. */
    public static final class FakeTable implements TableHandle, AutoCloseable {
        private final String name;
        private final List<ColumnMetadata> columns;
        private final List<FieldVector[]> chunks = new ArrayList<>();
        private final List<Integer> sizes = new ArrayList<>();
        private final long rows;

        FakeTable(String name, List<ColumnMetadata> columns, List<Object[]> data, int chunkRows, BufferAllocator allocator) {
            this.name = name;
            this.columns = columns;
            this.rows = data.size();
            for (int from = 0; from < data.size(); from += chunkRows) {
                int n = Math.min(chunkRows, data.size() - from);
                FieldVector[] vectors = new FieldVector[columns.size()];
                for (int c = 0; c < columns.size(); c++) {
                    DataType type = columns.get(c).type();
                    ValueVector values = new ValueVector(type, n);
                    for (int r = 0; r < n; r++) {
                        Values.set(values, r, data.get(from + r)[c]);
                    }
                    vectors[c] = ArrowColumns.create(columns.get(c).name(), type, allocator, false);
                    ArrowColumns.write(values, null, n, vectors[c]);
                }
                chunks.add(vectors);
                sizes.add(n);
            }
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public List<ColumnMetadata> columns() {
            return columns;
        }

        @Override
        public TableStatistics statistics() {
            return new TableStatistics(rows);
        }

        public int chunkCount() {
            return chunks.size();
        }

        public TableSnapshot snapshot() {
            return new TableSnapshot() {
                @Override
                public int chunkCount() {
                    return chunks.size();
                }

                @Override
                public int rowCount(int chunk) {
                    return sizes.get(chunk);
                }

                @Override
                public FieldVector column(int chunk, int ordinal) {
                    return chunks.get(chunk)[ordinal];
                }

                @Override
                public void close() {
                }
            };
        }

        @Override
        public void close() {
            for (FieldVector[] chunk : chunks) {
                for (FieldVector v : chunk) {
                    v.close();
                }
            }
        }
    }
}
