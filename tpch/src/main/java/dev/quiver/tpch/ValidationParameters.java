package dev.quiver.tpch;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The validation parameters of the TPC-H specification (clause 2.4.N.4 for query N), named and
 * ordered as in {@link SubstitutionRules}. Q11's FRACTION is 0.0001 up to SF 1, as in the stored
 * query file and the reference answers (SF 0.01, 0.1 and 1, all computed with 0.0001), and 0.0001 /
 * SF above it, as the substitution rule has it: with 0.0001 the query returns no row from SF 10 on,
 * and a comparison of two engines' answers to it would check nothing.
 */
final class ValidationParameters {
    /** Per query, alternating parameter names and values. */
    private static final List<List<String>> VALUES = List.of(
            List.of("DELTA", "90"),
            List.of("SIZE", "15", "TYPE", "BRASS", "REGION", "EUROPE"),
            List.of("SEGMENT", "BUILDING", "DATE", "1995-03-15"),
            List.of("DATE", "1993-07-01"),
            List.of("REGION", "ASIA", "DATE", "1994-01-01"),
            List.of("DATE", "1994-01-01", "DISCOUNT", "0.06", "QUANTITY", "24"),
            List.of("NATION1", "FRANCE", "NATION2", "GERMANY"),
            List.of("NATION", "BRAZIL", "REGION", "AMERICA", "TYPE", "ECONOMY ANODIZED STEEL"),
            List.of("COLOR", "green"),
            List.of("DATE", "1993-10-01"),
            List.of("NATION", "GERMANY", "FRACTION", "0.0001"),
            List.of("SHIPMODE1", "MAIL", "SHIPMODE2", "SHIP", "DATE", "1994-01-01"),
            List.of("WORD1", "special", "WORD2", "requests"),
            List.of("DATE", "1995-09-01"),
            List.of("DATE", "1996-01-01"),
            List.of("BRAND", "Brand#45", "TYPE", "MEDIUM POLISHED", "SIZE1", "49", "SIZE2", "14", "SIZE3", "23", "SIZE4", "45",
                    "SIZE5", "19", "SIZE6", "3", "SIZE7", "36", "SIZE8", "9"),
            List.of("BRAND", "Brand#23", "CONTAINER", "MED BOX"),
            List.of("QUANTITY", "300"),
            List.of("QUANTITY1", "1", "QUANTITY2", "10", "QUANTITY3", "20", "BRAND1", "Brand#12", "BRAND2", "Brand#23",
                    "BRAND3", "Brand#34"),
            List.of("COLOR", "forest", "DATE", "1994-01-01", "NATION", "CANADA"),
            List.of("NATION", "SAUDI ARABIA"),
            List.of("I1", "13", "I2", "31", "I3", "23", "I4", "29", "I5", "30", "I6", "18", "I7", "17"));

    private ValidationParameters() {
    }

    /** The validation parameters of query {@code query} at scale factor {@code scaleFactor}. */
    static Map<String, String> of(int query, double scaleFactor) {
        TpchQueries.checkNumber(query);
        List<String> flat = VALUES.get(query - 1);
        Map<String, String> p = new LinkedHashMap<>();
        for (int i = 0; i < flat.size(); i += 2) {
            p.put(flat.get(i), flat.get(i + 1));
        }
        if (query == 11 && scaleFactor > 1) {
            p.put("FRACTION", SubstitutionRules.q11Fraction(scaleFactor));
        }
        return p;
    }
}
