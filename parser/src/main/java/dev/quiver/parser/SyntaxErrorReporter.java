package dev.quiver.parser;

import dev.quiver.error.EditDistance;
import dev.quiver.parser.antlr.QuiverSqlLexer;
import dev.quiver.parser.antlr.QuiverSqlParser;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.RuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.atn.ATNState;
import org.antlr.v4.runtime.misc.IntervalSet;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * Turns the first syntax error ANTLR finds into a {@link SqlSyntaxException} with a short, useful
 * message: {@code syntax error at line L, column C: unexpected 'TOKEN', expected X}. Install it as
 * both the error strategy and the (only) error listener of the second, full-LL parsing pass.
 *
 * <p>X is, in order of preference: the one expected keyword the offending word is a near-miss of
 * ({@code FORM} &rarr; {@code FROM}); the single expected item; or a few expected items, chosen and
 * ordered by {@link TokenNames#rank(String)}. Lexical problems (an unterminated string, quoted
 * identifier or comment, a stray character) get their own message at the place where they start.
 */
final class SyntaxErrorReporter extends DefaultErrorStrategy {
    /** How many expected items a message lists at most. */
    private static final int MAX_LISTED = 6;
    /** How much of an offending token's text is quoted in a message. */
    private static final int MAX_TOKEN_TEXT = 40;

    /** Rules reported by a label rather than by their first tokens. */
    private static final Map<Integer, String> RULE_LABELS = Map.of(
            QuiverSqlParser.RULE_expression, TokenNames.EXPRESSION,
            QuiverSqlParser.RULE_booleanExpression, TokenNames.EXPRESSION,
            QuiverSqlParser.RULE_isExpression, TokenNames.EXPRESSION,
            QuiverSqlParser.RULE_comparisonExpression, TokenNames.EXPRESSION,
            QuiverSqlParser.RULE_predicateExpression, TokenNames.EXPRESSION,
            QuiverSqlParser.RULE_valueExpression, TokenNames.EXPRESSION,
            QuiverSqlParser.RULE_primaryExpression, TokenNames.EXPRESSION,
            QuiverSqlParser.RULE_identifier, TokenNames.IDENTIFIER,
            QuiverSqlParser.RULE_type, TokenNames.TYPE);

    private final SourceText source;
    private final int analysisBudget;

    // The first place, for the current token, where the parser checked what may come next. Starting the
    // analysis there (rather than where the error surfaced, often after optional clauses were skipped)
    // lists everything that could have followed the previous token.
    private int syncTokenIndex = -1;
    private int syncState;
    private ParserRuleContext syncContext;

    SyntaxErrorReporter(SourceText source) {
        this(source, ExpectedTokenAnalyzer.DEFAULT_BUDGET);
    }

    /** With a bound on the work spent finding the expected tokens (see {@link ExpectedTokenAnalyzer}). */
    SyntaxErrorReporter(SourceText source, int analysisBudget) {
        this.source = requireNonNull(source, "source");
        this.analysisBudget = analysisBudget;
    }

    /** The listener half: throws on the first error the parser reports. */
    BaseErrorListener listener() {
        return new BaseErrorListener() {
            @Override
            public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int column,
                    String antlrMessage, RecognitionException e) {
                throw report((Parser) recognizer, e);
            }
        };
    }

    @Override
    public void sync(Parser recognizer) throws RecognitionException {
        int index = recognizer.getInputStream().index();
        if (index != syncTokenIndex) {
            syncTokenIndex = index;
            syncState = recognizer.getState();
            syncContext = recognizer.getContext();
        }
        super.sync(recognizer);
    }

    private SqlSyntaxException report(Parser parser, RecognitionException e) {
        TokenStream tokens = parser.getTokenStream();
        int state;
        RuleContext context;
        int tokenIndex;
        if (e != null) {
            state = e.getOffendingState();
            context = e.getCtx();
            tokenIndex = e instanceof NoViableAltException noViableAlt
                    ? noViableAlt.getStartToken().getTokenIndex()
                    : e.getOffendingToken().getTokenIndex();
        }
        else {
            state = parser.getState();
            context = parser.getContext();
            tokenIndex = parser.getCurrentToken().getTokenIndex();
        }
        if (tokenIndex == syncTokenIndex && syncContext != null) {
            state = syncState;
            context = syncContext;
        }

        ATNState start = state < 0 ? null : parser.getATN().states.get(state);
        Optional<ExpectedTokenAnalyzer.Result> analyzed = start == null
                ? Optional.empty()
                : ExpectedTokenAnalyzer.analyze(parser, start, tokenIndex, context, RULE_LABELS, analysisBudget);
        if (analyzed.isPresent() && analyzed.get().tokenIndex() >= 0) {
            ExpectedTokenAnalyzer.Result result = analyzed.get();
            Set<String> expected = new HashSet<>(result.labels());
            result.tokenTypes().forEach(type -> expected.add(TokenNames.describe(type)));
            return error(tokens, result.tokenIndex(), expected);
        }
        // The analysis gave up: use ANTLR's own view of the offending token.
        int offending = e != null ? e.getOffendingToken().getTokenIndex() : parser.getCurrentToken().getTokenIndex();
        IntervalSet types = e != null && e.getOffendingState() >= 0 ? e.getExpectedTokens() : parser.getExpectedTokens();
        Set<String> expected = new HashSet<>();
        types.toList().forEach(type -> expected.add(TokenNames.describe(type)));
        return error(tokens, offending, expected);
    }

    private SqlSyntaxException error(TokenStream tokens, int tokenIndex, Set<String> expected) {
        Token token = tokens.get(tokenIndex);
        int offset = source.offset(token.getStartIndex());
        switch (token.getType()) {
            case QuiverSqlLexer.UNTERMINATED_STRING:
                return source.syntaxError("unterminated string literal; end it with a single quote (')", offset);
            case QuiverSqlLexer.UNTERMINATED_QUOTED_IDENTIFIER:
                return source.syntaxError("unterminated quoted identifier; end it with a double quote (\")", offset);
            case QuiverSqlLexer.UNTERMINATED_BLOCK_COMMENT:
                return source.syntaxError("unterminated block comment; end it with */", offset);
            case QuiverSqlLexer.UNRECOGNIZED:
                return source.syntaxError("unexpected character " + describeCharacter(token.getText()), offset);
            default:
                break;
        }

        String unexpected;
        if (token.getType() == Token.EOF) {
            unexpected = "unexpected end of input";
            offset = tokenIndex == 0 ? 0 : source.offset(tokens.get(tokenIndex - 1).getStopIndex() + 1);
        }
        else if (token.getType() == QuiverSqlLexer.STRING) {
            unexpected = "unexpected string literal " + shorten(token.getText());
        }
        else {
            unexpected = "unexpected '" + shorten(token.getText()) + "'";
        }

        Set<String> items = simplify(expected);
        if (items.isEmpty()) {
            return source.syntaxError(unexpected, offset);
        }
        Optional<String> nearMiss = TokenNames.isWord(token.getType())
                ? nearMiss(token.getText().toUpperCase(Locale.ROOT), items)
                : Optional.empty();
        List<String> listed;
        if (nearMiss.isPresent()) {
            listed = List.of(nearMiss.get());
        }
        else {
            listed = items.stream()
                    .sorted(Comparator.comparingInt(TokenNames::rank).thenComparing(Comparator.naturalOrder()))
                    .limit(MAX_LISTED)
                    .sorted(Comparator.comparingInt(TokenNames::group)
                            .thenComparingInt(TokenNames::rank)
                            .thenComparing(Comparator.naturalOrder()))
                    .toList();
        }
        String message = unexpected + (listed.size() == 1
                ? ", expected " + listed.get(0)
                : ", expected one of: " + String.join(", ", listed));
        if (TokenNames.isReservedKeyword(token.getType()) && listed.contains(TokenNames.IDENTIFIER)) {
            // A name that happens to be a reserved word: say how to use it anyway.
            String word = token.getText();
            message += "; " + word.toUpperCase(Locale.ROOT) + " is a reserved keyword, write \""
                    + word.toLowerCase(Locale.ROOT) + "\" to use it as a name";
        }
        return source.syntaxError(message, offset);
    }

    /** Collapses what is implied by something broader: every keyword usable as a name is an identifier. */
    private static Set<String> simplify(Set<String> expected) {
        Set<String> items = new HashSet<>(expected);
        SortedSet<String> nonReserved = TokenNames.nonReservedKeywords();
        if (items.containsAll(nonReserved)) {
            items.removeAll(nonReserved);
            items.add(TokenNames.IDENTIFIER);
        }
        if (items.contains(TokenNames.EXPRESSION)) {
            items.remove(TokenNames.IDENTIFIER);
        }
        return items;
    }

    /** The expected keyword the word is a likely misspelling of, if exactly one is closest. */
    private static Optional<String> nearMiss(String word, Set<String> expected) {
        int best = Integer.MAX_VALUE;
        String choice = null;
        for (String keyword : expected.stream().filter(item -> TokenNames.group(item) == 1).sorted(
                Comparator.comparingInt(TokenNames::rank)).collect(Collectors.toList())) {
            int distance = EditDistance.between(word, keyword);
            int allowed = Math.min(keyword.length() <= 3 ? 1 : 2, word.length() - 1);
            if (distance <= allowed && distance < best) {
                best = distance;
                choice = keyword;
            }
        }
        return Optional.ofNullable(choice);
    }


    private static String shorten(String text) {
        int newline = text.indexOf('\n');
        String result = newline >= 0 ? text.substring(0, newline) + "..." : text;
        if (result.length() > MAX_TOKEN_TEXT) {
            result = result.substring(0, MAX_TOKEN_TEXT) + "...";
        }
        return result;
    }

    private static String describeCharacter(String text) {
        int codePoint = text.codePointAt(0);
        if (codePoint < 0x20 || codePoint == 0x7f || Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)
                || !Character.isDefined(codePoint) || Character.getType(codePoint) == Character.FORMAT) {
            return String.format("U+%04X", codePoint);
        }
        return "'" + text + "'";
    }
}
