package dev.quiver.fuzz;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;

/**
 * Random values for table rows and literals, drawn from small domains so that joins find matches,
 * GROUP BY finds duplicates and predicates split rows. The domains also steer around the
 * differences between the engines that this fuzzer does not test:
 *
 * <ul>
 *   <li>DOUBLE values are multiples of 1/4 of small magnitude (dyadic rationals): sums and
 *       products of them are exact, so the order in which an engine adds them (parallel partial
 *       sums, different plans) cannot change a result, and no NaN or infinity arises;
 *   <li>VARCHAR values are ASCII without backslashes: binary (DuckDB) and C-collation (PostgreSQL)
 *       orders agree on them, and PostgreSQL's LIKE treats backslash as an escape, DuckDB's not;
 *   <li>integers stay far from their types' limits, so arithmetic rarely overflows (an overflow
 *       is an error in all three engines, but which rows an engine evaluates before failing may differ).
 * </ul>
 */
final class ValueGenerator {
    /** Strings chosen to exercise LIKE wildcards in data, case, spaces, the empty string and prefixes. */
    static final List<String> STRINGS = List.of("", "a", "b", "c", "A", "B", "ab", "abc", "ba", "bc", "a b", " a", "a ", "aa",
            "abab", "%", "a%", "_b", "x_y", "1", "-2", "10", "zz", "Ab", "AB", "cab");
    /** The first date of the usual range; dates spread about a year around it. */
    static final LocalDate BASE_DATE = LocalDate.of(2020, 1, 1);
    /** Dates at calendar edges: leap days, year ends, the epoch. */
    static final List<LocalDate> EDGE_DATES = List.of(LocalDate.of(1999, 12, 31), LocalDate.of(2000, 2, 29),
            LocalDate.of(1970, 1, 1), LocalDate.of(2024, 2, 29), LocalDate.of(2020, 12, 31));
    /** Largest |x| of the common small integers: joins and groups need collisions. */
    static final int SMALL = 10;
    /** Largest |x| of the occasional larger integers: products of three stay within INTEGER. */
    static final int MEDIUM = 1_000;
    /** BIGINT values beyond INTEGER's range whose squares still fit in a BIGINT. */
    static final List<Long> BIG = List.of(3_000_000_000L, -2_500_000_000L, 2_147_483_648L);
    /** Quarter steps of the DOUBLE domain: values are k/4 for |k| up to this. */
    static final int QUARTERS = 48;

    private final FuzzRandom random;

    ValueGenerator(FuzzRandom random) {
        this.random = random;
    }

    /** A non-NULL value of {@code type} (see {@link Expr.Literal} for the Java classes). */
    Object value(FuzzType type) {
        return switch (type.kind()) {
            case BOOLEAN -> random.chance(0.5);
            case INTEGER -> integer();
            case BIGINT -> random.chance(0.1) ? random.pick(BIG) : (long) integer();
            case DOUBLE -> random.chance(0.05) ? random.pick(1e6, 0.001953125, -1024.0) : random.between(-QUARTERS, QUARTERS) / 4.0;
            case DECIMAL -> decimal(type);
            case VARCHAR -> random.chance(0.85) ? random.pick(STRINGS) : randomString();
            case DATE -> random.chance(0.1) ? random.pick(EDGE_DATES) : BASE_DATE.plusDays(random.between(-30, 400));
        };
    }

    /** A literal of {@code type}, NULL with probability {@code nullChance}. */
    Expr.Literal literal(FuzzType type, double nullChance) {
        return new Expr.Literal(random.chance(nullChance) ? null : value(type), type);
    }

    private int integer() {
        int kind = random.weighted(80, 15, 5);
        return switch (kind) {
            case 0 -> random.between(-3, SMALL);
            case 1 -> random.between(-MEDIUM, MEDIUM);
            default -> random.pick(MEDIUM, -MEDIUM, 0, 100, -100);
        };
    }

    private BigDecimal decimal(FuzzType type) {
        // At most three integer digits (and never more than the type has), so sums and products stay small.
        int integerDigits = Math.min(type.precision() - type.scale(), random.chance(0.8) ? 2 : 3);
        int digits = integerDigits + type.scale();
        if (digits == 0) {
            return BigDecimal.ZERO.setScale(type.scale());
        }
        long bound = BigInteger.TEN.pow(Math.min(digits, 18)).longValue();
        long unscaled = random.nextLong() % bound;
        if (random.chance(0.3)) {
            unscaled = unscaled / 100 * 100; // round values, so that some decimals equal some integers
        }
        return BigDecimal.valueOf(unscaled, type.scale());
    }

    private String randomString() {
        String alphabet = "abcABC _%xy0";
        StringBuilder s = new StringBuilder();
        int length = random.between(0, 5);
        for (int i = 0; i < length; i++) {
            s.append(alphabet.charAt(random.between(0, alphabet.length() - 1)));
        }
        return s.toString();
    }
}
