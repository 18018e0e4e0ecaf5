package dev.quiver.parser;

import dev.quiver.error.SqlState;
import dev.quiver.parser.antlr.QuiverSqlLexer;
import dev.quiver.parser.antlr.QuiverSqlParser;
import dev.quiver.parser.ast.Expression;
import dev.quiver.parser.ast.Statement;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

import java.util.List;
import java.util.SortedSet;
import java.util.function.BiFunction;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * Parses Quiver's SQL dialect into the immutable AST of {@code dev.quiver.parser.ast}.
 *
 * <p>Contract:
 * <ul>
 * <li>Every method either returns a complete AST or throws {@link SqlSyntaxException}; no other
 *     exception escapes for any input text (a {@code null} text is a programming error and throws
 *     {@link NullPointerException}). The exception carries the SQL text and the offset of the
 *     problem, so its message ends with the offending line and a caret. Its SQLSTATE is 42601 for
 *     syntax errors, 0A000 for syntax Quiver recognises but does not support (column defaults)
 *     and 54001 for statements nested too deeply.</li>
 * <li>Unquoted identifiers are folded to lower case, quoted ones keep their case; keywords are
 *     case-insensitive. Only {@link #reservedKeywords()} cannot be used as unquoted names.</li>
 * <li>Every node's span is a range of char offsets into the text given (for
 *     {@link #parseScript(String)}, into the whole script).</li>
 * <li>{@code ?} parameters are numbered from 0 in order of appearance within each statement;
 *     {@code $n} is parameter n - 1.</li>
 * <li>The parser does not resolve names or check types: {@code CAST(x AS no_such_type)} parses.</li>
 * </ul>
 *
 * <p>Parsing runs ANTLR's fast SLL prediction first and only re-parses with full LL prediction (and
 * error reporting) when that fails, which is the usual cost of a syntax error or a rare ambiguity.
 * Input nested deeper than {@link #MAX_NESTING_DEPTH} levels is rejected with SQLSTATE 54001 before
 * ANTLR sees it, by a linear scan of the tokens, so that such a statement fails within milliseconds
 * whatever its size. A level is an open parenthesis, {@code CASE} or {@code JOIN} awaiting its
 * {@code ON}, an {@code EXPLAIN}, or one of the operators {@code NOT}, unary {@code -} and {@code +},
 * {@code ::} and {@code IS} (see {@link NestingCheck} for the exact measure); binary operators and
 * lists are flat, so long chains such as {@code a + b + c ...}, {@code p AND q AND r ...} or
 * {@code IN (1, 2, 3, ...)} are not limited by it. Anything that still overflows the stack is
 * rejected with 54001 too.
 *
 * <p>The class is stateless and thread-safe.
 */
public final class SqlParser {
    /**
     * The deepest nesting accepted, in the levels {@link NestingCheck} counts. Chosen so that every
     * nested construct still parses on a thread with a 1 MB stack (scalar subqueries, the most
     * stack-hungry, overflow it at about 140 levels when the parser runs interpreted; a unary operator
     * costs a twelfth as much), so that ANTLR's prediction through the deepest nest allowed stays
     * cheap (a tenth of a second the first time a shape is seen, milliseconds after), and well above
     * what real SQL needs (no statement of the SQLite sqllogictest corpus, whose generated
     * expressions nest unary operators, CASEs and parentheses freely, goes past 40 levels).
     */
    public static final int MAX_NESTING_DEPTH = 100;

    private SqlParser() {
    }

    /** Parses exactly one statement, optionally followed by {@code ;}. */
    public static Statement parseStatement(String sql) {
        return parse(sql, true, QuiverSqlParser::singleStatement, (tree, builder) -> builder.statement(tree.statement()));
    }

    /**
     * Parses statements separated by {@code ;}. Empty statements (only {@code ;}, whitespace or
     * comments) are skipped, so an empty script is an empty list.
     */
    public static List<Statement> parseScript(String sql) {
        return parse(sql, true, QuiverSqlParser::script,
                (tree, builder) -> tree.statement().stream().map(builder::statement).toList());
    }

    /** Parses one scalar expression, such as {@code a + 1} or {@code x BETWEEN 1 AND ?}. */
    public static Expression parseExpression(String sql) {
        return parse(sql, false, QuiverSqlParser::standaloneExpression,
                (tree, builder) -> builder.standaloneExpression(tree.expression()));
    }

    /** The keywords that must be quoted to be used as names, upper case and sorted. */
    public static SortedSet<String> reservedKeywords() {
        return TokenNames.reservedKeywords();
    }

    /** Parses with the given entry rule; {@code statements} says whether it reads statements or an expression. */
    private static <C extends ParserRuleContext, T> T parse(String sql, boolean statements,
            Function<QuiverSqlParser, C> rule, BiFunction<C, AstBuilder, T> build) {
        requireNonNull(sql, "sql");
        SourceText source = new SourceText(sql);
        try {
            QuiverSqlLexer lexer = new QuiverSqlLexer(CharStreams.fromString(sql));
            lexer.removeErrorListeners();
            CommonTokenStream tokens = new CommonTokenStream(lexer);
            tokens.fill();
            NestingCheck.check(source, tokens.getTokens(), statements, MAX_NESTING_DEPTH);

            QuiverSqlParser parser = new QuiverSqlParser(tokens);
            parser.removeErrorListeners();
            parser.setErrorHandler(new BailErrorStrategy());
            parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
            C tree;
            try {
                tree = rule.apply(parser);
            }
            catch (ParseCancellationException e) {
                // SLL failed: either a real syntax error or a decision that needs full context.
                SyntaxErrorReporter reporter = new SyntaxErrorReporter(source);
                parser.setErrorHandler(reporter);
                parser.addErrorListener(reporter.listener());
                parser.reset();
                parser.getInterpreter().setPredictionMode(PredictionMode.LL);
                tree = rule.apply(parser);
            }
            return build.apply(tree, new AstBuilder(source, tokens));
        }
        catch (SqlSyntaxException e) {
            throw e;
        }
        catch (StackOverflowError e) {
            throw source.error(SqlState.STATEMENT_TOO_COMPLEX,
                    "statement is too deeply nested; simplify it, for example by splitting long nested expressions",
                    0, null);
        }
        catch (RuntimeException e) {
            throw source.error(SqlState.INTERNAL_ERROR, "internal error while parsing: " + e, 0, e);
        }
    }
}
