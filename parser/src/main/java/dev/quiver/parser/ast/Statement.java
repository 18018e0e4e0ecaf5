package dev.quiver.parser.ast;

/** A top-level SQL statement. */
public sealed interface Statement extends Node
        permits QueryStatement, CreateTable, CreateTableAs, CreateView, DropTable, DropView, CreateIndex, DropIndex, Insert, Delete,
        Update, Reindex, Analyze, Explain, Call, SetOption {
}
