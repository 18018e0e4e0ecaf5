package dev.quiver.parser.ast;

import java.util.Optional;

/** {@code left [type] JOIN right [criteria]}; criteria is empty only for CROSS joins. */
public record Join(JoinType type, Relation left, Relation right, Optional<JoinCriteria> criteria, Span span)
        implements Relation {
}
