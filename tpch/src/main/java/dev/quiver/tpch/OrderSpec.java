package dev.quiver.tpch;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a query's text says about the order and number of its rows: the keys of its final ORDER BY
 * (output column names, each ascending or descending) and its LIMIT. TPC-H queries order only at
 * the top level and only by output columns, so the keys are found by name in the result
 * ({@link #columnIndexes}): the runner checks a result's order on them ({@link AnswerComparator}).
 *
 * @param keys the ORDER BY keys, empty when the query has no ORDER BY
 * @param limit the LIMIT, if any
 */
record OrderSpec(List<Key> keys, OptionalInt limit) {
    private static final Pattern COMMENT = Pattern.compile("--[^\\n]*");
    private static final Pattern ORDER_BY = Pattern.compile("(?is)\\border\\s+by\\b(.*?)(\\blimit\\b.*)?;?\\s*$");
    private static final Pattern LIMIT = Pattern.compile("(?is)\\blimit\\s+(\\d+)\\s*;?\\s*$");
    private static final Pattern KEY = Pattern.compile("(?i)^([a-z_][a-z0-9_]*)(?:\\s+(asc|desc))?$");

    /** One ORDER BY key: an output column name and its direction. */
    record Key(String column, boolean descending) {
    }

    OrderSpec {
        keys = List.copyOf(keys);
        requireNonNull(limit, "limit");
    }

    /** The order of {@code sql}, a single SELECT statement. */
    static OrderSpec of(String sql) {
        String text = COMMENT.matcher(sql).replaceAll("").trim();
        List<Key> keys = new ArrayList<>();
        int last = lastOrderBy(text);
        if (last >= 0) {
            Matcher m = ORDER_BY.matcher(text.substring(last));
            if (!m.matches()) {
                throw new IllegalArgumentException("cannot read the ORDER BY of: " + sql);
            }
            for (String item : m.group(1).split(",")) {
                Matcher k = KEY.matcher(item.trim());
                if (!k.matches()) {
                    throw new IllegalArgumentException("ORDER BY item '" + item.trim() + "' is not an output column name: " + sql);
                }
                keys.add(new Key(k.group(1).toLowerCase(Locale.ROOT), "desc".equalsIgnoreCase(k.group(2))));
            }
        }
        Matcher limit = LIMIT.matcher(text);
        return new OrderSpec(keys, limit.find() ? OptionalInt.of(Integer.parseInt(limit.group(1))) : OptionalInt.empty());
    }

    boolean ordered() {
        return !keys.isEmpty();
    }

    /** The result column index of each key, found by name (case-insensitive) in {@code columnNames}. */
    int[] columnIndexes(List<String> columnNames) {
        int[] indexes = new int[keys.size()];
        for (int k = 0; k < keys.size(); k++) {
            indexes[k] = -1;
            for (int c = 0; c < columnNames.size(); c++) {
                if (columnNames.get(c).equalsIgnoreCase(keys.get(k).column())) {
                    indexes[k] = c;
                }
            }
            if (indexes[k] < 0) {
                throw new IllegalArgumentException("ORDER BY key " + keys.get(k).column() + " is not a result column: " + columnNames);
            }
        }
        return indexes;
    }

    private static int lastOrderBy(String text) {
        Matcher m = Pattern.compile("(?i)\\border\\s+by\\b").matcher(text);
        int last = -1;
        while (m.find()) {
            last = m.start();
        }
        return last;
    }
}
