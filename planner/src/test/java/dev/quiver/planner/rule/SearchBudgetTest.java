package dev.quiver.planner.rule;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchBudgetTest {
    @Test
    void spendsUpToItsApplicationsThenFailsForGood() {
        SearchBudget budget = new SearchBudget(2, 60_000, System.nanoTime());
        assertThat(budget.spend()).isTrue();
        assertThat(budget.spend()).isTrue();
        assertThat(budget.exceeded()).as("used up, but nothing more was asked yet").isFalse();
        assertThat(budget.spend()).isFalse();
        assertThat(budget.exceeded()).isTrue();
        assertThat(budget.spend()).isFalse();
        assertThat(budget.used()).isEqualTo(2);
    }

    @Test
    void outOfTimeOnceItsMillisHavePassedSinceTheStart() {
        // Started a minute ago with a one-second budget: the time is already over.
        SearchBudget late = new SearchBudget(1000, 1000, System.nanoTime() - 60_000_000_000L);
        assertThat(late.spend()).isFalse();
        assertThat(late.exceeded()).isTrue();
        assertThat(late.used()).isZero();
    }

    @Test
    void unlimitedAndZeroBudgets() {
        SearchBudget unlimited = SearchBudget.unlimited();
        for (int i = 0; i < 100_000; i++) {
            assertThat(unlimited.spend()).isTrue();
        }
        assertThat(unlimited.exceeded()).isFalse();
        SearchBudget none = new SearchBudget(0, Long.MAX_VALUE, System.nanoTime());
        assertThat(none.spend()).isFalse();
        assertThat(none.exceeded()).isTrue();
    }
}
