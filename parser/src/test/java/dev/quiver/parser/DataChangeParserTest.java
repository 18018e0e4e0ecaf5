package dev.quiver.parser;

import dev.quiver.error.SqlState;
import dev.quiver.parser.ast.Analyze;
import dev.quiver.parser.ast.ColumnAssignment;
import dev.quiver.parser.ast.ConflictAction;
import dev.quiver.parser.ast.CreateIndex;
import dev.quiver.parser.ast.CreateTable;
import dev.quiver.parser.ast.Delete;
import dev.quiver.parser.ast.DropIndex;
import dev.quiver.parser.ast.Explain;
import dev.quiver.parser.ast.Identifier;
import dev.quiver.parser.ast.IndexColumn;
import dev.quiver.parser.ast.Insert;
import dev.quiver.parser.ast.KeyConstraint;
import dev.quiver.parser.ast.QualifiedName;
import dev.quiver.parser.ast.Reindex;
import dev.quiver.parser.ast.Span;
import dev.quiver.parser.ast.Statement;
import dev.quiver.parser.ast.Update;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * DELETE, UPDATE, INSERT OR REPLACE/IGNORE, CREATE/DROP INDEX, REINDEX and the key constraints of
 * CREATE TABLE.
 */
class DataChangeParserTest {
    private static <T extends Statement> T parse(String sql, Class<T> type) {
        Statement statement = SqlParser.parseStatement(sql);
        assertThat(statement).isInstanceOf(type);
        return type.cast(statement);
    }

    private static String assignment(ColumnAssignment a) {
        return a.column().value() + " := " + AstShape.of(a.value());
    }

    private static String indexColumn(IndexColumn c) {
        return c.column().value() + (c.descending() ? " desc" : "");
    }

    private static String key(KeyConstraint k) {
        return (k.primaryKey() ? "primary key" : "unique") + k.name().map(n -> " " + n.value()).orElse("")
                + " " + k.columns().stream().map(Identifier::value).toList();
    }

    @Test
    void delete() {
        Delete all = parse("DELETE FROM t", Delete.class);
        assertThat(all.table().joined()).isEqualTo("t");
        assertThat(all.alias()).isEmpty();
        assertThat(all.where()).isEmpty();

        Delete filtered = parse("delete from S.T AS x WHERE x.a > 1 AND b IN (SELECT c FROM u);", Delete.class);
        assertThat(filtered.table().joined()).isEqualTo("s.t");
        assertThat(filtered.alias()).map(Identifier::value).hasValue("x");
        assertThat(filtered.where()).map(AstShape::of).hasValue("(and (> x.a 1) (in b (select c (from u))))");
        assertThat(filtered.span()).isEqualTo(new Span(0, 61));

        assertThat(parse("DELETE FROM t u", Delete.class).alias()).map(Identifier::value).hasValue("u");
    }

    @Test
    void update() {
        Update update = parse("UPDATE t SET a = 1, b = a + b WHERE a IS NULL", Update.class);
        assertThat(update.table().joined()).isEqualTo("t");
        assertThat(update.alias()).isEmpty();
        assertThat(update.assignments()).extracting(DataChangeParserTest::assignment)
                .containsExactly("a := 1", "b := (+ a b)");
        assertThat(update.assignments().get(1).span()).isEqualTo(new Span(20, 29));
        assertThat(update.where()).map(AstShape::of).hasValue("(is-null a)");

        Update noWhere = parse("update s.t x set c = (SELECT max(y) FROM u WHERE u.k = x.k)", Update.class);
        assertThat(noWhere.table().joined()).isEqualTo("s.t");
        assertThat(noWhere.alias()).map(Identifier::value).hasValue("x");
        assertThat(noWhere.where()).isEmpty();
        assertThat(noWhere.assignments()).extracting(DataChangeParserTest::assignment)
                .containsExactly("c := (scalar (select (max y) (from u) (where (= u.k x.k))))");

        // The same column twice parses; the binder rejects it.
        assertThat(parse("UPDATE t SET x = 3, x = 4", Update.class).assignments()).hasSize(2);
    }

    @Test
    void setIsNonReservedSoItCanBeAnAliasOrAColumn() {
        Update plain = parse("UPDATE t SET set = 1", Update.class);
        assertThat(plain.alias()).isEmpty();
        assertThat(plain.assignments()).extracting(DataChangeParserTest::assignment).containsExactly("set := 1");

        Update aliased = parse("UPDATE t set SET x = 1", Update.class);
        assertThat(aliased.alias()).map(Identifier::value).hasValue("set");
        assertThat(aliased.assignments()).extracting(DataChangeParserTest::assignment).containsExactly("x := 1");
    }

    @Test
    void createIndex() {
        CreateIndex index = parse("CREATE INDEX idx_tab1_0 on tab1 (col0)", CreateIndex.class);
        assertThat(index.name().value()).isEqualTo("idx_tab1_0");
        assertThat(index.table().joined()).isEqualTo("tab1");
        assertThat(index.unique()).isFalse();
        assertThat(index.ifNotExists()).isFalse();
        assertThat(index.columns()).extracting(DataChangeParserTest::indexColumn).containsExactly("col0");

        CreateIndex unique = parse("CREATE UNIQUE INDEX IF NOT EXISTS u ON s.t (a DESC, b ASC, c)", CreateIndex.class);
        assertThat(unique.unique()).isTrue();
        assertThat(unique.ifNotExists()).isTrue();
        assertThat(unique.table().joined()).isEqualTo("s.t");
        assertThat(unique.columns()).extracting(DataChangeParserTest::indexColumn).containsExactly("a desc", "b", "c");
        assertThat(unique.columns().get(0).span()).isEqualTo(new Span(44, 50));
    }

    @Test
    void dropIndex() {
        DropIndex drop = parse("DROP INDEX t1i1;", DropIndex.class);
        assertThat(drop.name().joined()).isEqualTo("t1i1");
        assertThat(drop.ifExists()).isFalse();
        assertThat(drop.span()).isEqualTo(new Span(0, 15));
        assertThat(parse("drop index if exists s.i", DropIndex.class).ifExists()).isTrue();
    }

    @Test
    void insertOrReplaceAndOrIgnore() {
        Insert plain = parse("INSERT INTO t VALUES (1)", Insert.class);
        assertThat(plain.onConflict()).isEqualTo(ConflictAction.ERROR);

        Insert orReplace = parse("insert or replace into s.t (a, b) values (2, 'x')", Insert.class);
        assertThat(orReplace.onConflict()).isEqualTo(ConflictAction.REPLACE);
        assertThat(orReplace.table().joined()).isEqualTo("s.t");
        assertThat(orReplace.columns()).extracting(Identifier::value).containsExactly("a", "b");
        assertThat(AstShape.of(orReplace.source())).isEqualTo("(values (2 'x'))");
        assertThat(orReplace.span()).isEqualTo(new Span(0, 49));

        Insert replace = parse("REPLACE INTO t SELECT * FROM u", Insert.class);
        assertThat(replace.onConflict()).isEqualTo(ConflictAction.REPLACE);
        assertThat(AstShape.of(replace.source())).isEqualTo("(select * (from u))");

        Insert orIgnore = parse("INSERT OR IGNORE INTO t (a) VALUES (1), (2)", Insert.class);
        assertThat(orIgnore.onConflict()).isEqualTo(ConflictAction.IGNORE);
        assertThat(AstShape.of(orIgnore.source())).isEqualTo("(values (1) (2))");
    }

    @Test
    void reindex() {
        Reindex index = parse("REINDEX INDEX s.i1", Reindex.class);
        assertThat(index.kind()).hasValue(Reindex.Kind.INDEX);
        assertThat(index.name()).map(QualifiedName::joined).hasValue("s.i1");
        assertThat(index.name().orElseThrow().span()).isEqualTo(new Span(14, 18));

        Reindex table = parse("reindex table T1;", Reindex.class);
        assertThat(table.kind()).hasValue(Reindex.Kind.TABLE);
        assertThat(table.name()).map(QualifiedName::joined).hasValue("t1");
        assertThat(table.span()).isEqualTo(new Span(0, 16));

        // SQLite's forms: a name that is an index or a table, or nothing (every index).
        Reindex sqlite = parse("REINDEX t1i1", Reindex.class);
        assertThat(sqlite.kind()).isEmpty();
        assertThat(sqlite.name()).map(QualifiedName::joined).hasValue("t1i1");
        Reindex all = parse("REINDEX", Reindex.class);
        assertThat(all.kind()).isEmpty();
        assertThat(all.name()).isEmpty();

        // INDEX and TABLE are not reserved: alone, each is the name of the object to rebuild.
        Reindex named = parse("REINDEX index", Reindex.class);
        assertThat(named.kind()).isEmpty();
        assertThat(named.name()).map(QualifiedName::joined).hasValue("index");
        assertThat(parse("REINDEX TABLE table", Reindex.class).name()).map(QualifiedName::joined).hasValue("table");
    }

    @Test
    void analyze() {
        Analyze one = parse("ANALYZE s.lineitem", Analyze.class);
        assertThat(one.table()).map(QualifiedName::joined).hasValue("s.lineitem");
        assertThat(one.table().orElseThrow().span()).isEqualTo(new Span(8, 18));
        assertThat(parse("analyze;", Analyze.class).table()).isEmpty();
        // EXPLAIN ANALYZE still means run and annotate, not explain an ANALYZE statement
        assertThat(parse("EXPLAIN ANALYZE SELECT 1", Explain.class).analyze()).isTrue();
    }

    @Test
    void keyConstraintsOfCreateTable() {
        CreateTable create = parse("""
                CREATE TABLE t (
                    pk INTEGER PRIMARY KEY,
                    a TEXT UNIQUE,
                    b INTEGER,
                    CONSTRAINT ab UNIQUE (a, b),
                    PRIMARY KEY (b)
                )""", CreateTable.class);
        assertThat(create.keys()).extracting(DataChangeParserTest::key)
                .containsExactly("primary key [pk]", "unique [a]", "unique ab [a, b]", "primary key [b]");
        assertThat(create.columns()).extracting(c -> c.notNull()).containsExactly(true, false, false);
        assertThat(parse("CREATE TABLE t (a INTEGER)", CreateTable.class).keys()).isEmpty();
    }

    @Test
    void newKeywordsAreNotReserved() {
        assertThat(SqlParser.reservedKeywords()).doesNotContain("DELETE", "UPDATE", "INDEX", "REINDEX", "REPLACE", "IGNORE");
        assertThat(parse("CREATE TABLE reindex (ignore INTEGER, replace INTEGER)", CreateTable.class).columns())
                .extracting(c -> c.name().value()).containsExactly("ignore", "replace");
        assertThat(parse("INSERT OR IGNORE INTO ignore (replace) SELECT reindex FROM reindex", Insert.class).onConflict())
                .isEqualTo(ConflictAction.IGNORE);
        CreateTable create = parse("CREATE TABLE index (update INTEGER, delete INTEGER, index INTEGER)", CreateTable.class);
        assertThat(create.name().joined()).isEqualTo("index");
        assertThat(create.columns()).extracting(c -> c.name().value()).containsExactly("update", "delete", "index");
        Update update = parse("UPDATE index SET update = delete WHERE index = 1", Update.class);
        assertThat(update.assignments()).extracting(DataChangeParserTest::assignment).containsExactly("update := delete");
    }

    @Test
    void explainWrapsTheNewStatements() {
        assertThat(parse("EXPLAIN DELETE FROM t", Explain.class).statement()).isInstanceOf(Delete.class);
        assertThat(parse("EXPLAIN UPDATE t SET a = 1", Explain.class).statement()).isInstanceOf(Update.class);
    }

    @Test
    void syntaxErrors() {
        for (String sql : List.of("UPDATE t WHERE a = 1", "UPDATE t SET", "UPDATE t SET a", "UPDATE t SET t.a = 1",
                "DELETE t", "DELETE FROM t WHERE", "CREATE INDEX ON t (a)", "CREATE INDEX i ON t ()", "CREATE INDEX i ON t",
                "CREATE INDEX i ON t (a + 1)", "CREATE UNIQUE i ON t (a)", "DROP INDEX", "DROP INDEX a, b",
                "INSERT OR INTO t VALUES (1)", "INSERT OR ABORT INTO t VALUES (1)", "INSERT OR REPLACE t VALUES (1)",
                "REPLACE t VALUES (1)", "INSERT REPLACE INTO t VALUES (1)", "REPLACE INTO t", "REINDEX a, b",
                "REINDEX INDEX a b", "REINDEX DATABASE d", "REINDEX (VERBOSE) TABLE t")) {
            assertThatThrownBy(() -> SqlParser.parseStatement(sql)).as(sql)
                    .isInstanceOf(SqlSyntaxException.class)
                    .satisfies(e -> assertThat(((SqlSyntaxException) e).sqlState()).isEqualTo(SqlState.SYNTAX_ERROR));
        }
    }

    @Test
    void aMissingSetListSaysWhatIsExpected() {
        assertThatThrownBy(() -> SqlParser.parseStatement("UPDATE t WHERE a = 1"))
                .hasMessageStartingWith("syntax error at line 1, column 10: unexpected 'WHERE', expected one of: identifier, SET,");
    }
}
