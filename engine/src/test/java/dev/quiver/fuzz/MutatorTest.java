package dev.quiver.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MutatorTest {
    @Test
    void tokensKeepLiteralsOperatorsAndWordsWhole() {
        List<SqlTokens.Token> tokens = SqlTokens.tokenize("SELECT 'it''s', \"a b\", 1.5e3, x::int FROM t -- comment\nWHERE a <> b");
        assertThat(tokens).extracting(SqlTokens.Token::text).containsExactly("SELECT", "'it''s'", ",", "\"a b\"", ",", "1.5e3", ",", "x", "::",
                "int", "FROM", "t", "WHERE", "a", "<>", "b");
        assertThat(tokens.get(1).isLiteral()).isTrue();
        assertThat(tokens.get(5).isLiteral()).isTrue();
        assertThat(tokens.get(3).isLiteral()).isFalse();
        assertThat(SqlTokens.join(SqlTokens.tokenize("SELECT  a+1"))).isEqualTo("SELECT a + 1");
    }

    @Test
    void mutationsChangeTheStatementAndSayHow() {
        String sql = "SELECT a, 'x', 42 FROM t WHERE (b = 1) ORDER BY a";
        int changed = 0;
        for (long seed = 0; seed < 500; seed++) {
            List<String> applied = new ArrayList<>();
            String mutated = new Mutator(new FuzzRandom(seed)).mutate(sql, applied);
            assertThat(applied).isNotEmpty().hasSizeLessThanOrEqualTo(3);
            changed += mutated.equals(SqlTokens.join(SqlTokens.tokenize(sql))) ? 0 : 1;
            assertThat(mutated.length()).isLessThan(3 * Mutator.MAX_GROWN_CHARS + sql.length());
        }
        assertThat(changed).isGreaterThan(450);
    }
}
