package dev.quiver.testing;

/**
 * When two numbers of any Java type count as the same value in a result comparison: the rule a
 * differential test states for its numbers. Exact numbers are Byte, Short, Integer, Long,
 * BigInteger and BigDecimal (whatever the scale); Float and Double are inexact.
 *
 * <ul>
 * <li>{@link #exactOrRelative}: two exact numbers match only when equal; a pair with an inexact
 * number matches within a relative tolerance. For engines that should agree to the last digit on
 * exact arithmetic (the fuzzer).
 * <li>{@link #relative}: every pair, exact or not, matches within a relative tolerance or an
 * absolute one. For answers only defined up to a tolerance (TPC-H's rule).
 * </ul>
 *
 * <p>Inexact pairs match when they are equal, both NaN, within the absolute tolerance of each
 * other, or within the relative tolerance of the larger magnitude. Instances are immutable.
 */
public final class NumberMatch {
    /** Significant decimal digits of a double: a relative tolerance cannot resolve more. */
    static final int DOUBLE_DIGITS = 17;

    private final boolean exactNumbersExactly;
    private final double relativeTolerance;
    private final double absoluteTolerance;

    private NumberMatch(boolean exactNumbersExactly, double relativeTolerance, double absoluteTolerance) {
        if (!(relativeTolerance >= 0 && relativeTolerance < 1)) {
            throw new IllegalArgumentException("relative tolerance must be in [0, 1): " + relativeTolerance);
        }
        if (!(absoluteTolerance >= 0 && Double.isFinite(absoluteTolerance))) {
            throw new IllegalArgumentException("absolute tolerance must be finite and not negative: " + absoluteTolerance);
        }
        this.exactNumbersExactly = exactNumbersExactly;
        this.relativeTolerance = relativeTolerance;
        this.absoluteTolerance = absoluteTolerance;
    }

    /** Two exact numbers match when equal; any other pair within {@code relativeTolerance} of the larger magnitude. */
    public static NumberMatch exactOrRelative(double relativeTolerance) {
        return new NumberMatch(true, relativeTolerance, 0);
    }

    /** Every pair matches within {@code relativeTolerance} of the larger magnitude, or within {@code absoluteTolerance}. */
    public static NumberMatch relative(double relativeTolerance, double absoluteTolerance) {
        return new NumberMatch(false, relativeTolerance, absoluteTolerance);
    }

    /** The relative tolerance of this rule. */
    public double relativeTolerance() {
        return relativeTolerance;
    }

    /** Whether {@code a} and {@code b} are the same value under this rule. */
    public boolean matches(Number a, Number b) {
        return compare(a, b) == 0;
    }

    /**
     * Zero when {@code a} and {@code b} match; otherwise the sign of {@code a - b} (NaN above every
     * other number, as {@link Double#compare} orders it). Not transitive where a tolerance applies:
     * use it for matching and for finding ties, never for sorting.
     */
    public int compare(Number a, Number b) {
        if (exactNumbersExactly && Values.isExact(a) && Values.isExact(b)) {
            return Values.exact(a).compareTo(Values.exact(b));
        }
        double x = a.doubleValue();
        double y = b.doubleValue();
        if (Double.isNaN(x) || Double.isNaN(y)) {
            return Double.compare(x, y);
        }
        double difference = Math.abs(x - y);
        if (x == y || difference <= absoluteTolerance || difference <= relativeTolerance * Math.max(Math.abs(x), Math.abs(y))) {
            return 0;
        }
        // Not equal as doubles, so the doubles order exact numbers as their exact values do (rounding is monotonic).
        return Double.compare(x, y);
    }

    /**
     * Significant digits that tell numbers apart about as finely as this rule does: about
     * {@code -log10(relativeTolerance)}, at most {@value #DOUBLE_DIGITS}.
     */
    int resolvedDigits() {
        if (relativeTolerance == 0) {
            return DOUBLE_DIGITS;
        }
        return (int) Math.min(DOUBLE_DIGITS, Math.round(-Math.log10(relativeTolerance)));
    }

    @Override
    public String toString() {
        return (exactNumbersExactly ? "exact numbers exactly, others within relative " : "within relative ") + relativeTolerance
                + (absoluteTolerance > 0 ? " or absolute " + absoluteTolerance : "");
    }
}
