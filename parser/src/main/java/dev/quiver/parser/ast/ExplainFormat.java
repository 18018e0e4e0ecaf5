package dev.quiver.parser.ast;

/** How EXPLAIN renders its result: {@code FORMAT TEXT} (the default) or {@code FORMAT JSON}. */
public enum ExplainFormat {
    /** One line per row: the plan as an indented tree, then the other sections. */
    TEXT,
    /** One row holding one JSON document with the same information. */
    JSON
}
