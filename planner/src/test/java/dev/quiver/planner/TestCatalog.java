package dev.quiver.planner;

import dev.quiver.planner.catalog.Catalog;
import dev.quiver.planner.catalog.ColumnMetadata;
import dev.quiver.planner.catalog.ColumnStatistics;
import dev.quiver.planner.catalog.TableHandle;
import dev.quiver.planner.catalog.TableStatistics;
import dev.quiver.planner.type.DataType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An in-memory catalog for planner tests. The default one holds
 * <ul>
 *   <li>{@code t(a INTEGER, b BIGINT, c DECIMAL(15,2), d VARCHAR, e DATE, f DOUBLE)}, 1000 rows;</li>
 *   <li>{@code u(x INTEGER NOT NULL, y VARCHAR(10), z DECIMAL(38,10), w TIMESTAMP, s SMALLINT, r REAL)}, 50 rows;</li>
 *   <li>{@code lineitem(l_orderkey BIGINT, l_quantity DECIMAL(15,2), l_extendedprice DECIMAL(15,2),
 *       l_discount DECIMAL(15,2), l_tax DECIMAL(15,2), l_returnflag VARCHAR(1), l_shipdate DATE)}, 6000 rows.</li>
 * </ul>
 */
public final class TestCatalog implements Catalog {
    /** A table handle: a name, columns and a row count. Identity is object identity, as the interface says. */
    public static final class Table implements TableHandle {
        private final String name;
        private final List<ColumnMetadata> columns;
        private final long rows;
        private final Map<Integer, Long> distinct = new java.util.HashMap<>();
        private final Map<Integer, ColumnStatistics> columnStatistics = new java.util.HashMap<>();

        public Table(String name, List<ColumnMetadata> columns, long rows) {
            this.name = name;
            this.columns = List.copyOf(columns);
            this.rows = rows;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public List<ColumnMetadata> columns() {
            return columns;
        }

        /** The row count, and per column the statistics given by {@link #withStatistics} (with the distinct count of {@link #withDistinct}). */
        @Override
        public TableStatistics statistics() {
            List<ColumnStatistics> list = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                ColumnStatistics c = columnStatistics.getOrDefault(i, ColumnStatistics.UNKNOWN);
                list.add(distinct.containsKey(i) ? new ColumnStatistics(c.nullCount(), java.util.OptionalLong.of(distinct.get(i)), c.min(), c.max()) : c);
            }
            return new TableStatistics(rows, list);
        }

        /** Makes the table report a distinct count for a column (none by default). */
        public Table withDistinct(String column, long values) {
            distinct.put(ordinal(column), values);
            return this;
        }

        /** Makes the table report these statistics for a column (nothing known by default). */
        public Table withStatistics(String column, ColumnStatistics statistics) {
            int ordinal = ordinal(column);
            columnStatistics.put(ordinal, statistics);
            statistics.distinct().ifPresent(d -> distinct.put(ordinal, d));
            return this;
        }

        private int ordinal(String column) {
            for (int i = 0; i < columns.size(); i++) {
                if (columns.get(i).name().equals(column)) {
                    return i;
                }
            }
            throw new IllegalArgumentException("no column " + column);
        }

        @Override
        public java.util.OptionalLong distinctValues(int ordinal) {
            Long d = distinct.get(ordinal);
            return d == null ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(d);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private final Map<String, Table> tables = new LinkedHashMap<>();

    public TestCatalog add(String name, long rows, ColumnMetadata... columns) {
        tables.put(name, new Table(name, List.of(columns), rows));
        return this;
    }

    public Table get(String name) {
        return tables.get(name);
    }

    public static ColumnMetadata column(String name, DataType type) {
        return new ColumnMetadata(name, type, true);
    }

    public static ColumnMetadata notNull(String name, DataType type) {
        return new ColumnMetadata(name, type, false);
    }

    public static TestCatalog standard() {
        return new TestCatalog()
                .add("t", 1000, column("a", DataType.INTEGER), column("b", DataType.BIGINT),
                        column("c", DataType.decimal(15, 2)), column("d", DataType.VARCHAR), column("e", DataType.DATE),
                        column("f", DataType.DOUBLE))
                .add("u", 50, notNull("x", DataType.INTEGER), column("y", DataType.varchar(10)),
                        column("z", DataType.decimal(38, 10)), column("w", DataType.TIMESTAMP),
                        column("s", DataType.SMALLINT), column("r", DataType.REAL))
                .add("lineitem", 6000, column("l_orderkey", DataType.BIGINT), column("l_quantity", DataType.decimal(15, 2)),
                        column("l_extendedprice", DataType.decimal(15, 2)), column("l_discount", DataType.decimal(15, 2)),
                        column("l_tax", DataType.decimal(15, 2)), column("l_returnflag", DataType.varchar(1)),
                        column("l_shipdate", DataType.DATE));
    }

    @Override
    public Optional<TableHandle> table(String name) {
        return Optional.ofNullable(tables.get(name));
    }

    @Override
    public Collection<String> tableNames() {
        return new ArrayList<>(tables.keySet());
    }
}
