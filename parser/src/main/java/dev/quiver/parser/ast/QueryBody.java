package dev.quiver.parser.ast;

/** The part of a query that produces rows: a SELECT, a set operation, VALUES, or a nested query. */
public sealed interface QueryBody extends Node permits QuerySpecification, SetOperation, Values, ParenthesizedQuery {
}
