package dev.quiver.parser.ast;

/** Every AST node knows where in the SQL text it came from. */
public interface Node {
    Span span();
}
