package dev.quiver.planner.binder;

import static java.util.Objects.requireNonNull;

import dev.quiver.error.QuiverException;
import dev.quiver.error.SqlState;
import dev.quiver.parser.ast.ColumnReference;
import dev.quiver.parser.ast.Identifier;
import dev.quiver.planner.expr.ColumnRef;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The columns a clause can name: each with the relation alias that qualifies it, its name and the
 * plan column it stands for. Resolution follows PostgreSQL: an unqualified name must match exactly
 * one visible column; a qualified one must name a relation in scope.
 */
public final class Scope {
    /**
     * A visible column: {@code relation.name} refers to {@code column}. A {@code qualifiedOnly}
     * field is found only through its relation name and is left out of {@code *}: the two sides'
     * columns of a {@code JOIN ... USING} stand behind one merged column.
     */
    public record Field(Optional<String> relation, String name, ColumnRef column, boolean qualifiedOnly) {
        public Field {
            requireNonNull(relation, "relation");
            requireNonNull(name, "name");
            requireNonNull(column, "column");
        }

        public Field(Optional<String> relation, String name, ColumnRef column) {
            this(relation, name, column, false);
        }

        Field hidden() {
            return new Field(relation, name, column, true);
        }
    }

    private final List<Field> fields;
    private final Optional<Scope> outer;

    public Scope(List<Field> fields) {
        this(fields, Optional.empty());
    }

    /**
     * A scope nested in an enclosing query's scope: names not found here are looked up there (a
     * correlated reference), then further out.
     */
    public Scope(List<Field> fields, Optional<Scope> outer) {
        this.fields = List.copyOf(fields);
        this.outer = requireNonNull(outer, "outer");
    }

    public static Scope empty() {
        return new Scope(List.of());
    }

    /** An empty scope whose names come from the given enclosing scope (a subquery without FROM). */
    public static Scope within(Optional<Scope> outer) {
        return new Scope(List.of(), outer);
    }

    public Optional<Scope> outer() {
        return outer;
    }

    /** The same fields with another enclosing scope. */
    public Scope withOuter(Optional<Scope> enclosing) {
        return new Scope(fields, enclosing);
    }

    /** Whether the column is one of this scope's own fields (not an enclosing query's). */
    public boolean isLocal(ColumnRef column) {
        return fields.stream().anyMatch(f -> f.column().equals(column));
    }

    public List<Field> fields() {
        return fields;
    }

    /** Fields an unqualified {@code *} expands to (without the sides of USING columns). */
    public List<Field> unqualifiedFields() {
        return fields.stream().filter(f -> !f.qualifiedOnly()).toList();
    }

    public List<ColumnRef> columns() {
        return fields.stream().map(Field::column).toList();
    }

    /** This scope followed by another's fields (the scope of a join). */
    public Scope concat(Scope other) {
        List<Field> all = new ArrayList<>(fields);
        all.addAll(other.fields);
        return new Scope(all, outer);
    }

    /** Whether some field has this relation alias. */
    public boolean hasRelation(String relation) {
        return fields.stream().anyMatch(f -> f.relation().map(relation::equals).orElse(false));
    }

    private boolean hasRelationInChain(String relation) {
        return hasRelation(relation) || outer.map(o -> o.hasRelationInChain(relation)).orElse(false);
    }

    /** Fields of one relation, in order (for {@code t.*}). */
    public List<Field> fieldsOf(String relation) {
        return fields.stream().filter(f -> f.relation().map(relation::equals).orElse(false)).toList();
    }

    /**
     * Resolves a column reference, or says why not: unknown column (with a suggestion), unknown
     * relation, or ambiguous name. Errors point at the reference.
     */
    public ColumnRef resolve(ColumnReference reference) {
        Optional<ColumnRef> found = tryResolve(reference);
        if (found.isPresent()) {
            return found.get();
        }
        throw unknownColumn(reference);
    }

    /** Like {@link #resolve} but empty when no column matches (still fails when ambiguous). */
    public Optional<ColumnRef> tryResolve(ColumnReference reference) {
        List<Identifier> parts = reference.parts();
        String name = reference.column().value();
        Optional<String> qualifier = parts.size() >= 2 ? Optional.of(parts.get(parts.size() - 2).value()) : Optional.empty();
        List<Field> matches = new ArrayList<>();
        for (Field f : fields) {
            if (f.name().equals(name) && (qualifier.isEmpty() ? !f.qualifiedOnly() : f.relation().equals(qualifier))) {
                matches.add(f);
            }
        }
        if (matches.size() > 1) {
            throw new QuiverException(SqlState.AMBIGUOUS_COLUMN,
                    "column reference \"" + written(reference) + "\" is ambiguous; qualify it with one of: "
                            + String.join(", ", matches.stream().map(f -> f.relation().orElse("?") + "." + f.name()).toList()))
                    .attachPosition(reference.span().start());
        }
        if (matches.isEmpty()) {
            // Not here: an enclosing query's column (a correlated reference), if it has one.
            return outer.isPresent() && !(qualifier.isPresent() && hasRelation(qualifier.get()))
                    ? outer.get().tryResolve(reference) : Optional.empty();
        }
        return Optional.of(matches.get(0).column());
    }

    /**
     * A reference as a message shows it between double quotes: the names joined with dots, not
     * re-quoted (so {@code "A"} reads {@code column "A"}, not {@code column ""A""}), as PostgreSQL does.
     */
    static String written(ColumnReference reference) {
        return String.join(".", reference.parts().stream().map(Identifier::value).toList());
    }

    private QuiverException unknownColumn(ColumnReference reference) {
        List<Identifier> parts = reference.parts();
        if (parts.size() >= 2) {
            String qualifier = parts.get(parts.size() - 2).value();
            if (!hasRelationInChain(qualifier)) {
                Set<String> relations = new LinkedHashSet<>();
                fields.forEach(f -> f.relation().ifPresent(relations::add));
                String hint = NameSuggester.closest(qualifier, relations).map(s -> "; did you mean \"" + s + "\"?").orElse("");
                return new QuiverException(SqlState.UNDEFINED_TABLE,
                        "missing FROM-clause entry for table \"" + qualifier + "\"" + hint)
                        .attachPosition(parts.get(parts.size() - 2).span().start());
            }
        }
        Set<String> names = new LinkedHashSet<>();
        for (Field f : fields) {
            if (parts.size() < 2 || f.relation().equals(Optional.of(parts.get(parts.size() - 2).value()))) {
                names.add(f.name());
            }
        }
        String hint = NameSuggester.closest(reference.column().value(), names)
                .map(s -> "; did you mean \"" + s + "\"?").orElse("");
        return new QuiverException(SqlState.UNDEFINED_COLUMN,
                "column \"" + written(reference) + "\" does not exist" + hint)
                .attachPosition(reference.span().start());
    }
}
