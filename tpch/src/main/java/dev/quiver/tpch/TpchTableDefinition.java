package dev.quiver.tpch;

import static java.util.Objects.requireNonNull;

import io.trino.tpch.TpchEntity;
import io.trino.tpch.TpchTable;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One of the eight TPC-H tables: its name, its columns in the specification's order (clause
 * 1.4.1), the generator that produces its rows (the official data, from {@code io.trino.tpch}),
 * and its size at scale factor 1, used to split generation into parts.
 */
public final class TpchTableDefinition<E extends TpchEntity> {
    private final String name;
    private final List<TpchColumn<E>> columns;
    private final TpchTable<E> source;
    private final long rowsAtScaleOne;
    private final boolean scaled;

    TpchTableDefinition(String name, TpchTable<E> source, long rowsAtScaleOne, boolean scaled, List<TpchColumn<E>> columns) {
        this.name = requireNonNull(name, "name");
        this.source = requireNonNull(source, "source");
        this.rowsAtScaleOne = rowsAtScaleOne;
        this.scaled = scaled;
        this.columns = List.copyOf(columns);
    }

    /** The table's name, lower case (as in the queries). */
    public String name() {
        return name;
    }

    /** Column names in table order. */
    public List<String> columnNames() {
        return columns.stream().map(TpchColumn::name).toList();
    }

    /** The CREATE TABLE statement, every column NOT NULL as in dbgen's {@code dss.ddl}. */
    public String createTableSql() {
        return "CREATE TABLE " + name + " (\n"
                + columns.stream().map(c -> "    " + c.name() + " " + c.sqlType() + " NOT NULL").collect(Collectors.joining(",\n"))
                + "\n)";
    }

    /** Approximate rows at a scale factor (exact for every table but lineitem). */
    public long approximateRows(double scaleFactor) {
        return scaled ? (long) Math.ceil(rowsAtScaleOne * scaleFactor) : rowsAtScaleOne;
    }

    /** Whether the generator can split the table into parts (region and nation are fixed, tiny tables). */
    boolean splittable() {
        return scaled;
    }

    List<TpchColumn<E>> columns() {
        return columns;
    }

    /** The rows of part {@code part} (1-based) of {@code partCount}; all parts together are the whole table. */
    Iterable<E> generate(double scaleFactor, int part, int partCount) {
        return source.createGenerator(scaleFactor, part, partCount);
    }

    @Override
    public String toString() {
        return name;
    }
}
