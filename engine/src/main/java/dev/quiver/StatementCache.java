package dev.quiver;

import dev.quiver.parser.SqlParser;
import dev.quiver.parser.ast.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A session's parsed statements by their exact SQL text, so that running the same text again skips
 * the parser: ANTLR takes about a millisecond for a TPC-H query once warm (tens of milliseconds
 * before), and with the {@link PlanCache} a repeated query then goes straight to execution.
 * Syntax trees are immutable records, so one tree serves every run. Only texts that parsed are
 * kept; an error is raised anew each time. Not thread-safe: a session runs one statement at a time.
 */
final class StatementCache {
    /** Texts remembered, least recently used dropped first: as many as the session keeps plans. */
    static final int MAX_STATEMENTS = PlanCache.MAX_PLANS;
    /** A longer text is data (a bulk INSERT, say), seldom run twice and costly to hold: parsed, not kept. */
    static final int MAX_TEXT_CHARS = 16 * 1024;

    private final Map<String, Statement> recent = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Statement> eldest) {
            return size() > MAX_STATEMENTS;
        }
    };

    /** The statement {@code sql} holds, parsed now or on an earlier call with the same text. */
    Statement parse(String sql) {
        Statement statement = recent.get(sql);
        if (statement == null) {
            statement = SqlParser.parseStatement(sql);
            if (sql.length() <= MAX_TEXT_CHARS) {
                recent.put(sql, statement);
            }
        }
        return statement;
    }

    /** How many texts are kept. */
    int size() {
        return recent.size();
    }
}
