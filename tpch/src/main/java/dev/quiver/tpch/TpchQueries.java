package dev.quiver.tpch;

import dev.quiver.error.QuiverException;
import dev.quiver.error.SqlState;
import dev.quiver.parser.StatementSplitter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * The 22 TPC-H queries with the specification's validation parameters, kept as SQL files in
 * {@code dev/quiver/tpch/queries/qNN.sql} on the class path. Query 15 is three statements (CREATE
 * VIEW, SELECT, DROP VIEW), as in the specification.
 */
public final class TpchQueries {
    /**
     * The queries Quiver runs today: the benchmark's default. Extend this list as the engine
     * learns joins, subqueries and views.
     */
    public static final List<Integer> SUPPORTED = List.of(1, 6);

    /** Every TPC-H query number, 1 to 22. */
    public static final List<Integer> ALL = IntStream.rangeClosed(1, 22).boxed().toList();

    private static final Pattern ORDER_BY = Pattern.compile("(?i)\\border\\s+by\\b");
    private static final String RESOURCE_DIRECTORY = "/dev/quiver/tpch/queries/";

    private TpchQueries() {
    }

    /** The text of query {@code number} (1–22) as stored, comments included. */
    public static String text(int number) {
        checkNumber(number);
        String resource = RESOURCE_DIRECTORY + String.format("q%02d.sql", number);
        try (InputStream in = TpchQueries.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new QuiverException(SqlState.INTERNAL_ERROR, "TPC-H query file " + resource + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The statements of query {@code number}, split at semicolons (one, or three for Q15). */
    public static List<String> statements(int number) {
        return StatementSplitter.split(text(number));
    }

    /**
     * Whether the query orders its result (has ORDER BY), so that row order is part of its answer.
     * Queries 6, 14, 17 and 19 return one unordered row; TPC-H has no ORDER BY in a subquery.
     */
    public static boolean isOrdered(int number) {
        return ORDER_BY.matcher(text(number).replaceAll("--[^\\n]*", "")).find();
    }

    static void checkNumber(int number) {
        if (number < 1 || number > 22) {
            throw new QuiverException(SqlState.INVALID_PARAMETER_VALUE, "TPC-H has queries 1 to 22, not " + number);
        }
    }
}
