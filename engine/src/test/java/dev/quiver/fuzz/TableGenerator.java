package dev.quiver.fuzz;

import java.util.ArrayList;
import java.util.List;

/**
 * Generates random tables: two to four of them, each of two to five columns of every type the
 * fuzzer knows, with NULLs (a per-column rate from none to most), duplicate rows, and some empty
 * or single-row tables.
 */
final class TableGenerator {
    /** The DECIMAL types columns get: narrow, wide (more than 18 digits, 128-bit), all-fraction, and integral. */
    static final List<FuzzType> DECIMALS = List.of(FuzzType.decimal(6, 2), FuzzType.decimal(10, 0), FuzzType.decimal(4, 3),
            FuzzType.decimal(15, 2), FuzzType.decimal(20, 4), FuzzType.decimal(12, 5));
    /** Most rows a table gets: joins of three tables stay small enough to run in milliseconds. */
    static final int MAX_ROWS = 24;

    private final FuzzRandom random;
    private final ValueGenerator values;

    TableGenerator(FuzzRandom random) {
        this.random = random;
        this.values = new ValueGenerator(random);
    }

    /** Chance that a schema also has a large table. */
    static final double LARGE_TABLE_CHANCE = 0.1;
    /**
     * The large table is the cross join of three lists of this many indexes: 42^3 = 74,088 rows,
     * more than 16 chunks of 4,096 rows, so that its scans split into more than one morsel and run
     * on both worker threads (partial aggregates combined, joins probed in parallel), which small
     * tables never do.
     */
    static final int LARGE_SIDE = 42;
    /**
     * Columns the large table may have, each computed from the indexes {@code a.x}, {@code b.x},
     * {@code c.x} by integer arithmetic that every engine evaluates alike, with NULLs, duplicates
     * and the small domains of the other tables (so joins with them match).
     */
    static final List<LargeColumn> LARGE_COLUMNS = List.of(
            new LargeColumn("i0", FuzzType.INTEGER, "CASE WHEN (a.x + b.x) % 7 = 0 THEN NULL ELSE (a.x * 7 + b.x * 3 + c.x) % 14 - 3 END"),
            new LargeColumn("i1", FuzzType.BIGINT, "(a.x * 1000 + b.x * 31 + c.x) % 997 - 500"),
            new LargeColumn("s0", FuzzType.VARCHAR,
                    "CASE (a.x + 2 * c.x) % 7 WHEN 0 THEN 'a' WHEN 1 THEN 'b' WHEN 2 THEN 'ab' WHEN 3 THEN '' WHEN 4 THEN 'A' WHEN 5 THEN 'abc' END"),
            new LargeColumn("f0", FuzzType.DOUBLE, "CASE WHEN c.x % 9 = 0 THEN NULL ELSE ((b.x * 5 + c.x) % 40 - 20) * 0.25 END"),
            new LargeColumn("d0", FuzzType.decimal(15, 2), "((a.x * 37 + c.x * 11) % 2000 - 1000) * 0.01"),
            new LargeColumn("t0", FuzzType.DATE, "CASE WHEN b.x % 11 = 0 THEN NULL ELSE DATE '2020-01-01' + (a.x * 11 + b.x) % 400 END"),
            new LargeColumn("b0", FuzzType.BOOLEAN, "CASE WHEN a.x % 5 = 4 THEN NULL ELSE (a.x + b.x + c.x) % 3 = 0 END"));

    /** A column of the large table and the expression computing it. */
    record LargeColumn(String name, FuzzType type, String expression) {
    }

    FuzzSchema schema() {
        int count = random.between(2, 4);
        List<FuzzSchema.Table> tables = new ArrayList<>();
        for (int t = 0; t < count; t++) {
            tables.add(table("t" + t, rowCount()));
        }
        if (random.chance(LARGE_TABLE_CHANCE)) {
            tables.add(largeTable());
        }
        return new FuzzSchema(tables);
    }

    /** {@code tl}: some of {@link #LARGE_COLUMNS}, computed by CREATE TABLE AS over a cross join of index lists. */
    private FuzzSchema.Table largeTable() {
        List<LargeColumn> chosen = random.subset(LARGE_COLUMNS, 3, 5);
        String indexes = java.util.stream.IntStream.range(0, LARGE_SIDE).mapToObj(i -> "(" + i + ")")
                .collect(java.util.stream.Collectors.joining(", ", "(VALUES ", ")"));
        String query = chosen.stream().map(c -> "CAST(" + c.expression() + " AS " + c.type().sqlName() + ") AS " + c.name())
                .collect(java.util.stream.Collectors.joining(", ", "SELECT ", " FROM " + indexes + " AS a(x) CROSS JOIN " + indexes
                        + " AS b(x) CROSS JOIN " + indexes + " AS c(x)"));
        return new FuzzSchema.Table("tl", chosen.stream().map(c -> new FuzzSchema.Column(c.name(), c.type())).toList(), List.of(),
                java.util.Optional.of(query));
    }

    /** Rows of a small table: sometimes none or one. */
    private int rowCount() {
        return switch (random.weighted(10, 10, 40, 40)) {
            case 0 -> 0;
            case 1 -> 1;
            case 2 -> random.between(2, 8);
            default -> random.between(9, MAX_ROWS);
        };
    }

    private FuzzSchema.Table table(String name, int rowCount) {
        List<FuzzSchema.Column> columns = new ArrayList<>();
        int[] perLetter = new int[128];
        int width = random.between(2, 5);
        for (int c = 0; c < width; c++) {
            FuzzType type = randomType();
            char letter = type.kind().letter();
            columns.add(new FuzzSchema.Column(letter + Integer.toString(perLetter[letter]++), type));
        }
        double[] nullChance = new double[width];
        for (int c = 0; c < width; c++) {
            nullChance[c] = random.pick(0.0, 0.0, 0.1, 0.3, 0.6);
        }
        double duplicateChance = random.pick(0.0, 0.1, 0.3);
        List<List<Object>> rows = new ArrayList<>();
        for (int r = 0; r < rowCount; r++) {
            if (!rows.isEmpty() && random.chance(duplicateChance)) {
                rows.add(random.pick(rows));
                continue;
            }
            List<Object> row = new ArrayList<>();
            for (int c = 0; c < width; c++) {
                row.add(random.chance(nullChance[c]) ? null : values.value(columns.get(c).type()));
            }
            rows.add(row);
        }
        return new FuzzSchema.Table(name, columns, rows);
    }

    /** A column type: integers most often (they join and group best), every other type regularly. */
    FuzzType randomType() {
        return switch (random.weighted(30, 10, 10, 15, 20, 10, 5)) {
            case 0 -> FuzzType.INTEGER;
            case 1 -> FuzzType.BIGINT;
            case 2 -> FuzzType.DOUBLE;
            case 3 -> random.pick(DECIMALS);
            case 4 -> FuzzType.VARCHAR;
            case 5 -> FuzzType.DATE;
            default -> FuzzType.BOOLEAN;
        };
    }
}
