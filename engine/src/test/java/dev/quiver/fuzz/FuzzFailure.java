package dev.quiver.fuzz;

import java.util.Objects;

/**
 * A failed case and how to reproduce it: the schema is a function of {@code schemaSeed}, the case
 * of the schema and {@code caseSeed}.
 *
 * @param oracle the oracle's name
 * @param schemaSeed the seed of the tables
 * @param caseSeed the seed of the case
 * @param schema the tables
 * @param result the verdict, statements and detail
 */
record FuzzFailure(String oracle, long schemaSeed, long caseSeed, FuzzSchema schema, CaseResult result) {
    FuzzFailure {
        Objects.requireNonNull(oracle, "oracle");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(result, "result");
    }

    /** The argument of {@code FuzzMain --replay} that reruns this case. */
    String replayKey() {
        return oracle + ":" + schemaSeed + ":" + caseSeed;
    }

    /**
     * The case as a psql script: comments saying what failed and how to replay it, then statements
     * that recreate the tables in a fresh schema and run the queries, so that
     * {@code psql -d chk -f file} shows PostgreSQL's answer.
     */
    String script() {
        StringBuilder s = new StringBuilder();
        s.append("-- Quiver fuzz failure (").append(oracle).append("), replay: FuzzMain --replay ").append(replayKey()).append('\n');
        result.detail().lines().forEach(l -> s.append("-- ").append(l).append('\n'));
        for (String reference : result.reference()) {
            s.append("-- DuckDB's text: ").append(reference).append('\n');
        }
        s.append("DROP SCHEMA IF EXISTS fuzz CASCADE;\nCREATE SCHEMA fuzz;\nSET search_path TO fuzz;\n");
        for (String statement : schema.setupSql()) {
            s.append(statement).append(";\n");
        }
        for (String statement : result.statements()) {
            s.append(statement).append(";\n");
        }
        return s.toString();
    }
}
