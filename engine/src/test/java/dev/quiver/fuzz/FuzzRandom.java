package dev.quiver.fuzz;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SplittableRandom;

/** The fuzzers' one source of randomness: seeded, so every generated case can be reproduced from its seed. */
final class FuzzRandom {
    private final SplittableRandom random;

    FuzzRandom(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** The seed of case {@code index} of a run with seed {@code runSeed}: a case is reproduced without replaying its predecessors. */
    static long caseSeed(long runSeed, long index) {
        return new SplittableRandom(runSeed ^ (index * 0x9E3779B97F4A7C15L)).nextLong();
    }

    /** True with probability {@code p}. */
    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    /** A uniform integer in {@code [low, high]}. */
    int between(int low, int high) {
        return random.nextInt(low, high + 1);
    }

    long nextLong() {
        return random.nextLong();
    }

    <T> T pick(List<T> items) {
        if (items.isEmpty()) {
            throw new IllegalArgumentException("nothing to pick from");
        }
        return items.get(random.nextInt(items.size()));
    }

    @SafeVarargs
    final <T> T pick(T... items) {
        return items[random.nextInt(items.length)];
    }

    /** A random subset of {@code items} of size {@code [min, max]} (capped at the number of items), in the items' order. */
    <T> List<T> subset(Collection<T> items, int min, int max) {
        List<T> pool = new ArrayList<>(items);
        int size = Math.min(pool.size(), between(min, max));
        List<Integer> chosen = new ArrayList<>();
        while (chosen.size() < size) {
            int i = random.nextInt(pool.size());
            if (!chosen.contains(i)) {
                chosen.add(i);
            }
        }
        chosen.sort(null);
        return chosen.stream().map(pool::get).toList();
    }

    /** Picks an index by weight. */
    int weighted(int... weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int r = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        throw new IllegalStateException("unreachable");
    }
}
