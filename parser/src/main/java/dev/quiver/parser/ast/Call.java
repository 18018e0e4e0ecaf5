package dev.quiver.parser.ast;

import java.util.List;

/** {@code CALL procedure(arguments)}: runs a procedure offered by an engine extension. */
public record Call(QualifiedName procedure, List<CallArgument> arguments, Span span) implements Statement {
    public Call {
        arguments = List.copyOf(arguments);
    }
}
