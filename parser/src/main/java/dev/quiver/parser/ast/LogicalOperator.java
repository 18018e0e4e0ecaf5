package dev.quiver.parser.ast;

/** AND and OR. */
public enum LogicalOperator {
    AND, OR
}
