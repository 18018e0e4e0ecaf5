package dev.quiver.parser;

import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.atn.ATN;
import org.antlr.v4.runtime.atn.ATNState;
import org.antlr.v4.runtime.atn.NotSetTransition;
import org.antlr.v4.runtime.atn.PrecedencePredicateTransition;
import org.antlr.v4.runtime.atn.RuleStartState;
import org.antlr.v4.runtime.atn.RuleStopState;
import org.antlr.v4.runtime.atn.RuleTransition;
import org.antlr.v4.runtime.atn.Transition;
import org.antlr.v4.runtime.atn.WildcardTransition;
import org.antlr.v4.runtime.misc.IntervalSet;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Works out, after a syntax error, how far the input could have been read and what would have been
 * accepted there. ANTLR's own expected-token sets describe the state where a decision <em>started</em>,
 * which after a long look-ahead is not where the input went wrong; this class simulates the grammar's
 * ATN from that state over the actual tokens, follows every alternative (memoised per rule invocation
 * and position, so it stays polynomial), and keeps the expected tokens at the furthest token reached.
 *
 * <p>Some rules are reported by a label instead of their first tokens (any expression is just
 * "expression"): entering such a rule at a token records the label, and the tokens inside the rule
 * are only recorded once the rule has consumed at least one token.
 */
final class ExpectedTokenAnalyzer {
    /**
     * Default bound on simulated states; past it the analysis gives up and the caller falls back to
     * ANTLR's own expected sets. Real statements under the nesting limit need a few thousand.
     */
    static final int DEFAULT_BUDGET = 500_000;

    /** The furthest token reached and what would have been accepted there. */
    record Result(int tokenIndex, Set<Integer> tokenTypes, Set<String> labels) {
    }

    private record Key(int state, int tokenIndex, int precedence, boolean suppressed) {
    }

    private record Item(ATNState state, int tokenIndex, boolean suppressed) {
    }

    private final ATN atn;
    private final TokenStream tokens;
    private final Map<Integer, String> ruleLabels;
    private final Map<Key, Set<Integer>> memo = new HashMap<>();
    private final int budget;
    private int steps;

    private int furthest = -1;
    private final Set<Integer> tokenTypes = new HashSet<>();
    private final Set<String> labels = new HashSet<>();

    private ExpectedTokenAnalyzer(Parser parser, Map<Integer, String> ruleLabels, int budget) {
        this.budget = budget;
        this.atn = parser.getATN();
        this.tokens = parser.getTokenStream();
        this.ruleLabels = requireNonNull(ruleLabels, "ruleLabels");
    }

    /**
     * Simulates the grammar from {@code state} (inside the rule invocation {@code context}) at token
     * {@code tokenIndex}. Empty if the simulation did not finish within {@code budget} steps.
     */
    static Optional<Result> analyze(Parser parser, ATNState state, int tokenIndex, RuleContext context,
            Map<Integer, String> ruleLabels, int budget) {
        ExpectedTokenAnalyzer analyzer = new ExpectedTokenAnalyzer(parser, ruleLabels, budget);
        try {
            return Optional.of(analyzer.run(state, tokenIndex, context));
        }
        catch (BudgetExceeded | StackOverflowError e) {
            return Optional.empty();
        }
    }

    private Result run(ATNState state, int tokenIndex, RuleContext context) {
        ATNState start = state;
        RuleContext current = context;
        // While nothing of the current rule has been read, step out to the place that invoked it, so that
        // the outermost rule starting at this token is simulated from its start (and its label applies).
        while (reachableWithoutInput(atn.ruleToStartState[start.ruleIndex], start)
                && current instanceof ParserRuleContext rule
                && rule.getStart() != null && rule.getStart().getTokenIndex() == tokenIndex
                && current.invokingState >= 0) {
            start = atn.states.get(current.invokingState);
            current = current.parent;
        }
        if (reachableWithoutInput(atn.ruleToStartState[start.ruleIndex], start)) {
            start = atn.ruleToStartState[start.ruleIndex];
        }
        Set<Integer> ends = process(start, tokenIndex, 0, false);
        while (!ends.isEmpty() && current != null && current.invokingState >= 0) {
            // The rule can end here: continue after the place its invocation came from. The precedence of
            // that invocation is not kept by ANTLR; 0 accepts every operator, which is the same language.
            ATNState follow = ((RuleTransition) atn.states.get(current.invokingState).transition(0)).followState;
            Set<Integer> next = new HashSet<>();
            for (int end : ends) {
                next.addAll(process(follow, end, 0, false));
            }
            ends = next;
            current = current.parent;
        }
        return new Result(furthest, Set.copyOf(tokenTypes), Set.copyOf(labels));
    }

    private boolean reachableWithoutInput(RuleStartState from, ATNState target) {
        Deque<ATNState> pending = new ArrayDeque<>();
        Set<Integer> seen = new HashSet<>();
        pending.push(from);
        while (!pending.isEmpty()) {
            ATNState current = pending.pop();
            if (current.stateNumber == target.stateNumber) {
                return true;
            }
            if (!seen.add(current.stateNumber) || current instanceof RuleStopState) {
                continue;
            }
            for (Transition transition : current.getTransitions()) {
                if (transition.isEpsilon() && !(transition instanceof RuleTransition)) {
                    pending.push(transition.target);
                }
            }
        }
        return false;
    }

    /**
     * Simulates from {@code start} to the end of its rule; returns the token indexes at which the rule
     * can end. {@code precedence} is that of the rule invocation (for left-recursive rules).
     */
    private Set<Integer> process(ATNState start, int startIndex, int precedence, boolean startSuppressed) {
        Key key = new Key(start.stateNumber, startIndex, precedence, startSuppressed);
        Set<Integer> cached = memo.get(key);
        if (cached != null) {
            return cached;
        }
        memo.put(key, Set.of()); // guards against re-entry; the grammar has no left recursion left in the ATN

        Set<Integer> ends = new HashSet<>();
        Deque<Item> pending = new ArrayDeque<>();
        Set<Item> seen = new HashSet<>();
        pending.push(new Item(start, startIndex, startSuppressed));
        while (!pending.isEmpty()) {
            Item item = pending.pop();
            if (!seen.add(item)) {
                continue;
            }
            if (++steps > budget) {
                throw new BudgetExceeded();
            }
            ATNState state = item.state();
            int index = item.tokenIndex();
            boolean suppressed = item.suppressed();
            int lookahead = tokens.get(index).getType();

            if (state instanceof RuleStartState) {
                String label = ruleLabels.get(state.ruleIndex);
                if (label != null) {
                    if (!suppressed) {
                        record(index, label);
                    }
                    suppressed = true;
                }
            }
            if (state instanceof RuleStopState) {
                ends.add(index);
                continue;
            }
            for (Transition transition : state.getTransitions()) {
                if (transition instanceof RuleTransition call) {
                    for (int end : process(call.target, index, call.precedence, suppressed)) {
                        pending.push(new Item(call.followState, end, suppressed && end == index));
                    }
                }
                else if (transition instanceof PrecedencePredicateTransition predicate) {
                    // ANTLR's precpred(ctx, p) is p >= the precedence of the current invocation.
                    if (predicate.precedence >= precedence) {
                        pending.push(new Item(transition.target, index, suppressed));
                    }
                }
                else if (transition.isEpsilon()) {
                    pending.push(new Item(transition.target, index, suppressed));
                }
                else {
                    IntervalSet accepted = accepted(transition);
                    if (accepted.contains(lookahead)) {
                        // EOF is the last token: matching it ends the input, there is nothing to advance to.
                        int next = lookahead == Token.EOF ? index : index + 1;
                        pending.push(new Item(transition.target, next, false));
                    }
                    else if (!suppressed) {
                        record(index, accepted);
                    }
                }
            }
        }
        Set<Integer> result = Set.copyOf(ends);
        memo.put(key, result);
        return result;
    }

    private IntervalSet accepted(Transition transition) {
        if (transition instanceof WildcardTransition) {
            return IntervalSet.of(Token.MIN_USER_TOKEN_TYPE, atn.maxTokenType);
        }
        IntervalSet label = transition.label();
        if (transition instanceof NotSetTransition) {
            return label.complement(IntervalSet.of(Token.MIN_USER_TOKEN_TYPE, atn.maxTokenType));
        }
        return label;
    }

    private boolean advanceTo(int index) {
        if (index < furthest) {
            return false;
        }
        if (index > furthest) {
            furthest = index;
            tokenTypes.clear();
            labels.clear();
        }
        return true;
    }

    private void record(int index, String label) {
        if (advanceTo(index)) {
            labels.add(label);
        }
    }

    private void record(int index, IntervalSet accepted) {
        if (advanceTo(index)) {
            tokenTypes.addAll(accepted.toList());
        }
    }

    private static final class BudgetExceeded extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BudgetExceeded() {
            super(null, null, false, false);
        }
    }
}
