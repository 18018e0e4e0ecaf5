package dev.quiver.tpch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which TPC-H queries the differential test runs against DuckDB, from the system property
 * {@value #PROPERTY}: {@code supported} for {@link TpchQueries#SUPPORTED}, {@code all} for all 22,
 * or a list of numbers such as {@code 1,6,13}. Unset, it is {@link #DEFAULT}.
 */
record DifferentialSelection(String name, List<Integer> queries) {
    /** The system property that chooses the queries: {@code mvn verify -Dtpch.differential=all}. */
    static final String PROPERTY = "tpch.differential";
    /** Every query. */
    static final String ALL = "all";
    /** The queries Quiver runs today ({@link TpchQueries#SUPPORTED}). */
    static final String SUPPORTED = "supported";
    /** The selection when the property is unset: {@link #SUPPORTED} until Quiver runs joins and subqueries, then {@link #ALL}. */
    static final String DEFAULT = ALL;

    DifferentialSelection {
        queries = List.copyOf(queries);
    }

    static DifferentialSelection fromSystemProperty() {
        return parse(System.getProperty(PROPERTY, DEFAULT));
    }

    static DifferentialSelection parse(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.isEmpty() || v.equals(SUPPORTED)) {
            return new DifferentialSelection(SUPPORTED, TpchQueries.SUPPORTED);
        }
        if (v.equals(ALL)) {
            return new DifferentialSelection(ALL, TpchQueries.ALL);
        }
        List<Integer> queries = new ArrayList<>();
        for (String part : v.split(",")) {
            try {
                int q = Integer.parseInt(part.trim().replaceFirst("^q", ""));
                TpchQueries.checkNumber(q);
                queries.add(q);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("-D" + PROPERTY + " must be 'all', 'supported' or query numbers such as 1,6,13; got '"
                        + value + "'", e);
            }
        }
        return new DifferentialSelection(v, queries);
    }

    boolean includes(int query) {
        return queries.contains(query);
    }
}
