package dev.quiver.parser.ast;

/** ALL, ANY, SOME (SOME is ANY). */
public enum Quantifier {
    ALL, ANY
}
