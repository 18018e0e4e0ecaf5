package dev.quiver.tpch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which statements the DuckDB side runs as kept prepared statements: queries, whatever comments lead them. */
class DuckDbTpchTest {
    @Test
    void queriesArePreparedOtherStatementsAreNot() {
        assertThat(DuckDbTpch.isQuery("select 1")).isTrue();
        assertThat(DuckDbTpch.isQuery("  WITH x AS (SELECT 1) SELECT * FROM x")).isTrue();
        assertThat(DuckDbTpch.isQuery("-- TPC-H Q1\n-- parameters\nselect l_returnflag from lineitem")).isTrue();
        assertThat(DuckDbTpch.isQuery("/* a note */ select 1")).isTrue();
        assertThat(DuckDbTpch.isQuery("-- TPC-H Q15\ncreate view revenue0 as select 1")).isFalse();
        assertThat(DuckDbTpch.isQuery("drop view revenue0")).isFalse();
        assertThat(DuckDbTpch.isQuery("-- only a comment")).isFalse();
        assertThat(DuckDbTpch.isQuery("/* unterminated select 1")).isFalse();
    }
}
