package dev.quiver.planner.memo;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** A set of logically equivalent expressions and the best physical plan found for it. */
public final class Group {
    private final int id;
    private final LogicalProperties properties;
    private final List<GroupExpression> expressions = new ArrayList<>();
    private Winner winner;
    private boolean optimizing;

    Group(int id, LogicalProperties properties) {
        this.id = id;
        this.properties = requireNonNull(properties, "properties");
    }

    public int id() {
        return id;
    }

    public LogicalProperties properties() {
        return properties;
    }

    public List<GroupExpression> expressions() {
        return Collections.unmodifiableList(expressions);
    }

    void add(GroupExpression expression) {
        expressions.add(expression);
    }

    public Optional<Winner> winner() {
        return Optional.ofNullable(winner);
    }

    void setWinner(Winner winner) {
        this.winner = winner;
    }

    boolean isOptimizing() {
        return optimizing;
    }

    void setOptimizing(boolean optimizing) {
        this.optimizing = optimizing;
    }
}
