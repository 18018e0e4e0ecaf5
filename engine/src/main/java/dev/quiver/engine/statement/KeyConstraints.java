package dev.quiver.engine.statement;

import static java.util.Objects.requireNonNull;

import dev.quiver.engine.storage.UniqueConstraint;
import dev.quiver.error.QuiverException;
import dev.quiver.error.SqlState;
import dev.quiver.parser.ast.CreateTable;
import dev.quiver.parser.ast.Identifier;
import dev.quiver.parser.ast.KeyConstraint;
import dev.quiver.planner.catalog.ColumnMetadata;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The PRIMARY KEY and UNIQUE constraints of a {@code CREATE TABLE}, resolved against its columns:
 * each becomes a {@link UniqueConstraint} named as PostgreSQL names it ({@code t_pkey},
 * {@code t_a_b_key}, or the name given), and the primary key's columns become NOT NULL.
 */
public final class KeyConstraints {
    /** The table's columns with the primary key's made NOT NULL, and its unique constraints. */
    public record Resolved(List<ColumnMetadata> columns, List<UniqueConstraint> constraints) {
        public Resolved {
            columns = List.copyOf(columns);
            constraints = List.copyOf(constraints);
        }
    }

    private KeyConstraints() {
    }

    public static Resolved resolve(CreateTable create, List<ColumnMetadata> declared) {
        requireNonNull(create, "create");
        String table = create.name().last().value();
        List<ColumnMetadata> columns = new ArrayList<>(declared);
        List<UniqueConstraint> constraints = new ArrayList<>();
        Set<String> names = new HashSet<>();
        boolean primaryKeySeen = false;
        for (KeyConstraint key : create.keys()) {
            String kind = key.primaryKey() ? "primary key" : "unique";
            if (key.primaryKey()) {
                if (primaryKeySeen) {
                    throw new QuiverException(SqlState.INVALID_TABLE_DEFINITION,
                            "multiple primary keys for table \"" + create.name().joined() + "\" are not allowed")
                            .attachPosition(key.span().start());
                }
                primaryKeySeen = true;
            }
            List<Integer> ordinals = new ArrayList<>();
            List<String> keyColumns = new ArrayList<>();
            for (Identifier column : key.columns()) {
                int ordinal = ordinal(columns, column.value());
                if (ordinal < 0) {
                    throw new QuiverException(SqlState.UNDEFINED_COLUMN, "column \"" + column.value() + "\" named in key does not exist")
                            .attachPosition(column.span().start());
                }
                if (ordinals.contains(ordinal)) {
                    throw new QuiverException(SqlState.DUPLICATE_COLUMN, "column \"" + column.value() + "\" appears twice in "
                            + kind + " constraint").attachPosition(column.span().start());
                }
                ordinals.add(ordinal);
                keyColumns.add(column.value());
                if (key.primaryKey()) {
                    ColumnMetadata c = columns.get(ordinal);
                    columns.set(ordinal, new ColumnMetadata(c.name(), c.type(), false));
                }
            }
            String name = key.name().map(Identifier::value)
                    .orElseGet(() -> unique(names, table + (key.primaryKey() ? "_pkey" : "_" + String.join("_", keyColumns) + "_key")));
            if (!names.add(name)) {
                throw new QuiverException(SqlState.DUPLICATE_TABLE, "relation \"" + name + "\" already exists")
                        .attachPosition(key.span().start());
            }
            constraints.add(new UniqueConstraint(name, ordinals));
        }
        return new Resolved(columns, constraints);
    }

    private static int ordinal(List<ColumnMetadata> columns, String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** {@code base}, or with the smallest number appended that makes it a name not yet used (PostgreSQL's rule). */
    private static String unique(Set<String> used, String base) {
        if (!used.contains(base)) {
            return base;
        }
        for (int n = 1; ; n++) {
            if (!used.contains(base + n)) {
                return base + n;
            }
        }
    }
}
