package dev.quiver.fuzz;

import dev.quiver.fuzz.QueryNode.Select;
import dev.quiver.fuzz.QueryNode.SelectItem;
import dev.quiver.fuzz.QueryNode.Tail;
import dev.quiver.testing.QueryRows;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Non-optimizing reference engine construction (Rigger and Su, ESEC/FSE 2020): the number of rows
 * where {@code p} holds, counted by a filter the optimizer may push down, reorder and turn into
 * joins ({@code SELECT count(*) FROM f WHERE p}), equals the same count made by evaluating
 * {@code p} on every row, where no optimization of predicates applies
 * ({@code SELECT sum(CASE WHEN p THEN 1 ELSE 0 END) FROM f}; NULL, the sum of no rows, is 0).
 */
final class NoRecOracle extends ReferenceFreeOracle {
    NoRecOracle(FuzzTarget quiver) {
        super(quiver);
    }

    @Override
    public String name() {
        return "norec";
    }

    @Override
    public CaseResult check(QueryGenerator generator, FuzzRandom random) {
        Subject subject = subject(generator);
        QueryGenerator.From from = subject.from();
        Expr p = subject.predicate();
        List<Expr> filtered = new ArrayList<>(from.conditions());
        filtered.add(p);
        Expr count = new Expr.Aggregate("count", false, Optional.empty(), FuzzType.BIGINT);
        Select optimized = new Select(false, List.of(new SelectItem(count, "n")), from.items(), QueryGenerator.and(filtered), List.of(),
                Optional.empty(), Tail.NONE);
        Expr flag = new Expr.Case(Optional.empty(), List.of(new Expr.When(p, new Expr.Literal(1, FuzzType.INTEGER))),
                Optional.of(new Expr.Literal(0, FuzzType.INTEGER)), FuzzType.INTEGER);
        Expr sum = new Expr.Aggregate("sum", false, Optional.of(flag), FuzzType.BIGINT);
        Select unoptimized = new Select(false, List.of(new SelectItem(sum, "n")), from.items(), QueryGenerator.and(from.conditions()),
                List.of(), Optional.empty(), Tail.NONE);
        return compare(optimized, unoptimized, NoRecOracle::sameCount);
    }

    /** The count against the sum, read as 0 when NULL. */
    private static Optional<String> sameCount(QueryRows count, QueryRows sum) {
        List<List<Object>> rows = new ArrayList<>();
        for (List<Object> row : sum.rows()) {
            rows.add(row.size() == 1 && row.get(0) == null ? List.of(BigDecimal.ZERO) : row);
        }
        return sameRows(count, new QueryRows(sum.columnNames(), rows));
    }
}
