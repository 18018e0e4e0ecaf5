package dev.quiver.parser;

import dev.quiver.parser.antlr.QuiverSqlLexer;
import dev.quiver.parser.antlr.QuiverSqlParser;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.ATN;
import org.antlr.v4.runtime.atn.ATNState;
import org.antlr.v4.runtime.atn.AtomTransition;
import org.antlr.v4.runtime.atn.BlockStartState;
import org.antlr.v4.runtime.atn.RuleStartState;
import org.antlr.v4.runtime.atn.RuleStopState;
import org.antlr.v4.runtime.atn.RuleTransition;
import org.antlr.v4.runtime.atn.SetTransition;
import org.antlr.v4.runtime.atn.Transition;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every part of the grammar is exercised: each alternative of each rule, each labeled alternative,
 * and each token or sub-rule that may appear directly in a rule. An alternative nothing reaches is a
 * defect (dead grammar, or a construct without a test); this corpus is where a new construct gets
 * its first sample. The AST built for these constructs is checked by the other tests.
 */
class GrammarCoverageTest {
    private static final List<String> STATEMENTS = List.of(
            "SELECT DISTINCT a, b AS c, d e, t.*, * FROM s.t AS x (p, q), u y, (SELECT 1) z (w), (VALUES (1)) AS v, "
                    + "(t), ((SELECT 2)) WHERE a GROUP BY a, b HAVING b ORDER BY a ASC NULLS FIRST, b DESC NULLS LAST, c "
                    + "LIMIT 10 OFFSET 2 ROWS;",
            "SELECT ALL 1 OFFSET 1 ROW LIMIT ALL",
            "SELECT 1 OFFSET 1 LIMIT 2",
            "SELECT 1 LIMIT 2",
            "WITH a (x) AS (SELECT 1), b AS (SELECT 2) SELECT 1 UNION SELECT 2 UNION ALL SELECT 3 INTERSECT DISTINCT "
                    + "SELECT 4 EXCEPT SELECT 5",
            "(SELECT 1) UNION (VALUES (1, 2), (3, 4))",
            "SELECT * FROM a CROSS JOIN b JOIN c ON p INNER JOIN d USING (x, y) LEFT JOIN e ON p LEFT OUTER JOIN f ON p "
                    + "RIGHT JOIN g ON p RIGHT OUTER JOIN h ON p FULL JOIN i ON p FULL OUTER JOIN j ON p NATURAL JOIN k "
                    + "NATURAL LEFT JOIN l",
            "CREATE TABLE IF NOT EXISTS t (a int NOT NULL PRIMARY KEY UNIQUE, z int NULL, b double precision, "
                    + "c character varying(1, 2), d timestamp with time zone, e time without time zone, "
                    + "CONSTRAINT pk PRIMARY KEY (a), UNIQUE (b))",
            "CREATE TABLE t (a int DEFAULT 1)",
            "CREATE TABLE IF NOT EXISTS t AS SELECT 1",
            "CREATE OR REPLACE VIEW v (a) AS SELECT 1",
            "DROP TABLE IF EXISTS t",
            "DROP VIEW IF EXISTS v",
            "INSERT INTO t (a) VALUES (1)",
            "INSERT OR REPLACE INTO t VALUES (1)",
            "INSERT OR IGNORE INTO t SELECT 1",
            "REPLACE INTO t (a) VALUES (1)",
            "REINDEX INDEX s.i",
            "REINDEX TABLE t",
            "REINDEX i",
            "REINDEX",
            "ANALYZE t",
            "ANALYZE",
            "CREATE UNIQUE INDEX IF NOT EXISTS i ON s.t (a ASC, b DESC, c)",
            "CREATE INDEX i ON t (a)",
            "DROP INDEX IF EXISTS s.i",
            "DROP INDEX i",
            "DELETE FROM s.t AS x WHERE x.a > 1",
            "DELETE FROM t",
            "UPDATE s.t x SET a = 1, b = a + b WHERE a IS NULL",
            "UPDATE t SET a = 1",
            "EXPLAIN ANALYZE SELECT 1",
            "EXPLAIN (ANALYZE, FORMAT json, RULES TRUE) SELECT 1",
            "EXPLAIN (ANALYZE FALSE, RULES ON, FORMAT 'text') SELECT 1",
            "CALL p(1, x => 2)",
            "SET a = 1",
            "SET a TO on",
            "SELECT \"Quoted\", unquoted, date FROM t");

    private static final List<String> EXPRESSIONS = List.of(
            "NOT a AND b OR c",
            "a IS NULL AND a IS NOT NULL AND a IS DISTINCT FROM b AND a IS NOT DISTINCT FROM b",
            "a IS TRUE AND a IS NOT FALSE AND a IS UNKNOWN",
            "a = b AND a <> b AND a < b AND a <= b AND a > b AND a >= b",
            "a = ALL (SELECT 1) AND a = ANY (SELECT 1) AND a = SOME (SELECT 1)",
            "a BETWEEN 1 AND 2 AND a NOT BETWEEN 1 AND 2",
            "a IN (SELECT 1) AND a NOT IN (SELECT 1) AND a IN (1, 2) AND a NOT IN (1) AND a IN () AND a NOT IN ()",
            "a LIKE b ESCAPE c AND a NOT ILIKE b",
            "x::int + -y * +z / w % v - u || t",
            "NULL || 1 || 1.5 || 1e3 || TRUE || FALSE || 'x' || DATE 'x' || TIME 'x' || TIMESTAMP 'x'",
            "INTERVAL '1' YEAR + INTERVAL -'1' YEARS + INTERVAL +'1' MONTH + INTERVAL '1' MONTHS + INTERVAL '1' DAY (3)"
                    + " + INTERVAL '1' DAYS + INTERVAL '1' HOUR + INTERVAL '1' HOURS + INTERVAL '1' MINUTE"
                    + " + INTERVAL '1' MINUTES + INTERVAL '1' SECOND + INTERVAL '1' SECONDS",
            "? + $1",
            "(SELECT 1) + (1) + EXISTS (SELECT 1)",
            "CASE a WHEN 1 THEN 2 ELSE 3 END + CASE WHEN a THEN 1 ELSE 2 END",
            "CAST(a AS int) + EXTRACT(year FROM a)",
            "SUBSTRING(a FROM 1 FOR 2) || TRIM(BOTH 'x' FROM a) || TRIM(LEADING FROM a) || TRIM(TRAILING FROM a)"
                    + " || POSITION('a' IN b)",
            "count(*) + f(DISTINCT a, b) + s.f() + LEFT(a, 1) + RIGHT(a, 1)",
            "t.a + s.t.a");

    private static final List<String> SCRIPTS = List.of(";; SELECT 1;; SELECT 2;", "");

    @Test
    void everyPartOfTheGrammarIsExercised() {
        Coverage coverage = new Coverage();
        STATEMENTS.forEach(sql -> coverage.parse(sql, QuiverSqlParser::singleStatement));
        EXPRESSIONS.forEach(sql -> coverage.parse(sql, QuiverSqlParser::standaloneExpression));
        SCRIPTS.forEach(sql -> coverage.parse(sql, QuiverSqlParser::script));
        TokenNames.nonReservedKeywords().forEach(keyword -> coverage.parse(keyword, QuiverSqlParser::standaloneExpression));

        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(coverage.missingLabeledAlternatives()).as("labeled alternatives never parsed").isEmpty();
        softly.assertThat(coverage.missingAlternatives()).as("rule alternatives never parsed").isEmpty();
        softly.assertThat(coverage.missingElements()).as("tokens or rules never parsed directly in a rule").isEmpty();
        softly.assertThat(coverage.missingPositions()).as("grammar positions never parsed").isEmpty();
        softly.assertAll();
    }

    @Test
    void theCorpusIsValidSql() {
        // Everything above parses through the public API too, except the rejected column default.
        for (String sql : STATEMENTS) {
            if (!sql.contains("DEFAULT")) {
                assertThat(SqlParser.parseStatement(sql)).as(sql).isNotNull();
            }
        }
        EXPRESSIONS.forEach(sql -> assertThat(SqlParser.parseExpression(sql)).as(sql).isNotNull());
    }

    /** Records which alternatives and elements of the grammar the parsed trees used. */
    private static final class Coverage {
        private final Set<String> seenContexts = new TreeSet<>();
        private final Set<String> seenAlternatives = new TreeSet<>();
        private final Set<String> seenElements = new TreeSet<>();
        private final Set<Integer> seenStates = new HashSet<>();

        void parse(String sql, Function<QuiverSqlParser, ParserRuleContext> rule) {
            QuiverSqlParser parser = new QuiverSqlParser(new CommonTokenStream(new QuiverSqlLexer(CharStreams.fromString(sql)))) {
                @Override
                public void enterOuterAlt(ParserRuleContext context, int alternative) {
                    super.enterOuterAlt(context, alternative);
                    seenAlternatives.add(ruleNames[context.getRuleIndex()] + "#" + alternative);
                }

                @Override
                public Token consume() {
                    seenStates.add(getState()); // the position of the token reference being matched
                    return super.consume();
                }
            };
            parser.removeErrorListeners();
            parser.setErrorHandler(new org.antlr.v4.runtime.BailErrorStrategy());
            record(rule.apply(parser));
        }

        private void record(ParseTree tree) {
            if (!(tree instanceof ParserRuleContext context)) {
                return;
            }
            seenContexts.add(context.getClass().getSimpleName());
            seenStates.add(context.invokingState); // the position of the rule reference
            String rule = QuiverSqlParser.ruleNames[context.getRuleIndex()];
            for (ParseTree child : context.children == null ? List.<ParseTree>of() : context.children) {
                if (child instanceof TerminalNode terminal) {
                    seenElements.add(rule + " > " + tokenName(terminal.getSymbol().getType()));
                }
                else {
                    seenElements.add(rule + " > " + QuiverSqlParser.ruleNames[((ParserRuleContext) child).getRuleIndex()]);
                    record(child);
                }
            }
        }

        Set<String> missingLabeledAlternatives() {
            Set<String> missing = new TreeSet<>();
            for (Class<?> nested : QuiverSqlParser.class.getDeclaredClasses()) {
                Class<?> parent = nested.getSuperclass();
                if (ParserRuleContext.class.isAssignableFrom(nested) && parent != ParserRuleContext.class
                        && !seenContexts.contains(nested.getSimpleName())) {
                    missing.add(nested.getSimpleName());
                }
            }
            return missing;
        }

        Set<String> missingAlternatives() {
            ATN atn = QuiverSqlParser._ATN;
            Set<String> missing = new TreeSet<>();
            for (int rule = 0; rule < atn.ruleToStartState.length; rule++) {
                RuleStartState start = atn.ruleToStartState[rule];
                if (start.isLeftRecursiveRule) {
                    continue; // its alternatives are all labeled and checked above
                }
                ATNState first = start.transition(0).target;
                boolean outerBlock = first instanceof BlockStartState block
                        && block.endState.transition(0).target instanceof RuleStopState;
                int alternatives = outerBlock ? first.getNumberOfTransitions() : 1;
                for (int alternative = 1; alternative <= alternatives; alternative++) {
                    String name = QuiverSqlParser.ruleNames[rule] + "#" + alternative;
                    if (!seenAlternatives.contains(name)) {
                        missing.add(name);
                    }
                }
            }
            return missing;
        }

        Set<String> missingElements() {
            Set<String> missing = new TreeSet<>();
            for (ATNState state : QuiverSqlParser._ATN.states) {
                if (state == null) {
                    continue;
                }
                String rule = QuiverSqlParser.ruleNames[state.ruleIndex];
                for (Transition transition : state.getTransitions()) {
                    List<String> elements = new ArrayList<>();
                    if (transition instanceof RuleTransition call) {
                        elements.add(QuiverSqlParser.ruleNames[call.target.ruleIndex]);
                    }
                    else if (transition instanceof AtomTransition || transition instanceof SetTransition) {
                        transition.label().toList().forEach(type -> elements.add(tokenName(type)));
                    }
                    for (String element : elements) {
                        if (!seenElements.contains(rule + " > " + element)) {
                            missing.add(rule + " > " + element);
                        }
                    }
                }
            }
            return missing;
        }

        /** Every token or rule reference in the grammar, by its position (ATN state). */
        Set<String> missingPositions() {
            Set<String> missing = new TreeSet<>();
            for (ATNState state : QuiverSqlParser._ATN.states) {
                if (state == null || seenStates.contains(state.stateNumber)) {
                    continue;
                }
                for (Transition transition : state.getTransitions()) {
                    String rule = QuiverSqlParser.ruleNames[state.ruleIndex];
                    if (transition instanceof RuleTransition call) {
                        missing.add(rule + " @" + state.stateNumber + " > " + QuiverSqlParser.ruleNames[call.target.ruleIndex]);
                    }
                    else if (transition instanceof AtomTransition || transition instanceof SetTransition) {
                        missing.add(rule + " @" + state.stateNumber + " > " + transition.label().toList().stream()
                                .map(Coverage::tokenName).collect(Collectors.joining("|")));
                    }
                }
            }
            return missing;
        }

        private static String tokenName(int type) {
            return type == Token.EOF ? "EOF" : QuiverSqlParser.VOCABULARY.getSymbolicName(type);
        }
    }
}
