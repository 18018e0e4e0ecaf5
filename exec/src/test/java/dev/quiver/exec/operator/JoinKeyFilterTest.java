package dev.quiver.exec.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The exact join filter of one integer-like key: what it lets through, and when a build gets one. */
class JoinKeyFilterTest {
    private static final boolean[] NONE_EXCLUDED = new boolean[0];

    @Test
    void passesExactlyTheKeysOfTheRowsInChains() {
        long[] keys = {5, 7, 100, -3, 7, 42};
        boolean[] excluded = {false, false, false, false, false, true};
        JoinKeyFilter filter = JoinKeyFilter.of(keys, keys.length, excluded).orElseThrow();
        assertThat(filter.span()).isEqualTo(104);
        for (long k : new long[] {5, 7, 100, -3}) {
            assertThat(filter.mayMatch(k)).as("key %d", k).isTrue();
        }
        // 42 is the key of an excluded row (a NULL key's slot): no chain holds it.
        for (long k : new long[] {42, 6, -2, -4, 101, 99, 0, Long.MIN_VALUE, Long.MAX_VALUE}) {
            assertThat(filter.mayMatch(k)).as("key %d", k).isFalse();
        }
    }

    @Test
    void keysAtTheTopOfTheLongsDoNotWrapAround() {
        long[] keys = {Long.MAX_VALUE, Long.MAX_VALUE - 4};
        JoinKeyFilter filter = JoinKeyFilter.of(keys, keys.length, NONE_EXCLUDED).orElseThrow();
        assertThat(filter.mayMatch(Long.MAX_VALUE)).isTrue();
        assertThat(filter.mayMatch(Long.MAX_VALUE - 4)).isTrue();
        assertThat(filter.mayMatch(Long.MAX_VALUE - 2)).isFalse();
        // MIN_VALUE - (MAX_VALUE - 4) wraps to 5: just past the range, not into it.
        assertThat(filter.mayMatch(Long.MIN_VALUE)).isFalse();
        assertThat(filter.mayMatch(Long.MIN_VALUE + 1)).isFalse();
        JoinKeyFilter bottom = JoinKeyFilter.of(new long[] {Long.MIN_VALUE, Long.MIN_VALUE + 2}, 2, NONE_EXCLUDED).orElseThrow();
        assertThat(bottom.mayMatch(Long.MIN_VALUE)).isTrue();
        assertThat(bottom.mayMatch(Long.MIN_VALUE + 1)).isFalse();
        assertThat(bottom.mayMatch(Long.MAX_VALUE)).isFalse();
    }

    @Test
    void aRangeTheLongsCannotCountGetsNoFilter() {
        assertThat(JoinKeyFilter.of(new long[] {Long.MIN_VALUE, Long.MAX_VALUE}, 2, NONE_EXCLUDED)).isEmpty();
        assertThat(JoinKeyFilter.of(new long[] {-1, Long.MAX_VALUE}, 2, NONE_EXCLUDED)).isEmpty();
    }

    @Test
    void aWideRangeGetsAFilterOnlyWhenTheBuildIsLargeEnough() {
        long cached = JoinKeyFilter.CACHED_BITS;
        assertThat(JoinKeyFilter.of(new long[] {0, cached - 1}, 2, NONE_EXCLUDED)).isPresent();
        assertThat(JoinKeyFilter.of(new long[] {0, cached}, 2, NONE_EXCLUDED)).isEmpty();
        // Beyond the cached size, as many bits as the hashed filter would take are allowed: 16 per
        // row, rounded up to a power of two. 3 * 2^17 rows take 6 * 2^20 bits before the rounding
        // and 8 * 2^20 after; keys spread over 8 * 2^20 values get a filter, over one more do not.
        // The keys descend, so the larger allowance of ascending keys does not apply.
        int rows = 3 << 17;
        long hashedBits = 8L << 20;
        assertThat(rows * (long) HashJoinTable.FILTER_BITS_PER_ROW).isLessThan(hashedBits);
        long[] spread = new long[rows];
        for (int r = 0; r < rows; r++) {
            spread[r] = (rows - 1 - r) * (hashedBits - 1) / (rows - 1);
        }
        Optional<JoinKeyFilter> filter = JoinKeyFilter.of(spread, rows, NONE_EXCLUDED);
        assertThat(filter).isPresent();
        assertThat(filter.get().span()).isEqualTo(hashedBits);
        assertThat(filter.get().mayMatch(spread[0])).isTrue();
        assertThat(filter.get().mayMatch(spread[0] - 1)).isFalse();
        spread[0] += 1;
        assertThat(JoinKeyFilter.of(spread, rows, NONE_EXCLUDED)).isEmpty();
        assertThat(JoinKeyFilter.fits(JoinKeyFilter.MAX_BITS + 1, Long.MAX_VALUE / 32, true)).isFalse();
        assertThat(JoinKeyFilter.fits(JoinKeyFilter.MAX_BITS, Long.MAX_VALUE / 32, false)).isTrue();
    }

    @Test
    void keysThatAscendGetAFilterOfUpTo256BitsPerRow() {
        // 10,000 rows whose keys step by 256 span 2,559,745 values: past the cached size and the
        // hashed filter's 2^18 bits, within 256 per row.
        int rows = 10_000;
        long[] ascending = new long[rows];
        for (int r = 0; r < rows; r++) {
            ascending[r] = r * JoinKeyFilter.ASCENDING_BITS_PER_ROW;
        }
        long span = ascending[rows - 1] + 1;
        assertThat(span).isGreaterThan(JoinKeyFilter.CACHED_BITS).isGreaterThan(HashJoinTable.filterSize(rows));
        Optional<JoinKeyFilter> filter = JoinKeyFilter.of(ascending, rows, NONE_EXCLUDED);
        assertThat(filter).isPresent();
        assertThat(filter.get().mayMatch(ascending[rows - 1])).isTrue();
        assertThat(filter.get().mayMatch(ascending[rows - 1] - 1)).isFalse();
        // Nine descents in 10,000 rows (two workers' runs, say) still ascend; ten do not.
        long[] runs = ascending.clone();
        for (int d = 1; d <= 9; d++) {
            swap(runs, d * 1000);
        }
        assertThat(JoinKeyFilter.of(runs, rows, NONE_EXCLUDED)).isPresent();
        swap(runs, 9500);
        assertThat(JoinKeyFilter.of(runs, rows, NONE_EXCLUDED)).isEmpty();
        // One value more than 256 per row: no filter, ascending or not.
        long[] wider = ascending.clone();
        wider[rows - 1] = (long) rows * JoinKeyFilter.ASCENDING_BITS_PER_ROW;
        assertThat(JoinKeyFilter.of(wider, rows, NONE_EXCLUDED)).isEmpty();
        assertThat(JoinKeyFilter.fits(span, rows, false)).isFalse();
        assertThat(JoinKeyFilter.fits(span, rows, true)).isTrue();
    }

    /** Swaps keys i - 1 and i: one descent more, where both neighbours ascended. */
    private static void swap(long[] keys, int i) {
        long k = keys[i];
        keys[i] = keys[i - 1];
        keys[i - 1] = k;
    }

    @Test
    void noRowsInChainsGiveNoFilter() {
        assertThat(JoinKeyFilter.of(new long[0], 0, NONE_EXCLUDED)).isEmpty();
        assertThat(JoinKeyFilter.of(new long[] {1, 2}, 2, new boolean[] {true, true})).isEmpty();
    }
}
