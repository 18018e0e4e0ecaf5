package dev.quiver.parser;

import dev.quiver.error.SqlState;
import dev.quiver.parser.ast.Call;
import dev.quiver.parser.ast.CallArgument;
import dev.quiver.parser.ast.ColumnDefinition;
import dev.quiver.parser.ast.CreateTable;
import dev.quiver.parser.ast.CreateTableAs;
import dev.quiver.parser.ast.CreateView;
import dev.quiver.parser.ast.DropTable;
import dev.quiver.parser.ast.DropView;
import dev.quiver.parser.ast.Explain;
import dev.quiver.parser.ast.ExplainFormat;
import dev.quiver.parser.ast.Identifier;
import dev.quiver.parser.ast.Insert;
import dev.quiver.parser.ast.QueryStatement;
import dev.quiver.parser.ast.SetOption;
import dev.quiver.parser.ast.Span;
import dev.quiver.parser.ast.Statement;
import dev.quiver.parser.ast.StringLiteral;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StatementParserTest {
    private static <T extends Statement> T parse(String sql, Class<T> type) {
        Statement statement = SqlParser.parseStatement(sql);
        assertThat(statement).isInstanceOf(type);
        return type.cast(statement);
    }

    private static List<String> names(List<Identifier> identifiers) {
        return identifiers.stream().map(Identifier::value).toList();
    }

    private static String column(ColumnDefinition column) {
        return column.name().value() + " " + AstShape.type(column.type()) + (column.notNull() ? " not null" : "");
    }

    @Test
    void createTable() {
        CreateTable create = parse("""
                CREATE TABLE IF NOT EXISTS s.T (
                    a int NOT NULL,
                    b varchar(10) NULL,
                    c decimal(12, 2) PRIMARY KEY,
                    d date UNIQUE,
                    e double precision,
                    f timestamp with time zone NOT NULL UNIQUE,
                    "Key" character varying(3),
                    CONSTRAINT pk PRIMARY KEY (a, b),
                    UNIQUE (c)
                )""", CreateTable.class);
        assertThat(create.name().joined()).isEqualTo("s.t");
        assertThat(create.ifNotExists()).isTrue();
        assertThat(create.columns()).extracting(StatementParserTest::column).containsExactly(
                "a int not null",
                "b varchar(10)",
                "c decimal(12,2) not null",
                "d date",
                "e double precision",
                "f timestamp with time zone not null",
                "Key character varying(3)");
        assertThat(create.columns().get(0).span()).isEqualTo(new Span(37, 51));

        CreateTable plain = parse("create table t (x bigint, PRIMARY KEY (x), CONSTRAINT u UNIQUE (x))", CreateTable.class);
        assertThat(plain.ifNotExists()).isFalse();
        assertThat(plain.columns()).extracting(StatementParserTest::column).containsExactly("x bigint");
    }

    @Test
    void columnsMayBeNamedLikeNonReservedKeywords() {
        CreateTable create = parse("CREATE TABLE t (key int, primary int, unique int, default int, constraint int, date date)",
                CreateTable.class);
        assertThat(create.columns()).extracting(column -> column.name().value())
                .containsExactly("key", "primary", "unique", "default", "constraint", "date");
    }

    @Test
    void columnDefaultsAreRejected() {
        assertThatThrownBy(() -> SqlParser.parseStatement("CREATE TABLE t (a int DEFAULT 5)"))
                .isInstanceOfSatisfying(SqlSyntaxException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo(SqlState.FEATURE_NOT_SUPPORTED);
                    assertThat(e.lineNumber()).isEqualTo(1);
                    assertThat(e.columnNumber()).isEqualTo(23);
                    assertThat(e.getMessage()).isEqualTo("""
                            DEFAULT is not supported: columns have no default values; give every column a value in INSERT
                            LINE 1: CREATE TABLE t (a int DEFAULT 5)
                                                          ^""");
                });
    }

    @Test
    void conflictingNullability() {
        assertThatThrownBy(() -> SqlParser.parseStatement("CREATE TABLE t (a int NOT NULL NULL)"))
                .isInstanceOf(SqlSyntaxException.class)
                .hasMessage("""
                        syntax error at line 1, column 32: conflicting NULL and NOT NULL declarations for column a
                        LINE 1: CREATE TABLE t (a int NOT NULL NULL)
                                                               ^""");
        assertThatThrownBy(() -> SqlParser.parseStatement("CREATE TABLE t (\"A\" int NULL PRIMARY KEY)"))
                .hasMessageStartingWith("syntax error at line 1, column 30: conflicting NULL and NOT NULL declarations for column \"A\"");
    }

    @Test
    void createTableAs() {
        CreateTableAs create = parse("CREATE TABLE t AS SELECT a FROM u", CreateTableAs.class);
        assertThat(create.name().joined()).isEqualTo("t");
        assertThat(create.ifNotExists()).isFalse();
        assertThat(AstShape.of(create.query())).isEqualTo("(select a (from u))");
        CreateTableAs guarded = parse("CREATE TABLE IF NOT EXISTS t AS (VALUES (1))", CreateTableAs.class);
        assertThat(guarded.ifNotExists()).isTrue();
        assertThat(AstShape.of(guarded.query())).isEqualTo("(paren (values (1)))");
    }

    @Test
    void createView() {
        CreateView view = parse("CREATE OR REPLACE VIEW v (a, b) AS SELECT 1, 2", CreateView.class);
        assertThat(view.orReplace()).isTrue();
        assertThat(names(view.columns())).containsExactly("a", "b");
        assertThat(AstShape.of(view.query())).isEqualTo("(select 1 2)");
        CreateView plain = parse("CREATE VIEW s.v AS WITH x AS (SELECT 1) SELECT * FROM x", CreateView.class);
        assertThat(plain.orReplace()).isFalse();
        assertThat(plain.columns()).isEmpty();
        assertThat(plain.name().joined()).isEqualTo("s.v");
    }

    @Test
    void drop() {
        DropTable table = parse("DROP TABLE IF EXISTS t", DropTable.class);
        assertThat(table.ifExists()).isTrue();
        assertThat(table.name().joined()).isEqualTo("t");
        assertThat(parse("drop table s.t", DropTable.class).ifExists()).isFalse();
        DropView view = parse("DROP VIEW IF EXISTS v", DropView.class);
        assertThat(view.ifExists()).isTrue();
        assertThat(parse("DROP VIEW v;", DropView.class).span()).isEqualTo(new Span(0, 11));
    }

    @Test
    void insert() {
        Insert values = parse("INSERT INTO t (a, b) VALUES (1, 2), (3, ?)", Insert.class);
        assertThat(values.table().joined()).isEqualTo("t");
        assertThat(names(values.columns())).containsExactly("a", "b");
        assertThat(AstShape.of(values.source())).isEqualTo("(values (1 2) (3 ?0))");
        Insert select = parse("INSERT INTO s.t SELECT * FROM u WHERE x", Insert.class);
        assertThat(select.columns()).isEmpty();
        assertThat(AstShape.of(select.source())).isEqualTo("(select * (from u) (where x))");
        Insert parenthesized = parse("INSERT INTO t (SELECT 1)", Insert.class);
        assertThat(AstShape.of(parenthesized.source())).isEqualTo("(paren (select 1))");
        Insert with = parse("INSERT INTO t WITH x AS (SELECT 1) SELECT * FROM x", Insert.class);
        assertThat(with.source().with()).isPresent();
    }

    @Test
    void explain() {
        Explain analyze = parse("EXPLAIN ANALYZE SELECT 1", Explain.class);
        assertThat(analyze.analyze()).isTrue();
        assertThat(analyze.statement()).isInstanceOf(QueryStatement.class);
        assertThat(analyze.statement().span()).isEqualTo(new Span(16, 24));
        Explain plain = parse("explain insert into t values (1)", Explain.class);
        assertThat(plain.analyze()).isFalse();
        assertThat(plain.statement()).isInstanceOf(Insert.class);
        assertThat(parse("EXPLAIN SELECT ? + ?", Explain.class).statement())
                .satisfies(statement -> assertThat(AstShape.of(statement)).isEqualTo("(select (+ ?0 ?1))"));
        assertThat(plain.format()).isEqualTo(ExplainFormat.TEXT);
        assertThat(plain.rules()).isFalse();
    }

    @Test
    void explainOptions() {
        Explain all = parse("EXPLAIN (ANALYZE, FORMAT JSON, RULES) SELECT 1", Explain.class);
        assertThat(all.analyze()).isTrue();
        assertThat(all.format()).isEqualTo(ExplainFormat.JSON);
        assertThat(all.rules()).isTrue();
        assertThat(all.statement().span()).isEqualTo(new Span(38, 46));

        Explain off = parse("explain (analyze off, rules false, format text) select 1", Explain.class);
        assertThat(off.analyze()).isFalse();
        assertThat(off.rules()).isFalse();
        assertThat(off.format()).isEqualTo(ExplainFormat.TEXT);
        Explain on = parse("EXPLAIN (Rules ON, Analyze TRUE, Format 'json') SELECT 1", Explain.class);
        assertThat(on.rules()).isTrue();
        assertThat(on.analyze()).isTrue();
        assertThat(on.format()).isEqualTo(ExplainFormat.JSON);
        assertThat(parse("EXPLAIN (\"analyze\") SELECT 1", Explain.class).analyze()).isTrue();

        // a parenthesized query is not an option list
        Explain query = parse("EXPLAIN (SELECT 1)", Explain.class);
        assertThat(query.analyze()).isFalse();
        assertThat(query.statement()).isInstanceOf(QueryStatement.class);
        Explain nested = parse("EXPLAIN (RULES) EXPLAIN (FORMAT JSON) (VALUES (1))", Explain.class);
        assertThat(((Explain) nested.statement()).format()).isEqualTo(ExplainFormat.JSON);
    }

    @Test
    void explainOptionWordsAreStillNames() {
        QueryStatement query = parse("SELECT format, rules, json, text FROM format AS rules", QueryStatement.class);
        assertThat(AstShape.of(query)).isEqualTo("(select format rules json text (from (as format rules)))");
    }

    @Test
    void explainOptionErrorsPointAtTheOption() {
        assertThatThrownBy(() -> SqlParser.parseStatement("EXPLAIN (ANALYZE, VERBOSE) SELECT 1")).hasMessage("""
                syntax error at line 1, column 19: unrecognized EXPLAIN option verbose; the options are ANALYZE, FORMAT and RULES
                LINE 1: EXPLAIN (ANALYZE, VERBOSE) SELECT 1
                                          ^""");
        assertExplainError("EXPLAIN (\"ANALYZE\") SELECT 1", SqlState.SYNTAX_ERROR, 9,
                "syntax error at line 1, column 10: unrecognized EXPLAIN option \"ANALYZE\"; the options are ANALYZE, FORMAT and RULES");
        assertExplainError("EXPLAIN (FORMAT JSON, analyze, Format TEXT) SELECT 1", SqlState.SYNTAX_ERROR, 31,
                "syntax error at line 1, column 32: EXPLAIN option FORMAT is given more than once");
        assertExplainError("EXPLAIN (FORMAT XML) SELECT 1", SqlState.INVALID_PARAMETER_VALUE, 16,
                "invalid value for EXPLAIN option FORMAT: \"xml\"; expected TEXT or JSON");
        assertExplainError("EXPLAIN (FORMAT) SELECT 1", SqlState.SYNTAX_ERROR, 9,
                "syntax error at line 1, column 10: EXPLAIN option FORMAT needs a value: TEXT or JSON");
        assertExplainError("EXPLAIN (RULES 'maybe') SELECT 1", SqlState.INVALID_PARAMETER_VALUE, 15,
                "invalid value for EXPLAIN option RULES: \"maybe\"; expected TRUE, FALSE, ON or OFF (or nothing, meaning TRUE)");
        // The grammar itself: EXPLAIN ANALYZE and an option list do not combine, and a list is not empty.
        assertExplainError("EXPLAIN ANALYZE (RULES) SELECT 1", SqlState.SYNTAX_ERROR, 17,
                "syntax error at line 1, column 18: unexpected 'RULES', expected one of: SELECT, VALUES, WITH, '('");
        assertExplainError("EXPLAIN () SELECT 1", SqlState.SYNTAX_ERROR, 9,
                "syntax error at line 1, column 10: unexpected ')', expected one of: identifier, SELECT, VALUES, WITH, '('");
    }

    private static void assertExplainError(String sql, String sqlState, int position, String message) {
        assertThatThrownBy(() -> SqlParser.parseStatement(sql)).as(sql).isInstanceOfSatisfying(SqlSyntaxException.class, e -> {
            assertThat(e.sqlState()).isEqualTo(sqlState);
            assertThat(e.position()).hasValue(position);
            assertThat(e.rawMessage()).isEqualTo(message);
        });
    }

    @Test
    void call() {
        Call call = parse("CALL tpch.load(0.1, sf => 1, \"Schema\" => 'x')", Call.class);
        assertThat(call.procedure().joined()).isEqualTo("tpch.load");
        assertThat(call.arguments()).hasSize(3);
        CallArgument positional = call.arguments().get(0);
        assertThat(positional.name()).isEmpty();
        assertThat(AstShape.of(positional.value())).isEqualTo("0.1");
        assertThat(call.arguments().get(1).name().orElseThrow().value()).isEqualTo("sf");
        assertThat(call.arguments().get(1).span()).isEqualTo(new Span(20, 27));
        assertThat(call.arguments().get(2).name().orElseThrow().value()).isEqualTo("Schema");
        assertThat(parse("CALL p()", Call.class).arguments()).isEmpty();
    }

    @Test
    void set() {
        SetOption bare = parse("SET execution_mode = Verify", SetOption.class);
        assertThat(bare.name().value()).isEqualTo("execution_mode");
        assertThat(bare.value()).isEqualTo(new StringLiteral("verify", new Span(21, 27)));
        assertThat(AstShape.of(parse("SET x TO 10", SetOption.class).value())).isEqualTo("10");
        assertThat(AstShape.of(parse("SET x = 'str'", SetOption.class).value())).isEqualTo("'str'");
        assertThat(AstShape.of(parse("SET x = -1.5", SetOption.class).value())).isEqualTo("(neg 1.5)");
        assertThat(AstShape.of(parse("SET x = true", SetOption.class).value())).isEqualTo("true");
        assertThat(AstShape.of(parse("SET x = on", SetOption.class).value())).isEqualTo("'on'");
        assertThat(AstShape.of(parse("SET x = off", SetOption.class).value())).isEqualTo("'off'");
        assertThat(AstShape.of(parse("SET x TO DEFAULT", SetOption.class).value())).isEqualTo("'default'");
        assertThat(AstShape.of(parse("SET x = \"Mixed\"", SetOption.class).value())).isEqualTo("'Mixed'");
        assertThat(AstShape.of(parse("SET x = a.b", SetOption.class).value())).isEqualTo("a.b");
    }

    @Test
    void trailingSemicolon() {
        assertThat(SqlParser.parseStatement("SELECT 1;").span()).isEqualTo(new Span(0, 8));
        assertThat(SqlParser.parseStatement("  SELECT 1 ; -- done").span()).isEqualTo(new Span(2, 10));
    }

    @Test
    void scripts() {
        List<Statement> statements = SqlParser.parseScript("""
                ;;
                CREATE TABLE t (a int);
                INSERT INTO t VALUES (?), (?);;
                -- a comment between statements
                SELECT ? FROM t;
                /* only a comment */;
                SELECT ';' AS "x;y"
                """);
        assertThat(statements).hasSize(4);
        assertThat(statements.get(0)).isInstanceOf(CreateTable.class);
        assertThat(statements.get(0).span()).isEqualTo(new Span(3, 25));
        // Parameters are numbered per statement.
        assertThat(AstShape.of(((Insert) statements.get(1)).source())).isEqualTo("(values (?0) (?1))");
        assertThat(AstShape.of(statements.get(2))).isEqualTo("(select ?0 (from t))");
        assertThat(AstShape.of(statements.get(3))).isEqualTo("(select (as ';' \"x;y\"))");
        assertThat(SqlParser.parseScript("")).isEmpty();
        assertThat(SqlParser.parseScript(" ; ;\n-- nothing\n")).isEmpty();
        assertThat(SqlParser.parseScript("SELECT 1")).hasSize(1);
    }
}
