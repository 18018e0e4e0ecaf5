package dev.quiver.exec.function;

import dev.quiver.error.QuiverException;
import dev.quiver.error.SqlState;

/**
 * Integer and floating-point arithmetic with PostgreSQL's error semantics: integer overflow is an
 * error ("integer out of range"), division or modulus by zero is an error for every numeric type,
 * and a finite floating operation that overflows is an error rather than infinity.
 *
 * <p>Integers of every width are carried in {@code long}; the {@code width} argument (8, 16, 32 or
 * 64 bits) says which range the result must fit.
 */
public final class Arithmetic {
    private Arithmetic() {
    }

    public static long add(long a, long b, int width) {
        if (width == 64) {
            long r = a + b;
            if (((a ^ r) & (b ^ r)) < 0) {
                throw outOfRange(width);
            }
            return r;
        }
        return check(a + b, width);
    }

    public static long subtract(long a, long b, int width) {
        if (width == 64) {
            long r = a - b;
            if (((a ^ b) & (a ^ r)) < 0) {
                throw outOfRange(width);
            }
            return r;
        }
        return check(a - b, width);
    }

    public static long multiply(long a, long b, int width) {
        if (width == 64) {
            long hi = Math.multiplyHigh(a, b);
            long lo = a * b;
            if ((hi != 0 || lo < 0) && (hi != -1 || lo >= 0)) {
                throw outOfRange(width);
            }
            return lo;
        }
        return check(a * b, width);
    }

    /** Integer division truncating toward zero. */
    public static long divide(long a, long b, int width) {
        if (b == 0) {
            throw divisionByZero();
        }
        if (b == -1) {
            return negate(a, width);
        }
        return a / b;
    }

    /** Remainder with the sign of the dividend. */
    public static long modulus(long a, long b) {
        if (b == 0) {
            throw divisionByZero();
        }
        return b == -1 ? 0 : a % b;
    }

    public static long negate(long a, int width) {
        if (width == 64) {
            if (a == Long.MIN_VALUE) {
                throw outOfRange(width);
            }
            return -a;
        }
        return check(-a, width);
    }

    public static long abs(long a, int width) {
        return a < 0 ? negate(a, width) : a;
    }

    /** Checks that a value fits a width; returns it. */
    public static long check(long v, int width) {
        boolean ok = switch (width) {
            case 8 -> v == (byte) v;
            case 16 -> v == (short) v;
            case 32 -> v == (int) v;
            default -> true;
        };
        if (!ok) {
            throw outOfRange(width);
        }
        return v;
    }

    public static double addDouble(double a, double b) {
        return checkFloat(a + b, a, b);
    }

    public static double subtractDouble(double a, double b) {
        return checkFloat(a - b, a, b);
    }

    public static double multiplyDouble(double a, double b) {
        double r = a * b;
        if (r == 0 && a != 0 && b != 0) {
            throw new QuiverException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value out of range: underflow");
        }
        return checkFloat(r, a, b);
    }

    public static double divideDouble(double a, double b) {
        if (b == 0) {
            throw divisionByZero();
        }
        return checkFloat(a / b, a, b);
    }

    public static double modulusDouble(double a, double b) {
        if (b == 0) {
            throw divisionByZero();
        }
        return a % b;
    }

    /** Rounds a REAL result to float precision, failing if it overflows float. */
    public static double toReal(double v) {
        float f = (float) v;
        if (Float.isInfinite(f) && !Double.isInfinite(v)) {
            throw new QuiverException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value out of range: overflow");
        }
        return f;
    }

    private static double checkFloat(double r, double a, double b) {
        if (Double.isInfinite(r) && !Double.isInfinite(a) && !Double.isInfinite(b)) {
            throw new QuiverException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value out of range: overflow");
        }
        return r;
    }

    public static QuiverException divisionByZero() {
        return new QuiverException(SqlState.DIVISION_BY_ZERO, "division by zero");
    }

    public static QuiverException outOfRange(int width) {
        String name = switch (width) {
            case 8 -> "tinyint";
            case 16 -> "smallint";
            case 32 -> "integer";
            default -> "bigint";
        };
        return new QuiverException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, name + " out of range");
    }

    /** SQL comparison of doubles: NaN equals NaN and is greater than every other value; -0 equals 0. */
    public static int compareDouble(double a, double b) {
        if (a < b) {
            return -1;
        }
        if (a > b) {
            return 1;
        }
        if (a == b) {
            return 0;
        }
        boolean aNaN = Double.isNaN(a);
        boolean bNaN = Double.isNaN(b);
        return aNaN == bNaN ? 0 : (aNaN ? 1 : -1);
    }
}
