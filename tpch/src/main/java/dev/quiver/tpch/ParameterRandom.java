package dev.quiver.tpch;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The random draws the substitution rules are written in: a uniform integer in a closed range, a
 * uniform pick from a list, distinct picks, and dates. Built on {@link java.util.Random}, whose
 * algorithm the Java specification fixes, so a seed gives the same parameters on every JVM.
 */
final class ParameterRandom {
    /** SplitMix64's increment (the golden ratio in 64 bits): spreads consecutive seeds and query numbers apart. */
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
    /** First multiplier of SplitMix64's finalizer. */
    private static final long MIX_1 = 0xBF58476D1CE4E5B9L;
    /** Second multiplier of SplitMix64's finalizer. */
    private static final long MIX_2 = 0x94D049BB133111EBL;

    private final Random random;

    /** A stream of draws for query {@code query} under {@code seed}, independent of the other queries' streams. */
    ParameterRandom(long seed, int query) {
        this.random = new Random(mix(seed * GOLDEN_GAMMA + query));
    }

    /** A uniformly distributed integer in {@code [low, high]}. */
    int uniform(int low, int high) {
        return low + random.nextInt(high - low + 1);
    }

    /** A uniformly chosen element of {@code values}. */
    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** {@code count} different elements of {@code values}, each ordering equally likely (a partial Fisher–Yates shuffle). */
    <T> List<T> distinct(List<T> values, int count) {
        List<T> pool = new ArrayList<>(values);
        for (int i = 0; i < count; i++) {
            int j = i + random.nextInt(pool.size() - i);
            T chosen = pool.get(j);
            pool.set(j, pool.get(i));
            pool.set(i, chosen);
        }
        return List.copyOf(pool.subList(0, count));
    }

    /** The first day of a month chosen uniformly among the {@code firstOffset}-th to {@code lastOffset}-th months after {@code start}. */
    LocalDate firstOfMonth(LocalDate start, int firstOffset, int lastOffset) {
        return start.plusMonths(uniform(firstOffset, lastOffset));
    }

    /** January 1st of a year chosen uniformly in {@code [firstYear, lastYear]}. */
    LocalDate newYear(int firstYear, int lastYear) {
        return LocalDate.of(uniform(firstYear, lastYear), 1, 1);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * MIX_1;
        z = (z ^ (z >>> 27)) * MIX_2;
        return z ^ (z >>> 31);
    }
}
