package dev.quiver.engine.statement;

import static java.util.Objects.requireNonNull;

import dev.quiver.engine.catalog.MemoryCatalog;
import dev.quiver.error.QuiverException;
import dev.quiver.error.SqlState;
import dev.quiver.parser.ast.Reindex;
import dev.quiver.planner.binder.NameSuggester;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * {@code REINDEX}. Quiver's indexes never need rebuilding: queries do not read them, and a unique
 * index is enforced by its table on every write. So REINDEX changes nothing; it only checks that the
 * object it names exists and is of the kind the statement says, with PostgreSQL's errors: 42P01
 * {@code relation "x" does not exist} for an unknown name (PostgreSQL 15 reports REINDEX INDEX and
 * REINDEX TABLE of an unknown name so; indexes are relations), and 42809 for the wrong kind.
 *
 * <ul>
 *   <li>{@code REINDEX INDEX name}: an index;</li>
 *   <li>{@code REINDEX TABLE name}: a table (with or without indexes);</li>
 *   <li>{@code REINDEX name} (SQLite): an index or a table;</li>
 *   <li>{@code REINDEX} (SQLite): every index, so nothing to check.</li>
 * </ul>
 */
public final class Reindexing {
    private Reindexing() {
    }

    /** Checks the statement's name against the catalog; a {@link QuiverException} if it names nothing it could rebuild. */
    public static void check(MemoryCatalog catalog, Reindex reindex) {
        requireNonNull(catalog, "catalog");
        requireNonNull(reindex, "reindex");
        if (reindex.name().isEmpty()) {
            return;
        }
        String name = reindex.name().get().joined();
        int at = reindex.name().get().span().start();
        Optional<Reindex.Kind> kind = reindex.kind();
        boolean takesIndex = kind.isEmpty() || kind.get() == Reindex.Kind.INDEX;
        boolean takesTable = kind.isEmpty() || kind.get() == Reindex.Kind.TABLE;
        boolean index = catalog.index(name).isPresent();
        boolean table = catalog.storedTable(name).isPresent();
        boolean view = catalog.view(name).isPresent();
        if (takesIndex && index || takesTable && table) {
            return;
        }
        if (view) {
            String wanted = !takesTable ? "an index" : !takesIndex ? "a table" : "a table or an index";
            throw wrongKind("\"" + name + "\" is not " + wanted + ": it is a view, and views have no indexes", at);
        }
        if (takesIndex && !takesTable && table) {
            throw wrongKind("\"" + name + "\" is not an index; use REINDEX TABLE to rebuild a table's indexes", at);
        }
        if (takesTable && !takesIndex && index) {
            throw wrongKind("\"" + name + "\" is not a table; use REINDEX INDEX to rebuild an index", at);
        }
        List<String> candidates = new ArrayList<>();
        if (takesIndex) {
            candidates.addAll(catalog.indexNames());
        }
        if (takesTable) {
            candidates.addAll(catalog.storedTableNames());
        }
        throw new QuiverException(SqlState.UNDEFINED_TABLE, "relation \"" + name + "\" does not exist" + hint(name, candidates))
                .attachPosition(at);
    }

    private static String hint(String name, Collection<String> candidates) {
        return NameSuggester.closest(name, candidates).map(s -> "; did you mean \"" + s + "\"?").orElse("");
    }

    private static QuiverException wrongKind(String message, int at) {
        return new QuiverException(SqlState.WRONG_OBJECT_TYPE, message).attachPosition(at);
    }
}
