package dev.quiver.planner.expr;

/** The aggregate functions. {@code COUNT_STAR} counts rows; the others skip NULL inputs. */
public enum AggregateKind {
    COUNT_STAR("count"), COUNT("count"), SUM("sum"), AVG("avg"), MIN("min"), MAX("max");

    private final String sqlName;

    AggregateKind(String sqlName) {
        this.sqlName = sqlName;
    }

    public String sqlName() {
        return sqlName;
    }
}
