package dev.quiver.planner.type;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.quiver.error.QuiverException;
import dev.quiver.error.SqlState;
import dev.quiver.parser.SqlParser;
import dev.quiver.parser.ast.Cast;
import dev.quiver.parser.ast.Span;
import dev.quiver.parser.ast.TypeName;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TypeNamesTest {
    /** The type as the parser reads it in {@code CAST(x AS <type>)}, so the spellings are the parser's. */
    private static TypeName parsed(String type) {
        return ((Cast) SqlParser.parseExpression("CAST(x AS " + type + ")")).type();
    }

    private static DataType resolve(String type) {
        return TypeNames.resolve(parsed(type));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "boolean | BOOLEAN", "bool | BOOLEAN",
            "tinyint | TINYINT", "int1 | TINYINT",
            "smallint | SMALLINT", "int2 | SMALLINT",
            "integer | INTEGER", "int | INTEGER", "int4 | INTEGER", "signed | INTEGER", "INT | INTEGER",
            "bigint | BIGINT", "int8 | BIGINT", "long | BIGINT",
            "real | REAL", "float4 | REAL", "float(24) | REAL", "float(1) | REAL",
            "double | DOUBLE", "double precision | DOUBLE", "float8 | DOUBLE", "float | DOUBLE", "float(25) | DOUBLE",
            "float(53) | DOUBLE",
            "decimal(15,2) | DECIMAL(15,2)", "numeric(15, 2) | DECIMAL(15,2)", "dec(7,0) | DECIMAL(7,0)",
            "decimal(10) | DECIMAL(10,0)", "decimal | DECIMAL(38,10)", "numeric | DECIMAL(38,10)", "decimal(38,38) | DECIMAL(38,38)",
            "varchar | VARCHAR", "varchar(25) | VARCHAR(25)", "character varying | VARCHAR",
            "character varying(7) | VARCHAR(7)", "text | VARCHAR", "string | VARCHAR",
            "char | VARCHAR(1)", "character | VARCHAR(1)", "char(10) | VARCHAR(10)", "character(3) | VARCHAR(3)", "bpchar | VARCHAR",
            "date | DATE",
            "timestamp | TIMESTAMP", "timestamp without time zone | TIMESTAMP", "datetime | TIMESTAMP", "timestamp(3) | TIMESTAMP",
            "interval | INTERVAL"})
    void spellings(String written, String expected) {
        assertThat(resolve(written)).hasToString(expected);
    }

    @Test
    void parserSpellingsOfMultiWordTypes() {
        assertThat(parsed("DOUBLE PRECISION").name()).isEqualTo("double precision");
        assertThat(parsed("Character Varying(3)").name()).isEqualTo("character varying");
        assertThat(parsed("timestamp without time zone").name()).isEqualTo("timestamp without time zone");
    }

    private static QuiverException error(String type) {
        QuiverException e = catchThrowableOfType(QuiverException.class, () -> resolve(type));
        assertThat(e).as(type).isNotNull();
        return e;
    }

    @Test
    void unknownTypeNamesFailAtTheTypeName() {
        String sql = "CAST(x AS money)";
        TypeName name = ((Cast) SqlParser.parseExpression(sql)).type();
        QuiverException e = catchThrowableOfType(QuiverException.class, () -> TypeNames.resolve(name));
        assertThat(e.sqlState()).isEqualTo(SqlState.UNDEFINED_OBJECT);
        assertThat(e.rawMessage()).isEqualTo("type \"money\" does not exist");
        assertThat(e.position()).hasValue(10);
        assertThat(e.attachSql(sql).getMessage()).isEqualTo("""
                type "money" does not exist
                LINE 1: CAST(x AS money)
                                  ^""");
        assertThat(error("timestamp with time zone").rawMessage()).isEqualTo("type \"timestamp with time zone\" does not exist");
        assertThat(error("time").sqlState()).isEqualTo(SqlState.UNDEFINED_OBJECT);
    }

    @Test
    void badParameters() {
        QuiverException e = error("int(3)");
        assertThat(e.sqlState()).isEqualTo(SqlState.SYNTAX_ERROR);
        assertThat(e.rawMessage()).isEqualTo("type INTEGER takes no parameters");
        assertThat(e.position()).hasValue(10);
        assertThat(error("date(1)").rawMessage()).isEqualTo("type DATE takes no parameters");
        assertThat(error("decimal(1,2,3)").rawMessage()).isEqualTo("DECIMAL takes at most precision and scale");
        assertThat(error("varchar(1,2)").rawMessage()).isEqualTo("VARCHAR takes one length");

        QuiverException tooWide = error("decimal(39,2)");
        assertThat(tooWide.sqlState()).isEqualTo(SqlState.INVALID_PARAMETER_VALUE);
        assertThat(tooWide.rawMessage()).isEqualTo("invalid DECIMAL(39,2): precision must be 1 to 38 and scale 0 to precision");
        assertThat(tooWide.position()).hasValue(10);
        assertThat(error("numeric(5,6)").rawMessage()).isEqualTo("invalid DECIMAL(5,6): precision must be 1 to 38 and scale 0 to precision");
        assertThat(error("decimal(0)").sqlState()).isEqualTo(SqlState.INVALID_PARAMETER_VALUE);

        QuiverException zeroLength = error("varchar(0)");
        assertThat(zeroLength.sqlState()).isEqualTo(SqlState.INVALID_PARAMETER_VALUE);
        assertThat(zeroLength.rawMessage()).isEqualTo("length for type varchar must be at least 1");
    }

    @Test
    void resolvesATypeNameBuiltByHand() {
        assertThat(TypeNames.resolve(new TypeName("numeric", List.of(12, 4), new Span(0, 13)))).isEqualTo(DataType.decimal(12, 4));
    }
}
