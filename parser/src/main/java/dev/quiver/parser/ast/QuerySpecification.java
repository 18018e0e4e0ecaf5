package dev.quiver.parser.ast;

import java.util.List;
import java.util.Optional;

/** {@code SELECT [DISTINCT] items [FROM relation] [WHERE] [GROUP BY] [HAVING]}. */
public record QuerySpecification(boolean distinct, List<SelectItem> selectItems, Optional<Relation> from,
        Optional<Expression> where, List<Expression> groupBy, Optional<Expression> having, Span span)
        implements QueryBody {
    public QuerySpecification {
        selectItems = List.copyOf(selectItems);
        groupBy = List.copyOf(groupBy);
    }
}
