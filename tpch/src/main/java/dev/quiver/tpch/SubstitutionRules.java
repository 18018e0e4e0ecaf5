package dev.quiver.tpch;

import static dev.quiver.tpch.TpchDomains.COLORS;
import static dev.quiver.tpch.TpchDomains.CONTAINER_SYLLABLE_1;
import static dev.quiver.tpch.TpchDomains.CONTAINER_SYLLABLE_2;
import static dev.quiver.tpch.TpchDomains.NATIONS;
import static dev.quiver.tpch.TpchDomains.NATION_REGIONS;
import static dev.quiver.tpch.TpchDomains.REGIONS;
import static dev.quiver.tpch.TpchDomains.SEGMENTS;
import static dev.quiver.tpch.TpchDomains.SHIP_MODES;
import static dev.quiver.tpch.TpchDomains.TYPE_SYLLABLE_1;
import static dev.quiver.tpch.TpchDomains.TYPE_SYLLABLE_2;
import static dev.quiver.tpch.TpchDomains.TYPE_SYLLABLE_3;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The substitution-parameter rules of the TPC-H specification, clause 2.4.N.3 for query N: how
 * each parameter of a query is drawn at random. The validation values (clause 2.4.N.4) are in
 * {@link ValidationParameters}; both use the same names in the same order.
 */
final class SubstitutionRules {
    /** Q1's DELTA, in days: within [60, 120]. */
    static final int Q1_MIN_DELTA = 60;
    /** Upper end of Q1's DELTA. */
    static final int Q1_MAX_DELTA = 120;
    /** First day of Q3's DATE range: a day in March 1995. */
    static final LocalDate Q3_FIRST_DATE = LocalDate.of(1995, 3, 1);
    /** Last day of Q3's DATE range. */
    static final LocalDate Q3_LAST_DATE = LocalDate.of(1995, 3, 31);
    /** Month zero of the month-valued DATE parameters (Q4, Q10, Q14, Q15). */
    static final LocalDate JANUARY_1993 = LocalDate.of(1993, 1, 1);
    /** Last month offset of Q4's and Q15's DATE: October 1997. */
    static final int Q4_Q15_LAST_MONTH = 57;
    /** First month offset of Q10's DATE: February 1993. */
    static final int Q10_FIRST_MONTH = 1;
    /** Last month offset of Q10's DATE: January 1995. */
    static final int Q10_LAST_MONTH = 24;
    /** Last month offset of Q14's DATE: December 1997. */
    static final int Q14_LAST_MONTH = 59;
    /** First year of the year-valued DATE parameters (Q5, Q6, Q12, Q20). */
    static final int FIRST_YEAR = 1993;
    /** Last year of the year-valued DATE parameters. */
    static final int LAST_YEAR = 1997;
    /** Q6's DISCOUNT, in hundredths: within [0.02, 0.09]. */
    static final int Q6_MIN_DISCOUNT = 2;
    /** Upper end of Q6's DISCOUNT, in hundredths. */
    static final int Q6_MAX_DISCOUNT = 9;
    /** Q6's QUANTITY: 24 or 25. */
    static final int Q6_MIN_QUANTITY = 24;
    /** Upper end of Q6's QUANTITY. */
    static final int Q6_MAX_QUANTITY = 25;
    /** Q11's FRACTION is this divided by the scale factor. */
    static final BigDecimal Q11_FRACTION_AT_SF1 = new BigDecimal("0.0001");
    /** Decimal places of Q11's FRACTION, as qgen prints it ({@code %11.10f}). */
    static final int Q11_FRACTION_SCALE = 10;
    /** Number of sizes in Q16's IN list. */
    static final int Q16_SIZES = 8;
    /** Q18's QUANTITY: within [312, 315]. */
    static final int Q18_MIN_QUANTITY = 312;
    /** Upper end of Q18's QUANTITY. */
    static final int Q18_MAX_QUANTITY = 315;
    /** Ranges of Q19's QUANTITY1..3: [1, 10], [10, 20], [20, 30]. */
    static final int[][] Q19_QUANTITY_RANGES = {{1, 10}, {10, 20}, {20, 30}};
    /** Number of country codes in Q22's IN lists. */
    static final int Q22_CODES = 7;

    private SubstitutionRules() {
    }

    /** Draws the parameters of query {@code query} at {@code scaleFactor}. */
    static Map<String, String> draw(int query, double scaleFactor, ParameterRandom r) {
        Map<String, String> p = new LinkedHashMap<>();
        switch (query) {
            case 1 -> p.put("DELTA", String.valueOf(r.uniform(Q1_MIN_DELTA, Q1_MAX_DELTA)));
            case 2 -> {
                p.put("SIZE", String.valueOf(r.uniform(TpchDomains.MIN_SIZE, TpchDomains.MAX_SIZE)));
                p.put("TYPE", r.pick(TYPE_SYLLABLE_3));
                p.put("REGION", r.pick(REGIONS));
            }
            case 3 -> {
                p.put("SEGMENT", r.pick(SEGMENTS));
                p.put("DATE", Q3_FIRST_DATE.plusDays(r.uniform(0, Q3_LAST_DATE.getDayOfMonth() - 1)).toString());
            }
            case 4 -> p.put("DATE", r.firstOfMonth(JANUARY_1993, 0, Q4_Q15_LAST_MONTH).toString());
            case 5 -> {
                p.put("REGION", r.pick(REGIONS));
                p.put("DATE", r.newYear(FIRST_YEAR, LAST_YEAR).toString());
            }
            case 6 -> {
                p.put("DATE", r.newYear(FIRST_YEAR, LAST_YEAR).toString());
                p.put("DISCOUNT", "0.0" + r.uniform(Q6_MIN_DISCOUNT, Q6_MAX_DISCOUNT));
                p.put("QUANTITY", String.valueOf(r.uniform(Q6_MIN_QUANTITY, Q6_MAX_QUANTITY)));
            }
            case 7 -> {
                List<String> nations = r.distinct(NATIONS, 2);
                p.put("NATION1", nations.get(0));
                p.put("NATION2", nations.get(1));
            }
            case 8 -> {
                int nation = r.uniform(0, NATIONS.size() - 1);
                p.put("NATION", NATIONS.get(nation));
                p.put("REGION", REGIONS.get(NATION_REGIONS.get(nation)));
                p.put("TYPE", r.pick(TYPE_SYLLABLE_1) + " " + r.pick(TYPE_SYLLABLE_2) + " " + r.pick(TYPE_SYLLABLE_3));
            }
            case 9 -> p.put("COLOR", r.pick(COLORS));
            case 10 -> p.put("DATE", r.firstOfMonth(JANUARY_1993, Q10_FIRST_MONTH, Q10_LAST_MONTH).toString());
            case 11 -> {
                p.put("NATION", r.pick(NATIONS));
                p.put("FRACTION", q11Fraction(scaleFactor));
            }
            case 12 -> {
                List<String> modes = r.distinct(SHIP_MODES, 2);
                p.put("SHIPMODE1", modes.get(0));
                p.put("SHIPMODE2", modes.get(1));
                p.put("DATE", r.newYear(FIRST_YEAR, LAST_YEAR).toString());
            }
            case 13 -> {
                p.put("WORD1", r.pick(TpchDomains.Q13_WORD_1));
                p.put("WORD2", r.pick(TpchDomains.Q13_WORD_2));
            }
            case 14 -> p.put("DATE", r.firstOfMonth(JANUARY_1993, 0, Q14_LAST_MONTH).toString());
            case 15 -> p.put("DATE", r.firstOfMonth(JANUARY_1993, 0, Q4_Q15_LAST_MONTH).toString());
            case 16 -> {
                p.put("BRAND", brand(r));
                p.put("TYPE", r.pick(TYPE_SYLLABLE_1) + " " + r.pick(TYPE_SYLLABLE_2));
                List<Integer> sizes = r.distinct(IntStream.rangeClosed(TpchDomains.MIN_SIZE, TpchDomains.MAX_SIZE).boxed().toList(),
                        Q16_SIZES);
                for (int i = 0; i < Q16_SIZES; i++) {
                    p.put("SIZE" + (i + 1), String.valueOf(sizes.get(i)));
                }
            }
            case 17 -> {
                p.put("BRAND", brand(r));
                p.put("CONTAINER", r.pick(CONTAINER_SYLLABLE_1) + " " + r.pick(CONTAINER_SYLLABLE_2));
            }
            case 18 -> p.put("QUANTITY", String.valueOf(r.uniform(Q18_MIN_QUANTITY, Q18_MAX_QUANTITY)));
            case 19 -> {
                for (int i = 0; i < Q19_QUANTITY_RANGES.length; i++) {
                    p.put("QUANTITY" + (i + 1), String.valueOf(r.uniform(Q19_QUANTITY_RANGES[i][0], Q19_QUANTITY_RANGES[i][1])));
                }
                for (int i = 1; i <= Q19_QUANTITY_RANGES.length; i++) {
                    p.put("BRAND" + i, brand(r));
                }
            }
            case 20 -> {
                p.put("COLOR", r.pick(COLORS));
                p.put("DATE", r.newYear(FIRST_YEAR, LAST_YEAR).toString());
                p.put("NATION", r.pick(NATIONS));
            }
            case 21 -> p.put("NATION", r.pick(NATIONS));
            case 22 -> {
                List<Integer> codes = r.distinct(IntStream.range(0, NATIONS.size())
                        .map(n -> n + TpchDomains.COUNTRY_CODE_OFFSET).boxed().toList(), Q22_CODES);
                for (int i = 0; i < Q22_CODES; i++) {
                    p.put("I" + (i + 1), String.valueOf(codes.get(i)));
                }
            }
            default -> TpchQueries.checkNumber(query);
        }
        return p;
    }

    /** Q11's FRACTION: 0.0001 / SF with ten decimal places, as qgen prints it. */
    static String q11Fraction(double scaleFactor) {
        return Q11_FRACTION_AT_SF1.divide(BigDecimal.valueOf(scaleFactor), Q11_FRACTION_SCALE, RoundingMode.HALF_UP).toPlainString();
    }

    /** {@code Brand#MN}, M and N chosen independently within [1, 5]. */
    private static String brand(ParameterRandom r) {
        return "Brand#" + r.uniform(TpchDomains.MIN_BRAND_DIGIT, TpchDomains.MAX_BRAND_DIGIT)
                + r.uniform(TpchDomains.MIN_BRAND_DIGIT, TpchDomains.MAX_BRAND_DIGIT);
    }
}
