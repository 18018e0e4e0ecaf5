package dev.quiver.exec.testing;

import dev.quiver.planner.type.DataType;
import dev.quiver.planner.type.Interval;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Random;

/** Random values of every SQL type in their canonical Java form (as {@code Literal} holds them). */
public final class RandomValues {
    private static final int[] CODE_POINTS = {'a', 'b', 'c', 'Z', ' ', '0', 0xE9, 0xF1, 0x20AC, 0x4E2D, 0x1F600, 0x10FFFF};

    private RandomValues() {
    }

    /** A random non-NULL value of the type, including edge values now and then. */
    public static Object value(DataType type, Random random) {
        boolean edge = random.nextInt(10) == 0;
        return switch (type.id()) {
            case BOOLEAN -> random.nextBoolean();
            case TINYINT -> edge ? (random.nextBoolean() ? 127L : -128L) : (long) (byte) random.nextInt();
            case SMALLINT -> edge ? (random.nextBoolean() ? 32767L : -32768L) : (long) (short) random.nextInt();
            case INTEGER, UNKNOWN -> edge ? (random.nextBoolean() ? (long) Integer.MAX_VALUE : (long) Integer.MIN_VALUE)
                    : (long) (random.nextInt() >> random.nextInt(32));
            case BIGINT -> edge ? (random.nextBoolean() ? Long.MAX_VALUE : Long.MIN_VALUE) : random.nextLong() >> random.nextInt(64);
            case REAL -> {
                if (edge) {
                    float[] specials = {Float.NaN, -0.0f, 0.0f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.MAX_VALUE,
                            Float.MIN_VALUE};
                    yield (double) specials[random.nextInt(specials.length)];
                }
                yield (double) (float) ((random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(20) - 8));
            }
            case DOUBLE -> {
                if (edge) {
                    double[] specials = {Double.NaN, -0.0, 0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                            Double.MAX_VALUE, Double.MIN_VALUE, -Double.MAX_VALUE};
                    yield specials[random.nextInt(specials.length)];
                }
                yield (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(40) - 20);
            }
            case DECIMAL -> {
                BigInteger limit = BigInteger.TEN.pow(type.precision());
                BigInteger unscaled;
                if (edge) {
                    unscaled = limit.subtract(BigInteger.ONE);
                } else {
                    unscaled = new BigInteger(limit.bitLength() + 8, random).mod(limit);
                    unscaled = unscaled.shiftRight(random.nextInt(Math.max(1, unscaled.bitLength() + 1)));
                }
                yield new BigDecimal(random.nextBoolean() ? unscaled.negate() : unscaled, type.scale());
            }
            case VARCHAR -> string(random, edge ? 0 : 12);
            case DATE -> edge ? (random.nextBoolean() ? -719162 : 2932896) : random.nextInt(80_000) - 30_000;
            case TIMESTAMP -> edge ? (random.nextBoolean() ? -62135596800000000L : 253402300799999999L)
                    : random.nextLong() % 4_000_000_000_000_000L;
            case INTERVAL -> new Interval(random.nextInt(2000) - 1000, random.nextInt(20000) - 10000,
                    random.nextLong() % 1_000_000_000_000_000L);
        };
    }

    /** A random string of up to maxChars code points (ASCII, 2-, 3- and 4-byte UTF-8). */
    public static String string(Random random, int maxChars) {
        int n = maxChars == 0 ? 0 : random.nextInt(maxChars + 1);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.appendCodePoint(CODE_POINTS[random.nextInt(CODE_POINTS.length)]);
        }
        return s.toString();
    }
}
