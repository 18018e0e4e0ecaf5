package dev.quiver.tpch;

import dev.quiver.Result;
import dev.quiver.Row;
import dev.quiver.Session;
import dev.quiver.testing.QueryRows;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Runs a TPC-H query's statements on a Quiver session and returns the rows of the last statement
 * that has any. When a statement fails, the query's remaining DROP statements (Q15's DROP VIEW)
 * still run, so that the next parameter set starts clean; then the failure is thrown.
 */
final class QuiverStatements {
    /** A statement that only cleans up: run after an earlier statement failed. */
    static final Pattern CLEANUP = Pattern.compile("(?is)^(\\s*--[^\\n]*\\n)*\\s*drop\\b.*");

    private QuiverStatements() {
    }

    static QueryRows run(Session session, List<String> statements) {
        Optional<QueryRows> rows = Optional.empty();
        for (int i = 0; i < statements.size(); i++) {
            try (Result result = session.execute(statements.get(i))) {
                if (result.hasRows()) {
                    List<List<Object>> values = new ArrayList<>();
                    for (Row row : result.rows()) {
                        values.add(row.values());
                    }
                    rows = Optional.of(new QueryRows(result.columnNames(), values));
                }
            } catch (RuntimeException e) {
                cleanUp(session, statements.subList(i + 1, statements.size()), e);
                throw e;
            }
        }
        return rows.orElseThrow(() -> new IllegalStateException("no statement returned rows: " + statements));
    }

    private static void cleanUp(Session session, List<String> rest, RuntimeException failure) {
        for (String statement : rest) {
            if (CLEANUP.matcher(statement).matches()) {
                try {
                    session.execute(statement).close();
                } catch (RuntimeException e) {
                    failure.addSuppressed(e);
                }
            }
        }
    }
}
