package dev.quiver.parser.ast;

/** A scalar expression as written. */
public sealed interface Expression extends Node
        permits ColumnReference, NumericLiteral, StringLiteral, BooleanLiteral, NullLiteral, TypedLiteral,
        IntervalLiteral, ArithmeticBinary, ArithmeticUnary, Concatenation, Comparison, LogicalBinary, Not, IsNull, IsTruth,
        Between, InList, InSubquery, Exists, ScalarSubquery, QuantifiedComparison, Like, Case, Cast, Extract,
        FunctionCall, Parameter {
}
