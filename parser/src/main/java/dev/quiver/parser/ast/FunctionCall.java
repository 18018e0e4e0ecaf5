package dev.quiver.parser.ast;

import java.util.List;

/**
 * A call {@code name([DISTINCT] args)} or {@code name(*)}. Special syntaxes become ordinary calls:
 * {@code SUBSTRING(x FROM a FOR b)} is {@code substring(x, a, b)}, {@code TRIM([BOTH|LEADING|TRAILING]
 * [chars] FROM x)} is {@code trim|ltrim|rtrim(x [, chars])}, {@code POSITION(a IN b)} is {@code position(a, b)}.
 */
public record FunctionCall(QualifiedName name, List<Expression> arguments, boolean distinct, boolean star,
        Span span) implements Expression {
    public FunctionCall {
        arguments = List.copyOf(arguments);
    }
}
