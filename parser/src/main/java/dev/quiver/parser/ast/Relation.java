package dev.quiver.parser.ast;

/** Something that can stand in a FROM clause. */
public sealed interface Relation extends Node permits TableReference, SubqueryRelation, Join {
}
