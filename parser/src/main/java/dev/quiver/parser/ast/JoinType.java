package dev.quiver.parser.ast;

/** The kinds of join written in SQL; comma-separated FROM items are CROSS joins. */
public enum JoinType {
    INNER, LEFT, RIGHT, FULL, CROSS
}
