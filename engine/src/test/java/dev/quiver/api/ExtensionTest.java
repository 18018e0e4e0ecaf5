package dev.quiver.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.Result;
import dev.quiver.error.QuiverException;
import org.junit.jupiter.api.Test;

/** Procedures of an extension found through ServiceLoader, called with CALL. */
class ExtensionTest extends ApiTestSupport {

    @Test
    void positionalArguments() {
        try (Result r = session.execute("CALL echo(1, 'x', 2.5)")) {
            assertThat(r.hasRows()).isFalse();
            assertThat(r.status()).isEqualTo("echo a=1:Long b=x:String c=2.5:BigDecimal");
        }
        assertThat(exec("CALL echo(1 + 2)")).isEqualTo("echo a=3:Long");
        assertThat(exec("CALL echo()")).isEqualTo("echo");
        assertThat(exec("CALL ECHO(true, NULL)")).isEqualTo("echo a=true:Boolean b=null:null");
        assertThat(exec("CALL echo(CAST(1.5 AS DOUBLE), -7, 'it''s')")).isEqualTo("echo a=1.5:Double b=-7:Long c=it's:String");
    }

    @Test
    void namedArguments() {
        assertThat(exec("CALL echo(c => 'z', a => 5)")).isEqualTo("echo a=5:Long c=z:String");
        assertThat(exec("CALL echo(1, c => 3)")).isEqualTo("echo a=1:Long c=3:Long");
        // DATE arguments arrive as LocalDate, as Procedure documents
        assertThat(exec("CALL echo(b => DATE '2020-02-29')")).isEqualTo("echo b=2020-02-29:LocalDate");
        // and a TIMESTAMP as LocalDateTime (not as a Long that looks like any BIGINT)
        assertThat(exec("CALL echo(TIMESTAMP '2020-02-29 01:02:03.5')")).isEqualTo("echo a=2020-02-29T01:02:03.500:LocalDateTime");
    }

    @Test
    void argumentGivenTwiceIsAnError() {
        QuiverException e = error("CALL echo(1, a => 2)");
        assertThat(e.sqlState()).isEqualTo("42601");
        assertThat(e.getMessage()).contains("argument \"a\" of procedure echo is given more than once");
        assertThat(e.position()).hasValue("CALL echo(1, ".length());
        e = error("CALL echo(b => 1, b => 2)");
        assertThat(e.getMessage()).contains("\"b\"").contains("more than once");
    }

    @Test
    void procedureRunsInTheCallingSession() {
        exec("CREATE TABLE t (k BIGINT)");
        assertThat(exec("CALL fill('t', 4)")).isEqualTo("FILL 4");
        assertThat(exec("CALL fill(rows => 2, \"table\" => 't')")).isEqualTo("FILL 2");
        assertThat(rows("SELECT count(*), sum(k) FROM t")).containsExactly(row(6L, new java.math.BigDecimal(13)));
    }

    @Test
    void unknownProcedureListsTheAvailableOnes() {
        QuiverException e = error("CALL nope(1)");
        assertThat(e.sqlState()).isEqualTo("42883");
        assertThat(e.getMessage()).startsWith("procedure nope does not exist; available: ")
                .contains("echo").contains("fill").contains("fail_sql").contains("fail_java")
                .contains("LINE 1: CALL nope(1)\n             ^");
    }

    @Test
    void unknownParameterName() {
        QuiverException e = error("CALL echo(a => 1, zz => 2)");
        assertThat(e.sqlState()).isEqualTo("42704");
        assertThat(e.getMessage()).contains("procedure echo has no parameter \"zz\"; parameters: a, b, c");
        assertThat(e.position()).hasValue("CALL echo(a => 1, ".length());
    }

    @Test
    void tooManyArguments() {
        QuiverException e = error("CALL echo(1, 2, 3, 4)");
        assertThat(e.sqlState()).isEqualTo("42883");
        assertThat(e.getMessage()).contains("procedure echo takes at most 3 arguments");
        assertThat(e.position()).hasValue("CALL echo(1, 2, 3, ".length());
        assertThat(error("CALL fail_sql(1)").getMessage()).contains("takes at most 0 arguments");
    }

    @Test
    void argumentsMustBeConstants() {
        QuiverException e = error("CALL echo(x)");
        assertThat(e.sqlState()).isNotEqualTo("XX000");
    }

    @Test
    void errorInsideTheProcedure() {
        QuiverException e = error("CALL fail_sql()");
        assertThat(e.sqlState()).isEqualTo("22023");
        assertThat(e.getMessage()).startsWith("fail_sql always fails; call something else\nLINE 1: CALL fail_sql()");
        assertThat(e.position()).hasValue(0);

        QuiverException j = error("CALL fail_java()");
        assertThat(j.sqlState()).isEqualTo("XX000");
        assertThat(j.getMessage()).contains("boom");
        assertThat(j.getCause()).isInstanceOf(IllegalStateException.class);

        // the session carries on
        assertThat(exec("CALL echo(1)")).isEqualTo("echo a=1:Long");
        assertThat(db.allocatedBytes()).isZero();
    }
}
