package dev.quiver.parser.ast;

/** Where NULLs sort: as the default for the direction (last ascending, first descending), first, or last. */
public enum NullOrdering {
    DEFAULT, FIRST, LAST
}
