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
        int rows = 3 << 17;
        long hashedBits = 8L << 20;
        assertThat(rows * (long) HashJoinTable.FILTER_BITS_PER_ROW).isLessThan(hashedBits);
        long[] spread = new long[rows];
        for (int r = 0; r < rows; r++) {
            spread[r] = r * (hashedBits - 1) / (rows - 1);
        }
        Optional<JoinKeyFilter> filter = JoinKeyFilter.of(spread, rows, NONE_EXCLUDED);
        assertThat(filter).isPresent();
        assertThat(filter.get().span()).isEqualTo(hashedBits);
        assertThat(filter.get().mayMatch(spread[rows - 1])).isTrue();
        assertThat(filter.get().mayMatch(spread[rows - 1] - 1)).isFalse();
        spread[rows - 1] += 1;
        assertThat(JoinKeyFilter.of(spread, rows, NONE_EXCLUDED)).isEmpty();
        assertThat(JoinKeyFilter.fits(JoinKeyFilter.MAX_BITS + 1, Long.MAX_VALUE / 32)).isFalse();
        assertThat(JoinKeyFilter.fits(JoinKeyFilter.MAX_BITS, Long.MAX_VALUE / 32)).isTrue();
    }

    @Test
    void noRowsInChainsGiveNoFilter() {
        assertThat(JoinKeyFilter.of(new long[0], 0, NONE_EXCLUDED)).isEmpty();
        assertThat(JoinKeyFilter.of(new long[] {1, 2}, 2, new boolean[] {true, true})).isEmpty();
    }
}
