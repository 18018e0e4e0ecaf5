package dev.quiver.parser.ast;

/** The set operations between query bodies. */
public enum SetOperator {
    UNION, INTERSECT, EXCEPT
}
