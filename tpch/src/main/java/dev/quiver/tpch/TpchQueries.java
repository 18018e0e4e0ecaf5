package dev.quiver.tpch;

import dev.quiver.Session;
import dev.quiver.error.QuiverException;
import dev.quiver.error.SqlState;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * The 22 TPC-H queries with the specification's validation parameters: the query templates in
 * {@code dev/quiver/tpch/queries/templates/qNN.sql} filled by {@link TpchQueryGenerator#validation()}.
 * Query 15 is three statements (CREATE VIEW, SELECT, DROP VIEW), as in the specification. Other
 * generators produce the same queries with random substitution parameters.
 */
public final class TpchQueries {
    /** The queries Quiver runs: all of them; the benchmark's default. */
    public static final List<Integer> SUPPORTED = IntStream.rangeClosed(1, 22).boxed().toList();

    /** Every TPC-H query number, 1 to 22. */
    public static final List<Integer> ALL = IntStream.rangeClosed(1, 22).boxed().toList();

    private TpchQueries() {
    }

    /**
     * The text of query {@code number} (1–22) with the validation parameters, comments included: as
     * at SF 1 and below, where they do not depend on the scale factor (above it Q11's FRACTION does:
     * {@link #statements(int, double)}).
     */
    public static String text(int number) {
        checkNumber(number);
        return TpchQueryGenerator.validation().query(number, 1);
    }

    /** The statements of query {@code number}, split at semicolons (one, or three for Q15); as at SF 1. */
    public static List<String> statements(int number) {
        return statements(number, 1);
    }

    /**
     * The statements of query {@code number} with the validation parameters at scale factor {@code
     * scaleFactor}: {@link #statements(int)} but for Q11 above SF 1 ({@link ValidationParameters}).
     */
    public static List<String> statements(int number, double scaleFactor) {
        return TpchQueryGenerator.validation().statements(number, scaleFactor);
    }

    /**
     * The index in {@link #statements} of the query's SELECT, the statement whose rows are the
     * answer: 0, or for Q15 the SELECT between its CREATE VIEW and DROP VIEW.
     */
    public static int resultStatement(int number) {
        List<String> statements = statements(number);
        for (int i = 0; i < statements.size(); i++) {
            if (statements.get(i).replaceAll("--[^\\n]*", "").strip().regionMatches(true, 0, "select", 0, 6)) {
                return i;
            }
        }
        throw new IllegalStateException("Q" + number + " has no SELECT");
    }

    /**
     * Runs the statements before the query's SELECT, then {@code onSelect} with the SELECT's text,
     * then the statements after it (Q15's DROP VIEW), even when {@code onSelect} fails.
     */
    public static <T> T aroundSelect(Session session, int number, Function<String, T> onSelect) {
        List<String> statements = statements(number);
        int select = resultStatement(number);
        for (int i = 0; i < select; i++) {
            session.execute(statements.get(i)).close();
        }
        try {
            return onSelect.apply(statements.get(select));
        } finally {
            for (int i = select + 1; i < statements.size(); i++) {
                session.execute(statements.get(i)).close();
            }
        }
    }

    /**
     * Whether the query orders its result (has ORDER BY), so that row order is part of its answer.
     * Queries 6, 14, 17 and 19 return one unordered row; TPC-H has no ORDER BY in a subquery.
     */
    public static boolean isOrdered(int number) {
        return OrderSpec.of(statements(number).get(resultStatement(number))).ordered();
    }

    static void checkNumber(int number) {
        if (number < 1 || number > 22) {
            throw new QuiverException(SqlState.INVALID_PARAMETER_VALUE, "TPC-H has queries 1 to 22, not " + number);
        }
    }
}
