package dev.quiver.tpch;

import dev.quiver.planner.catalog.ColumnStatistics;
import dev.quiver.planner.catalog.TableStatistics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Table statistics as text, one line per column: table, column, table rows, nulls, distinct
 * values, min and max (a dash for unknown). Plan tests inject them into empty tables to plan as if
 * the data were loaded.
 */
final class StatisticsFile {
    static final String HEADER = "# table\tcolumn\trows\tnulls\tdistinct\tmin\tmax";

    private StatisticsFile() {
    }

    /** The lines describing one table's columns, named in table order. */
    static List<String> format(String table, List<String> columns, TableStatistics statistics) {
        List<String> lines = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            ColumnStatistics s = statistics.column(c);
            lines.add(String.join("\t", table, columns.get(c), Long.toString(statistics.rowCount()), Long.toString(s.nullCount()),
                    s.distinct().isPresent() ? Long.toString(s.distinct().getAsLong()) : "-", number(s.min()), number(s.max())));
        }
        return lines;
    }

    private static String number(OptionalDouble d) {
        return d.isPresent() ? Double.toString(d.getAsDouble()) : "-";
    }

    /** Statistics per table, from lines {@link #format} wrote (comments and blank lines skipped). */
    static Map<String, TableStatistics> parse(List<String> lines) {
        Map<String, Long> rows = new LinkedHashMap<>();
        Map<String, List<ColumnStatistics>> columns = new LinkedHashMap<>();
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            if (f.length != 7) {
                throw new IllegalArgumentException("statistics line needs 7 fields: " + line);
            }
            rows.put(f[0], Long.parseLong(f[2]));
            columns.computeIfAbsent(f[0], t -> new ArrayList<>()).add(new ColumnStatistics(Long.parseLong(f[3]),
                    f[4].equals("-") ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(f[4])), parseNumber(f[5]), parseNumber(f[6])));
        }
        Map<String, TableStatistics> out = new LinkedHashMap<>();
        rows.forEach((table, count) -> out.put(table, new TableStatistics(count, columns.get(table))));
        return out;
    }

    private static OptionalDouble parseNumber(String s) {
        return s.equals("-") ? OptionalDouble.empty() : OptionalDouble.of(Double.parseDouble(s));
    }
}
