package dev.quiver.parser;

import dev.quiver.parser.antlr.QuiverSqlLexer;
import dev.quiver.parser.antlr.QuiverSqlParser;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.Vocabulary;
import org.antlr.v4.runtime.misc.IntervalSet;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What the grammar's tokens are called in messages, which of them are keywords and which keywords
 * are reserved. Keywords are shown upper case ({@code FROM}), punctuation quoted ({@code ','}).
 */
final class TokenNames {
    /** Labels for classes of tokens or whole rules, used instead of listing their tokens. */
    static final String EXPRESSION = "expression";
    static final String IDENTIFIER = "identifier";
    static final String TYPE = "type name";
    static final String END_OF_INPUT = "end of input";

    private static final Vocabulary VOCABULARY = QuiverSqlParser.VOCABULARY;
    private static final IntervalSet NON_RESERVED = QuiverSqlParser._ATN.nextTokens(
            QuiverSqlParser._ATN.ruleToStartState[QuiverSqlParser.RULE_nonReserved]);
    private static final SortedSet<String> RESERVED;

    /**
     * The order in which expected items are preferred when a message can only list a few of them;
     * it is also the display order within keywords and within punctuation. Roughly: what a user most
     * likely left out first (clauses of a SELECT in order, list punctuation), operators last.
     */
    private static final List<String> PREFERENCE = List.of(
            EXPRESSION, TYPE, "string literal", "integer", "number",
            "FROM", "WHERE", "GROUP", "BY", "ORDER", "LIMIT", "','", "')'", IDENTIFIER,
            "SELECT", "VALUES", "CREATE", "INSERT", "UPDATE", "DELETE", "DROP", "EXPLAIN", "CALL", "SET",
            "AS", "ON", "USING", "JOIN", "TABLE", "VIEW", "INDEX", "INTO", "THEN", "WHEN", "ELSE", "END",
            "YEAR", "MONTH", "DAY", "HOUR", "MINUTE", "SECOND",
            "NOT", "NULL", "PRIMARY", "UNIQUE", "KEY", "EXISTS", "DISTINCT", "ALL", "'('", "WITH",
            "ASC", "DESC", "NULLS", "FIRST", "LAST", "'='", "'=>'", "TO", "'*'", "'.'",
            "AND", "OR", "IS", "IN", "BETWEEN", "LIKE", "ILIKE", "HAVING", "OFFSET", "UNION", "EXCEPT", "INTERSECT",
            "';'", END_OF_INPUT);
    private static final Map<String, Integer> RANK = new HashMap<>();

    static {
        SortedSet<String> reserved = new TreeSet<>();
        for (int type = 1; type <= VOCABULARY.getMaxTokenType(); type++) {
            if (isKeyword(type) && !NON_RESERVED.contains(type)) {
                reserved.add(keywordText(type));
            }
        }
        RESERVED = Collections.unmodifiableSortedSet(reserved);
        for (int i = 0; i < PREFERENCE.size(); i++) {
            RANK.put(PREFERENCE.get(i), i);
        }
    }

    private TokenNames() {
    }

    /** Upper-case names of the keywords that cannot be used as unquoted identifiers. */
    static SortedSet<String> reservedKeywords() {
        return RESERVED;
    }

    /** Whether the token type is a keyword (reserved or not). */
    static boolean isKeyword(int type) {
        String literal = VOCABULARY.getLiteralName(type);
        return literal != null && literal.matches("'[A-Z]+'");
    }

    static boolean isReservedKeyword(int type) {
        return isKeyword(type) && !NON_RESERVED.contains(type);
    }

    /** Whether the token is a word: an unquoted identifier or a keyword. */
    static boolean isWord(int type) {
        return type == QuiverSqlLexer.IDENTIFIER || isKeyword(type);
    }

    static String keywordText(int type) {
        String literal = VOCABULARY.getLiteralName(type);
        return literal.substring(1, literal.length() - 1);
    }

    /** How an expected token is named in a message. */
    static String describe(int type) {
        if (type == Token.EOF) {
            return END_OF_INPUT;
        }
        if (isKeyword(type)) {
            return keywordText(type);
        }
        switch (type) {
            case QuiverSqlLexer.IDENTIFIER:
            case QuiverSqlLexer.QUOTED_IDENTIFIER:
                return IDENTIFIER;
            case QuiverSqlLexer.STRING:
                return "string literal";
            case QuiverSqlLexer.INTEGER_VALUE:
                return "integer";
            case QuiverSqlLexer.DECIMAL_VALUE:
            case QuiverSqlLexer.DOUBLE_VALUE:
                return "number";
            case QuiverSqlLexer.DOLLAR_PARAMETER:
                return "parameter";
            case QuiverSqlLexer.NEQ:
                return "'<>'";
            default:
                String literal = VOCABULARY.getLiteralName(type);
                return literal != null ? literal : VOCABULARY.getDisplayName(type).toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Sort key of a described item: lower is more likely what the user meant. */
    static int rank(String description) {
        return RANK.getOrDefault(description, PREFERENCE.size() - 2);
    }

    /** Display group: descriptive classes first, then keywords, then punctuation, then end of input. */
    static int group(String description) {
        if (description.equals(END_OF_INPUT)) {
            return 3;
        }
        if (description.startsWith("'")) {
            return 2;
        }
        if (description.chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
            return 1;
        }
        return 0;
    }

    /** Upper-case names of the keywords that may also be used as identifiers. */
    static SortedSet<String> nonReservedKeywords() {
        SortedSet<String> result = new TreeSet<>();
        for (int type : NON_RESERVED.toList()) {
            result.add(keywordText(type));
        }
        return result;
    }
}
