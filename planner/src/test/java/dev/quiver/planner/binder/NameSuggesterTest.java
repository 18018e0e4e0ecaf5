package dev.quiver.planner.binder;

import dev.quiver.error.EditDistance;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NameSuggesterTest {
    @Test
    void distanceCountsInsertionsDeletionsSubstitutionsAndAdjacentSwaps() {
        assertThat(EditDistance.between("abc", "abc")).isZero();
        assertThat(EditDistance.between("", "abc")).isEqualTo(3);
        assertThat(EditDistance.between("abc", "")).isEqualTo(3);
        assertThat(EditDistance.between("abc", "abd")).isEqualTo(1);
        assertThat(EditDistance.between("abc", "abcd")).isEqualTo(1);
        assertThat(EditDistance.between("abcd", "acd")).isEqualTo(1);
        assertThat(EditDistance.between("abcd", "abdc")).as("adjacent transposition").isEqualTo(1);
        assertThat(EditDistance.between("kitten", "sitting")).isEqualTo(3);
        // Optimal string alignment: "ca" -> "abc" is 3 (no edit of a transposed pair), not Damerau's 2.
        assertThat(EditDistance.between("ca", "abc")).isEqualTo(3);
        assertThat(EditDistance.between("l_shipdat", "l_shipdate")).isEqualTo(1);
    }

    @Test
    void suggestsTheClosestCandidateWithinTheLimit() {
        List<String> columns = List.of("l_orderkey", "l_shipdate", "l_commitdate", "l_receiptdate");
        assertThat(NameSuggester.closest("l_shipdat", columns)).contains("l_shipdate");
        assertThat(NameSuggester.closest("L_SHIPDATE", columns)).as("case does not count").contains("l_shipdate");
        assertThat(NameSuggester.closest("l_comitdate", columns)).contains("l_commitdate");
        assertThat(NameSuggester.closest("orderkey", columns)).as("two deletions").contains("l_orderkey");
        assertThat(NameSuggester.closest("l_returnflag", columns)).isEmpty();
    }

    @Test
    void limitIsTwoOrAThirdOfTheLength() {
        // Short names: at most 2 edits.
        assertThat(NameSuggester.closest("abc", List.of("xbz"))).contains("xbz");
        assertThat(NameSuggester.closest("abc", List.of("xyz"))).isEmpty();
        // 12 characters: up to 4 edits.
        assertThat(NameSuggester.closest("abcdefghijkl", List.of("abcdefghwxyz"))).contains("abcdefghwxyz");
        assertThat(NameSuggester.closest("abcdefghijkl", List.of("abcdefgvwxyz"))).isEmpty();
    }

    @Test
    void noSuggestionThatReplacesTheWholeName() {
        // One edit is within the limit, but it rewrites all of a one-letter name.
        assertThat(NameSuggester.closest("x", List.of("a", "b"))).isEmpty();
        assertThat(NameSuggester.closest("ab", List.of("cd"))).isEmpty();
        assertThat(NameSuggester.closest("tt", List.of("t"))).contains("t");
        assertThat(NameSuggester.closest("a", List.of("a"))).contains("a");
    }

    @Test
    void firstOfEquallyCloseCandidatesWinsAndCloserBeatsEarlier() {
        assertThat(NameSuggester.closest("ab", List.of("ac", "ad"))).contains("ac");
        assertThat(NameSuggester.closest("price", List.of("prize", "price2", "prices"))).contains("prize");
        assertThat(NameSuggester.closest("pric", List.of("pride", "price"))).contains("price");
        assertThat(NameSuggester.closest("anything", List.of())).isEmpty();
    }
}
