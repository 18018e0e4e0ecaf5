package dev.quiver.fuzz;

/**
 * Which engine a generated statement is written for. Quiver follows PostgreSQL, so one text serves
 * Quiver and {@code psql} (used to decide who is right when Quiver and DuckDB disagree); DuckDB
 * needs a few operators spelled differently. Every rendering difference lives here.
 */
enum Dialect {
    /** Quiver and PostgreSQL. */
    POSTGRES,
    /** DuckDB, the oracle of the differential fuzzer. */
    DUCKDB;

    /**
     * The operator that divides two integers truncating toward zero: PostgreSQL's {@code /};
     * DuckDB's {@code /} on integers returns a DOUBLE, its {@code //} truncates as PostgreSQL does.
     */
    String integerDivision() {
        return this == DUCKDB ? "//" : "/";
    }
}
