package dev.quiver.parser;

import dev.quiver.error.SqlState;
import dev.quiver.parser.antlr.QuiverSqlLexer;
import org.antlr.v4.runtime.Token;

import java.util.List;

/**
 * Bounds how deeply a statement nests, on its tokens alone, before ANTLR sees it.
 *
 * <p>Why before: ANTLR recurses once per nested construct, so deep input overflows the stack, and
 * worse, its full-context prediction at an ambiguous decision (such as {@code ((SELECT ...))}, which
 * is both a subquery in parentheses and a parenthesized scalar subquery) walks the whole nest with
 * a context stack as deep as the nest, which costs seconds for tens of thousands of levels and
 * cannot be interrupted. A token scan is linear and cannot be fooled into either.
 *
 * <p>Contract: {@link #check} throws SQLSTATE 54001, pointing at the token that opens the first
 * level beyond {@link SqlParser#MAX_NESTING_DEPTH}, if and only if the nesting depth defined here
 * exceeds that limit; otherwise it does nothing. The depth is that of the constructs that nest in
 * the grammar (that make the parser recurse, or the AST nest one node per token), one level each:
 * <ul>
 * <li>brackets: an open parenthesis (of any kind: expressions, subqueries, argument lists, type
 *     parameters), a {@code CASE} until its {@code END}, and a {@code JOIN} that takes a condition
 *     until its {@code ON} or {@code USING} (so {@code a JOIN b JOIN c ON p ON q} nests, while
 *     {@code a JOIN b ON p JOIN c ON q} and {@code CROSS} and {@code NATURAL} joins do not);</li>
 * <li>prefix operators, until their operand ends: unary {@code -} and {@code +} (whose operand
 *     ends at any binary operator), {@code NOT} (whose operand ends at {@code AND}, {@code OR} or
 *     the end of the expression) and {@code EXPLAIN} (whose operand is the rest of the statement,
 *     after its option list, which is flat);</li>
 * <li>postfix operators, which wrap everything of their operand seen so far: {@code ::} and
 *     {@code IS} (in all its forms).</li>
 * </ul>
 * Binary operators ({@code + - * / % || = < AND OR}, {@code UNION}, joins with their condition,
 * {@code BETWEEN}, {@code IN}, {@code LIKE}) and lists ({@code ,}) do not nest: long flat chains
 * such as {@code a + b + c ...} or {@code p AND q AND r ...} are not limited here (ANTLR parses them
 * in loops and {@link AstBuilder} builds them without recursion). The scan does not parse, so the
 * depth follows the parse tree only as far as tokens show it: where the scan misreads a token (a
 * non-reserved keyword used as a name before a {@code -}, say) it is off by a level. A statement that
 * still overflows the stack (a chain of thousands of joins, whose AST is built recursively) is
 * caught in {@link SqlParser} as a last resort.
 *
 * <p>Operators are told apart from operands by what precedes them: {@code -}, {@code +} and
 * {@code NOT} are prefix operators where an operand is expected, that is after an operator, an
 * opening parenthesis, a comma or a reserved keyword other than {@code NULL}, {@code TRUE},
 * {@code FALSE} and {@code END} (and {@code NOT} right after {@code IS} belongs to the {@code IS}).
 */
final class NestingCheck {
    /** What opened a level. */
    private enum Level { PAREN, CASE, JOIN, EXPLAIN, UNARY, NOT }

    /** By token type: whether the token is an identifier or a keyword that may be used as one. */
    private static final boolean[] NAMES = new boolean[QuiverSqlLexer.VOCABULARY.getMaxTokenType() + 1];

    static {
        for (int type = 1; type < NAMES.length; type++) {
            NAMES[type] = type == QuiverSqlLexer.IDENTIFIER || type == QuiverSqlLexer.QUOTED_IDENTIFIER
                    || TokenNames.isKeyword(type) && !TokenNames.isReservedKeyword(type);
        }
    }

    private final SourceText source;
    private final int limit;
    /** The open levels; index 0 is the statement itself, so the level at index i is at depth i. */
    private final Level[] kinds;
    /**
     * Per open level, the deepest depth reached by the operand being read at that level; a postfix
     * operator wraps that operand, so it deepens everything in it by one.
     */
    private final int[] deepest;
    private int top;

    private NestingCheck(SourceText source, int limit) {
        this.source = source;
        this.limit = limit;
        this.kinds = new Level[limit + 1];
        this.deepest = new int[limit + 1];
    }

    /**
     * Throws 54001 if the tokens nest deeper than {@code limit} levels.
     *
     * @param statements whether the tokens are statements (then {@code ;} starts a new one, at depth
     *                   0, and {@code EXPLAIN} at the start of one is a prefix) or an expression
     */
    static void check(SourceText source, List<Token> tokens, boolean statements, int limit) {
        new NestingCheck(source, limit).scan(tokens, statements);
    }

    private void scan(List<Token> tokens, boolean statements) {
        boolean statementStart = statements;
        // Whether the previous token can end an operand, so that the next one is in operator position.
        boolean afterOperand = false;
        int previous = Token.INVALID_TYPE;
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            int type = token.getType();
            if (type == Token.EOF) {
                break;
            }
            if (statements && type == QuiverSqlLexer.SEMICOLON) {
                top = 0;
                deepest[0] = 0;
                statementStart = true;
                afterOperand = false;
                previous = type;
                continue;
            }
            if (statementStart && type == QuiverSqlLexer.EXPLAIN) {
                open(Level.EXPLAIN, token);
                previous = type;
                continue;
            }
            if (statementStart && type == QuiverSqlLexer.ANALYZE && previous == QuiverSqlLexer.EXPLAIN) {
                previous = type;
                continue;
            }
            if (statementStart && previous == QuiverSqlLexer.EXPLAIN && type == QuiverSqlLexer.LEFT_PAREN
                    && i + 1 < tokens.size() && NAMES[Math.max(0, tokens.get(i + 1).getType())]) {
                // EXPLAIN's option list (a parenthesized query starts with a reserved word or a
                // parenthesis instead): flat, so it adds no level, and the statement starts after it.
                while (i + 1 < tokens.size() && tokens.get(i).getType() != QuiverSqlLexer.RIGHT_PAREN
                        && tokens.get(i + 1).getType() != Token.EOF) {
                    i++;
                }
                previous = tokens.get(i).getType();
                continue;
            }
            statementStart = false;
            switch (type) {
                case QuiverSqlLexer.LEFT_PAREN -> {
                    open(Level.PAREN, token);
                    afterOperand = false;
                }
                case QuiverSqlLexer.RIGHT_PAREN -> {
                    closeThrough(Level.PAREN);
                    afterOperand = true;
                }
                case QuiverSqlLexer.CASE -> {
                    open(Level.CASE, token);
                    afterOperand = false;
                }
                case QuiverSqlLexer.END -> {
                    closePrefixes(true);
                    if (kinds[top] == Level.CASE && top > 0) {
                        close();
                    }
                    afterOperand = true;
                }
                case QuiverSqlLexer.JOIN -> {
                    closePrefixes(true);
                    startOperand();
                    if (isQualifiedJoin(tokens, i)) {
                        open(Level.JOIN, token);
                    }
                    afterOperand = false;
                }
                case QuiverSqlLexer.ON, QuiverSqlLexer.USING -> {
                    closePrefixes(true);
                    if (kinds[top] == Level.JOIN && top > 0) {
                        close();
                    }
                    startOperand();
                    afterOperand = false;
                }
                default -> {
                    if (afterOperand) {
                        afterOperand = operator(token);
                    }
                    else {
                        operand(token, previous);
                        afterOperand = endsOperand(type);
                    }
                }
            }
            previous = type;
        }
    }

    /** A token where an operand is expected: a prefix operator opens a level, anything else does not. */
    private void operand(Token token, int previous) {
        switch (token.getType()) {
            case QuiverSqlLexer.MINUS, QuiverSqlLexer.PLUS -> open(Level.UNARY, token);
            case QuiverSqlLexer.NOT -> {
                if (previous != QuiverSqlLexer.IS) {
                    open(Level.NOT, token);
                }
            }
            default -> {
                // A leaf (literal, name) or a keyword that begins a clause: neither nests.
            }
        }
    }

    /** A token after an operand; returns whether the token itself can end an operand. */
    private boolean operator(Token token) {
        int type = token.getType();
        switch (type) {
            case QuiverSqlLexer.DOUBLE_COLON -> {
                wrapOperand(token);
                return false;
            }
            case QuiverSqlLexer.IS -> {
                closePrefixes(false);
                wrapOperand(token);
                return false;
            }
            case QuiverSqlLexer.PLUS, QuiverSqlLexer.MINUS, QuiverSqlLexer.ASTERISK, QuiverSqlLexer.SLASH,
                    QuiverSqlLexer.PERCENT, QuiverSqlLexer.CONCAT, QuiverSqlLexer.EQ, QuiverSqlLexer.NEQ,
                    QuiverSqlLexer.LT, QuiverSqlLexer.LTE, QuiverSqlLexer.GT, QuiverSqlLexer.GTE,
                    QuiverSqlLexer.BETWEEN, QuiverSqlLexer.IN, QuiverSqlLexer.LIKE, QuiverSqlLexer.ILIKE,
                    QuiverSqlLexer.NOT, QuiverSqlLexer.ESCAPE -> {
                // Binary operators that bind looser than unary - and + but tighter than NOT.
                closePrefixes(false);
                startOperand();
                return false;
            }
            case QuiverSqlLexer.AND, QuiverSqlLexer.OR -> {
                closePrefixes(true);
                startOperand();
                return false;
            }
            case QuiverSqlLexer.DOT -> {
                // Inside a qualified name: the next part is a name, not a new operand.
                return false;
            }
            default -> {
                if (isName(type) || type == QuiverSqlLexer.STRING) {
                    // An alias, the next word of a type name (double precision) or the string of a
                    // typed literal (DATE '...'): the expression goes on, or ends at what follows.
                    return true;
                }
                // A comma, THEN, FROM, AS, UNION, ...: the expression at this level is complete.
                closePrefixes(true);
                startOperand();
                return endsOperand(type);
            }
        }
    }

    /** Whether a token can be the last one of an operand, so that what follows it is an operator. */
    private static boolean endsOperand(int type) {
        return switch (type) {
            case QuiverSqlLexer.INTEGER_VALUE, QuiverSqlLexer.DECIMAL_VALUE, QuiverSqlLexer.DOUBLE_VALUE,
                    QuiverSqlLexer.STRING, QuiverSqlLexer.QUESTION_MARK, QuiverSqlLexer.DOLLAR_PARAMETER,
                    QuiverSqlLexer.NULL, QuiverSqlLexer.TRUE, QuiverSqlLexer.FALSE, QuiverSqlLexer.ASTERISK -> true;
            default -> isName(type);
        };
    }

    /** An identifier or a keyword that may be used as one. */
    private static boolean isName(int type) {
        return type >= 0 && type < NAMES.length && NAMES[type];
    }

    /**
     * Whether the JOIN at {@code index} takes a relation and then a condition ({@code [INNER | LEFT
     * | RIGHT | FULL] [OUTER] JOIN}), rather than a single relation and none ({@code CROSS JOIN},
     * {@code NATURAL ... JOIN}).
     */
    private static boolean isQualifiedJoin(List<Token> tokens, int index) {
        int i = index - 1;
        while (i >= 0 && switch (tokens.get(i).getType()) {
            case QuiverSqlLexer.INNER, QuiverSqlLexer.LEFT, QuiverSqlLexer.RIGHT, QuiverSqlLexer.FULL,
                    QuiverSqlLexer.OUTER -> true;
            default -> false;
        }) {
            i--;
        }
        return i < 0 || tokens.get(i).getType() != QuiverSqlLexer.CROSS && tokens.get(i).getType() != QuiverSqlLexer.NATURAL;
    }

    private void open(Level kind, Token token) {
        if (top + 1 > limit) {
            throw tooDeep(token);
        }
        top++;
        kinds[top] = kind;
        deepest[top] = top;
    }

    /** Closes the innermost level, whose operand is then part of the operand at the level outside it. */
    private void close() {
        deepest[top - 1] = Math.max(deepest[top - 1], deepest[top]);
        top--;
    }

    /** Closes the innermost level of the given kind and everything inside it, if there is one. */
    private void closeThrough(Level kind) {
        for (int level = top; level > 0; level--) {
            if (kinds[level] == kind) {
                while (top >= level) {
                    close();
                }
                return;
            }
        }
        closePrefixes(true);
    }

    /** Closes the unary - and + whose operand has ended, and also the NOTs if {@code alsoNot}. */
    private void closePrefixes(boolean alsoNot) {
        while (top > 0 && (kinds[top] == Level.UNARY || alsoNot && kinds[top] == Level.NOT)) {
            close();
        }
    }

    /** A new operand begins at the innermost level (after a binary operator, a comma, a clause keyword). */
    private void startOperand() {
        deepest[top] = top;
    }

    /** A postfix operator: the operand read so far at the innermost level is one level deeper. */
    private void wrapOperand(Token token) {
        if (deepest[top] + 1 > limit) {
            throw tooDeep(token);
        }
        deepest[top]++;
    }

    private SqlSyntaxException tooDeep(Token token) {
        return source.error(SqlState.STATEMENT_TOO_COMPLEX, "statement is too deeply nested: "
                + TokenNames.describe(token.getType()) + " opens level " + (limit + 1) + ", more than the " + limit
                + " allowed (levels are open parentheses, CASEs, JOINs awaiting ON, EXPLAIN, and the operators NOT,"
                + " unary - and +, :: and IS); remove redundant nesting or split the statement",
                source.offset(token.getStartIndex()), null);
    }
}
