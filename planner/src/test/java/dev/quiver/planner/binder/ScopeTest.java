package dev.quiver.planner.binder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.quiver.error.QuiverException;
import dev.quiver.error.SqlState;
import dev.quiver.parser.SqlParser;
import dev.quiver.parser.ast.ColumnReference;
import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.type.DataType;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Name resolution on a scope shaped like a join of l(id, name) and r(id, price), which SQL cannot build yet. */
class ScopeTest {
    private final ColumnRef lId = new ColumnRef(0, "id", DataType.INTEGER);
    private final ColumnRef lName = new ColumnRef(1, "name", DataType.VARCHAR);
    private final ColumnRef rId = new ColumnRef(2, "id", DataType.BIGINT);
    private final ColumnRef rPrice = new ColumnRef(3, "price", DataType.DOUBLE);
    private final Scope left = new Scope(List.of(new Scope.Field(Optional.of("l"), "id", lId), new Scope.Field(Optional.of("l"), "name", lName)));
    private final Scope right = new Scope(List.of(new Scope.Field(Optional.of("r"), "id", rId), new Scope.Field(Optional.of("r"), "price", rPrice)));
    private final Scope joined = left.concat(right);

    private static ColumnReference reference(String sql) {
        return (ColumnReference) SqlParser.parseExpression(sql);
    }

    private QuiverException error(String sql) {
        QuiverException e = catchThrowableOfType(QuiverException.class, () -> joined.resolve(reference(sql)));
        assertThat(e).as(sql).isNotNull();
        return e.attachSql(sql);
    }

    @Test
    void unambiguousNamesResolveWithOrWithoutQualifier() {
        assertThat(joined.resolve(reference("name"))).isEqualTo(lName);
        assertThat(joined.resolve(reference("price"))).isEqualTo(rPrice);
        assertThat(joined.resolve(reference("l.id"))).isSameAs(lId);
        assertThat(joined.resolve(reference("r.id"))).isSameAs(rId);
        assertThat(joined.tryResolve(reference("nothing"))).isEmpty();
    }

    @Test
    void ambiguousNameListsTheQualifiedCandidates() {
        QuiverException e = error("id");
        assertThat(e.sqlState()).isEqualTo(SqlState.AMBIGUOUS_COLUMN);
        assertThat(e.rawMessage()).isEqualTo("column reference \"id\" is ambiguous; qualify it with one of: l.id, r.id");
        assertThat(e.position()).hasValue(0);
        // tryResolve fails too: ambiguity is an error, not "not found".
        assertThat(catchThrowableOfType(QuiverException.class, () -> joined.tryResolve(reference("id"))).sqlState())
                .isEqualTo(SqlState.AMBIGUOUS_COLUMN);
    }

    @Test
    void unqualifiedFieldsShowAQuestionMark() {
        Scope scope = new Scope(List.of(new Scope.Field(Optional.empty(), "x", lId), new Scope.Field(Optional.empty(), "x", rId)));
        QuiverException e = catchThrowableOfType(QuiverException.class, () -> scope.resolve(reference("x")));
        assertThat(e.rawMessage()).isEqualTo("column reference \"x\" is ambiguous; qualify it with one of: ?.x, ?.x");
    }

    @Test
    void unknownColumnSuggestsOnlyAmongTheQualifiedRelation() {
        QuiverException anywhere = error("nme");
        assertThat(anywhere.sqlState()).isEqualTo(SqlState.UNDEFINED_COLUMN);
        assertThat(anywhere.rawMessage()).isEqualTo("column \"nme\" does not exist; did you mean \"name\"?");
        QuiverException qualified = error("r.nme");
        assertThat(qualified.rawMessage()).as("r has no column near nme").isEqualTo("column \"r.nme\" does not exist");
        assertThat(qualified.getMessage()).isEqualTo("""
                column "r.nme" does not exist
                LINE 1: r.nme
                        ^""");
        assertThat(error("r.prise").rawMessage()).isEqualTo("column \"r.prise\" does not exist; did you mean \"price\"?");
    }

    @Test
    void unknownRelationPointsAtTheQualifier() {
        String sql = "x.l2.id";
        QuiverException e = error(sql);
        assertThat(e.sqlState()).isEqualTo(SqlState.UNDEFINED_TABLE);
        assertThat(e.rawMessage()).isEqualTo("missing FROM-clause entry for table \"l2\"; did you mean \"l\"?");
        assertThat(e.position()).hasValue(sql.indexOf("l2"));
    }

    @Test
    void relationsAndTheirFields() {
        assertThat(joined.hasRelation("l")).isTrue();
        assertThat(joined.hasRelation("id")).isFalse();
        assertThat(joined.fieldsOf("r")).extracting(Scope.Field::column).containsExactly(rId, rPrice);
        assertThat(joined.columns()).containsExactly(lId, lName, rId, rPrice);
        assertThat(Scope.empty().fields()).isEmpty();
    }
}
