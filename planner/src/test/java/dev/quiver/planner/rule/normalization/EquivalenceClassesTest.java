package dev.quiver.planner.rule.normalization;

import static dev.quiver.planner.PlanFixtures.eq;
import static dev.quiver.planner.PlanFixtures.gt;
import static dev.quiver.planner.PlanFixtures.integer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.expr.Expr;
import dev.quiver.planner.type.DataType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Classes of columns known equal: transitive, typed, and only from columns the region produces. */
class EquivalenceClassesTest {
    private final ColumnRef a = new ColumnRef(1, "a", DataType.INTEGER);
    private final ColumnRef b = new ColumnRef(2, "b", DataType.INTEGER);
    private final ColumnRef c = new ColumnRef(3, "c", DataType.INTEGER);
    private final ColumnRef d = new ColumnRef(4, "d", DataType.INTEGER);
    private final ColumnRef e = new ColumnRef(5, "e", DataType.INTEGER);
    private final ColumnRef big = new ColumnRef(6, "big", DataType.BIGINT);

    @Test
    void chainsOfEqualitiesFormOneClass() {
        Expr other = gt(a, integer(5));
        List<Expr> terms = List.of(eq(a, b), other, eq(c, b), eq(d, e));
        EquivalenceClasses classes = EquivalenceClasses.of(terms, List.of(a, b, c, d, e));
        assertThat(classes.classes()).containsExactly(List.of(a, b, c));
        // d = e alone says nothing a class would not: it stays a term, in its place
        assertThat(classes.otherTerms()).containsExactly(other, eq(d, e));
    }

    @Test
    void twoChainsJoinedByATermMerge() {
        List<Expr> terms = List.of(eq(a, b), eq(d, e), eq(b, d));
        assertThat(EquivalenceClasses.of(terms, List.of(a, b, c, d, e)).classes()).containsExactly(List.of(a, b, d, e));
    }

    @Test
    void columnsOfOtherTypesOrOutsideTheRegionStayTerms() {
        Expr mixed = eq(big, a);
        List<Expr> terms = List.of(eq(a, b), eq(b, c), mixed);
        EquivalenceClasses typed = EquivalenceClasses.of(terms, List.of(a, b, c, big));
        assertThat(typed.classes()).containsExactly(List.of(a, b, c));
        assertThat(typed.otherTerms()).containsExactly(mixed);
        // c is not produced by the region (an outer reference, say): no class of three
        EquivalenceClasses outside = EquivalenceClasses.of(terms, List.of(a, b));
        assertThat(outside.classes()).isEmpty();
        assertThat(outside.otherTerms()).containsExactlyElementsOf(terms);
    }
}
