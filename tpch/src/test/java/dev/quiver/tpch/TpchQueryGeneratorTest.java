package dev.quiver.tpch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.error.QuiverException;
import dev.quiver.parser.SqlParser;
import io.trino.tpch.Distribution;
import io.trino.tpch.Distributions;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TpchQueryGeneratorTest {
    /** Seeds checked against the specification's ranges: enough that every value of a small domain shows up. */
    private static final int SEEDS = 2_000;
    private static final double SF = 0.01;

    @Test
    void validationParametersReproduceTheStoredQueryFiles() {
        for (int q : TpchQueries.ALL) {
            for (double sf : new double[] {0.01, 1, 100}) {
                String text = TpchQueryGenerator.validation().query(q, sf);
                // Above SF 1 Q11's FRACTION is 0.0001 / SF (ValidationParameters); nothing else changes.
                String expected = q == 11 && sf > 1 ? TpchQueries.text(q).replace("* 0.0001\n", "* 0.0000010000\n") : TpchQueries.text(q);
                assertThat(text).as("Q%d at SF %s", q, sf).isEqualTo(expected);
                assertThat(TpchQueries.statements(q, sf)).as("Q%d at SF %s", q, sf).isEqualTo(TpchQueryGenerator.validation().statements(q, sf));
            }
            assertThat(TpchQueryGenerator.validation().statements(q, SF)).isEqualTo(TpchQueries.statements(q));
            assertThat(TpchQueryGenerator.validation().parameters(q, SF).isValidation()).isTrue();
        }
    }

    @Test
    void theSameSeedGivesTheSameQueriesWhateverWasGeneratedBefore() {
        for (long seed = 1; seed <= 50; seed++) {
            TpchQueryGenerator forward = new TpchQueryGenerator(seed);
            List<String> inOrder = TpchQueries.ALL.stream().map(q -> forward.query(q, SF)).toList();
            TpchQueryGenerator backward = new TpchQueryGenerator(seed);
            for (int q = 22; q >= 1; q--) {
                assertThat(backward.query(q, SF)).as("seed %d Q%d", seed, q).isEqualTo(inOrder.get(q - 1));
            }
        }
    }

    @Test
    void theSameSeedGivesFixedParametersOnEveryJvm() {
        // java.util.Random's algorithm is fixed by the Java specification, so these never change.
        TpchQueryGenerator seven = new TpchQueryGenerator(7);
        assertThat(seven.parameters(1, SF).describe()).isEqualTo(new TpchQueryGenerator(7).parameters(1, SF).describe());
        assertThat(seven.query(6, SF)).startsWith("-- TPC-H Q6: Forecasting Revenue Change\n"
                + "-- Substitution parameters (TPC-H specification 2.x, clause 2.4.6.3), seed 7, SF 0.01: DATE = ");
    }

    @Test
    void differentSeedsGiveDifferentQueries() {
        Set<List<String>> sets = new HashSet<>();
        for (long seed = 1; seed <= 100; seed++) {
            TpchQueryGenerator g = new TpchQueryGenerator(seed);
            List<String> parameters = TpchQueries.ALL.stream().map(q -> g.parameters(q, SF).describe()).toList();
            assertThat(sets.add(parameters)).as("seed %d repeats an earlier seed's parameters", seed).isTrue();
        }
        for (int q : TpchQueries.ALL) {
            int query = q;
            long distinct = IntStream.rangeClosed(1, 20).mapToObj(s -> new TpchQueryGenerator(s).query(query, SF)).distinct().count();
            // Q18 has only 4 possible parameter values; every other query has at least 30.
            assertThat(distinct).as("distinct Q%d texts among seeds 1-20", q).isGreaterThanOrEqualTo(q == 18 ? 3 : 10);
            assertThat(new TpchQueryGenerator(1).query(q, SF)).isNotEqualTo(TpchQueries.text(q));
        }
    }

    @Test
    void parametersStayWithinTheSpecificationsRangesAndCoverThem() {
        Map<String, Set<String>> seen = new HashMap<>();
        for (long seed = 1; seed <= SEEDS; seed++) {
            TpchQueryGenerator g = new TpchQueryGenerator(seed);
            for (int q : TpchQueries.ALL) {
                TpchQueryParameters p = g.parameters(q, SF);
                assertThat(p.query()).isEqualTo(q);
                assertThat(p.values().keySet()).as("Q%d", q).containsExactlyElementsOf(ValidationParameters.of(q, SF).keySet());
                checkRanges(q, p);
                p.values().forEach((name, value) -> seen.computeIfAbsent("Q" + q + " " + name, k -> new HashSet<>()).add(value));
                String sql = g.query(q, SF);
                assertThat(sql).as("Q%d", q).doesNotContain("${");
                p.values().values().forEach(v -> assertThat(sql).contains(v));
            }
        }
        // Uniform choices over small domains reach every value.
        assertThat(seen.get("Q1 DELTA")).hasSize(61);
        assertThat(seen.get("Q2 SIZE")).hasSize(50);
        assertThat(seen.get("Q2 TYPE")).hasSize(5);
        assertThat(seen.get("Q2 REGION")).hasSize(5);
        assertThat(seen.get("Q3 SEGMENT")).hasSize(5);
        assertThat(seen.get("Q3 DATE")).hasSize(31);
        assertThat(seen.get("Q4 DATE")).hasSize(58);
        assertThat(seen.get("Q5 DATE")).hasSize(5);
        assertThat(seen.get("Q6 DISCOUNT")).hasSize(8);
        assertThat(seen.get("Q6 QUANTITY")).hasSize(2);
        assertThat(seen.get("Q7 NATION1")).hasSize(25);
        assertThat(seen.get("Q8 TYPE")).hasSize(150);
        assertThat(seen.get("Q9 COLOR")).hasSize(92);
        assertThat(seen.get("Q10 DATE")).hasSize(24);
        assertThat(seen.get("Q12 SHIPMODE2")).hasSize(7);
        assertThat(seen.get("Q13 WORD1")).hasSize(4);
        assertThat(seen.get("Q13 WORD2")).hasSize(4);
        assertThat(seen.get("Q14 DATE")).hasSize(60);
        assertThat(seen.get("Q15 DATE")).hasSize(58);
        assertThat(seen.get("Q16 BRAND")).hasSize(25);
        assertThat(seen.get("Q16 TYPE")).hasSize(30);
        assertThat(seen.get("Q16 SIZE8")).hasSize(50);
        assertThat(seen.get("Q17 CONTAINER")).hasSize(40);
        assertThat(seen.get("Q18 QUANTITY")).containsExactlyInAnyOrder("312", "313", "314", "315");
        assertThat(seen.get("Q19 QUANTITY1")).hasSize(10);
        assertThat(seen.get("Q19 QUANTITY2")).hasSize(11);
        assertThat(seen.get("Q19 QUANTITY3")).hasSize(11);
        assertThat(seen.get("Q21 NATION")).hasSize(25);
        assertThat(seen.get("Q22 I1")).hasSize(25);
    }

    /** The rules of clause 2.4.N.3, checked on the values as they appear in the SQL text. */
    private static void checkRanges(int q, TpchQueryParameters p) {
        String at = "Q" + q + " seed " + p.seed() + ": " + p.describe();
        switch (q) {
            case 1 -> assertThat(integer(p, "DELTA")).as(at).isBetween(60, 120);
            case 2 -> {
                assertThat(integer(p, "SIZE")).as(at).isBetween(1, 50);
                assertThat(p.get("TYPE")).as(at).isIn("TIN", "NICKEL", "BRASS", "STEEL", "COPPER");
                assertThat(p.get("REGION")).as(at).isIn(TpchDomains.REGIONS);
            }
            case 3 -> {
                assertThat(p.get("SEGMENT")).as(at).isIn("AUTOMOBILE", "BUILDING", "FURNITURE", "MACHINERY", "HOUSEHOLD");
                assertThat(date(p, "DATE")).as(at).isBetween(LocalDate.of(1995, 3, 1), LocalDate.of(1995, 3, 31));
            }
            case 4, 15 -> firstOfMonth(p, at, LocalDate.of(1993, 1, 1), LocalDate.of(1997, 10, 1));
            case 5 -> {
                assertThat(p.get("REGION")).as(at).isIn(TpchDomains.REGIONS);
                newYear(p, "DATE", at);
            }
            case 6 -> {
                newYear(p, "DATE", at);
                assertThat(p.get("DISCOUNT")).as(at).isIn("0.02", "0.03", "0.04", "0.05", "0.06", "0.07", "0.08", "0.09");
                assertThat(integer(p, "QUANTITY")).as(at).isBetween(24, 25);
            }
            case 7 -> {
                assertThat(p.get("NATION1")).as(at).isIn(TpchDomains.NATIONS).isNotEqualTo(p.get("NATION2"));
                assertThat(p.get("NATION2")).as(at).isIn(TpchDomains.NATIONS);
            }
            case 8 -> {
                int nation = TpchDomains.NATIONS.indexOf(p.get("NATION"));
                assertThat(nation).as(at).isNotNegative();
                assertThat(p.get("REGION")).as(at).isEqualTo(TpchDomains.REGIONS.get(TpchDomains.NATION_REGIONS.get(nation)));
                assertThat(Distributions.getDefaultDistributions().getPartTypes().getValues()).as(at).contains(p.get("TYPE"));
            }
            case 9 -> assertThat(p.get("COLOR")).as(at).isIn(TpchDomains.COLORS);
            case 10 -> firstOfMonth(p, at, LocalDate.of(1993, 2, 1), LocalDate.of(1995, 1, 1));
            case 11 -> {
                assertThat(p.get("NATION")).as(at).isIn(TpchDomains.NATIONS);
                assertThat(new BigDecimal(p.get("FRACTION"))).as(at).isEqualByComparingTo("0.01");
            }
            case 12 -> {
                assertThat(p.get("SHIPMODE1")).as(at).isIn(TpchDomains.SHIP_MODES).isNotEqualTo(p.get("SHIPMODE2"));
                assertThat(p.get("SHIPMODE2")).as(at).isIn(TpchDomains.SHIP_MODES);
                newYear(p, "DATE", at);
            }
            case 13 -> {
                assertThat(p.get("WORD1")).as(at).isIn("special", "pending", "unusual", "express");
                assertThat(p.get("WORD2")).as(at).isIn("packages", "requests", "accounts", "deposits");
            }
            case 14 -> firstOfMonth(p, at, LocalDate.of(1993, 1, 1), LocalDate.of(1997, 12, 1));
            case 16 -> {
                assertThat(p.get("BRAND")).as(at).matches("Brand#[1-5][1-5]");
                String[] type = p.get("TYPE").split(" ");
                assertThat(type).as(at).hasSize(2);
                assertThat(type[0]).as(at).isIn(TpchDomains.TYPE_SYLLABLE_1);
                assertThat(type[1]).as(at).isIn(TpchDomains.TYPE_SYLLABLE_2);
                List<Integer> sizes = new ArrayList<>();
                for (int i = 1; i <= 8; i++) {
                    sizes.add(integer(p, "SIZE" + i));
                }
                assertThat(sizes).as(at).doesNotHaveDuplicates().allMatch(s -> s >= 1 && s <= 50);
            }
            case 17 -> {
                assertThat(p.get("BRAND")).as(at).matches("Brand#[1-5][1-5]");
                assertThat(Distributions.getDefaultDistributions().getPartContainers().getValues()).as(at).contains(p.get("CONTAINER"));
            }
            case 18 -> assertThat(integer(p, "QUANTITY")).as(at).isBetween(312, 315);
            case 19 -> {
                assertThat(integer(p, "QUANTITY1")).as(at).isBetween(1, 10);
                assertThat(integer(p, "QUANTITY2")).as(at).isBetween(10, 20);
                assertThat(integer(p, "QUANTITY3")).as(at).isBetween(20, 30);
                for (int i = 1; i <= 3; i++) {
                    assertThat(p.get("BRAND" + i)).as(at).matches("Brand#[1-5][1-5]");
                }
            }
            case 20 -> {
                assertThat(p.get("COLOR")).as(at).isIn(TpchDomains.COLORS);
                newYear(p, "DATE", at);
                assertThat(p.get("NATION")).as(at).isIn(TpchDomains.NATIONS);
            }
            case 21 -> assertThat(p.get("NATION")).as(at).isIn(TpchDomains.NATIONS);
            case 22 -> {
                List<Integer> codes = new ArrayList<>();
                for (int i = 1; i <= 7; i++) {
                    assertThat(p.get("I" + i)).as(at).matches("[0-9]{2}");
                    codes.add(integer(p, "I" + i));
                }
                assertThat(codes).as(at).doesNotHaveDuplicates().allMatch(c -> c >= 10 && c <= 34);
            }
            default -> throw new AssertionError("no rule for Q" + q);
        }
    }

    @Test
    void q11FractionIsOneTenThousandthOverTheScaleFactor() {
        TpchQueryGenerator g = new TpchQueryGenerator(3);
        assertThat(g.parameters(11, 0.01).get("FRACTION")).isEqualTo("0.0100000000");
        assertThat(g.parameters(11, 1).get("FRACTION")).isEqualTo("0.0001000000");
        assertThat(g.parameters(11, 100).get("FRACTION")).isEqualTo("0.0000010000");
        assertThat(g.query(11, 1)).contains("sum(ps_supplycost * ps_availqty) * 0.0001000000\n");
        // The validation set keeps the reference answers' 0.0001 up to SF 1, and follows the rule above it.
        assertThat(TpchQueryGenerator.validation().parameters(11, 0.01).get("FRACTION")).isEqualTo("0.0001");
        assertThat(TpchQueryGenerator.validation().parameters(11, 1).get("FRACTION")).isEqualTo("0.0001");
        assertThat(TpchQueryGenerator.validation().parameters(11, 10).get("FRACTION")).isEqualTo("0.0000100000");
        assertThat(TpchQueryGenerator.validation().parameters(11, 100).get("FRACTION")).isEqualTo("0.0000010000");
        // Nothing else depends on the scale factor.
        assertThat(g.parameters(3, 0.01)).isEqualTo(g.parameters(3, 10));
    }

    @Test
    void generatedQueriesParseAndKeepTheirShape() {
        for (long seed = 1; seed <= 5; seed++) {
            TpchQueryGenerator g = new TpchQueryGenerator(seed);
            for (int q : TpchQueries.ALL) {
                String sql = g.query(q, SF);
                assertThat(SqlParser.parseScript(sql)).as("seed %d Q%d", seed, q).hasSize(q == 15 ? 3 : 1);
                assertThat(g.statements(q, SF)).hasSize(q == 15 ? 3 : 1);
                assertThat(sql.lines().count()).as("Q%d lines", q).isEqualTo(TpchQueries.text(q).lines().count() - (q == 11 ? 3 : 0));
                assertThat(sql.lines().findFirst()).isEqualTo(TpchQueries.text(q).lines().findFirst());
                assertThat(sql.lines().skip(1).findFirst().orElseThrow())
                        .isEqualTo("-- Substitution parameters (TPC-H specification 2.x, clause 2.4." + q + ".3), seed " + seed
                                + ", SF 0.01: " + g.parameters(q, SF).describe());
            }
        }
        assertThat(new TpchQueryGenerator(2).query(15, SF)).contains("create view revenue0", "drop view revenue0");
    }

    @Test
    void domainsAreTheOnesTheDataIsGeneratedFrom() {
        Distributions d = Distributions.getDefaultDistributions();
        assertThat(TpchDomains.REGIONS).containsExactlyElementsOf(d.getRegions().getValues());
        Distribution nations = d.getNations();
        assertThat(TpchDomains.NATIONS).containsExactlyElementsOf(nations.getValues());
        for (int n = 0; n < nations.size(); n++) {
            assertThat(TpchDomains.NATION_REGIONS.get(n)).as(nations.getValue(n)).isEqualTo(nations.getWeight(n));
        }
        assertThat(TpchDomains.SEGMENTS).containsExactlyInAnyOrderElementsOf(d.getMarketSegments().getValues());
        assertThat(TpchDomains.SHIP_MODES).containsExactlyInAnyOrderElementsOf(d.getShipModes().getValues());
        assertThat(TpchDomains.COLORS).containsExactlyInAnyOrderElementsOf(d.getPartColors().getValues());
        List<String> types = new ArrayList<>();
        for (String s1 : TpchDomains.TYPE_SYLLABLE_1) {
            for (String s2 : TpchDomains.TYPE_SYLLABLE_2) {
                for (String s3 : TpchDomains.TYPE_SYLLABLE_3) {
                    types.add(s1 + " " + s2 + " " + s3);
                }
            }
        }
        assertThat(types).containsExactlyInAnyOrderElementsOf(d.getPartTypes().getValues());
        List<String> containers = new ArrayList<>();
        for (String c1 : TpchDomains.CONTAINER_SYLLABLE_1) {
            for (String c2 : TpchDomains.CONTAINER_SYLLABLE_2) {
                containers.add(c1 + " " + c2);
            }
        }
        assertThat(containers).containsExactlyInAnyOrderElementsOf(d.getPartContainers().getValues());
    }

    @Test
    void rejectsBadArguments() {
        TpchQueryGenerator g = new TpchQueryGenerator(1);
        assertThatThrownBy(() -> g.query(0, SF)).isInstanceOf(QuiverException.class).hasMessageContaining("1 to 22");
        assertThatThrownBy(() -> g.query(23, SF)).isInstanceOf(QuiverException.class).hasMessageContaining("1 to 22");
        assertThatThrownBy(() -> g.query(1, 0)).isInstanceOf(QuiverException.class).hasMessageContaining("scale factor");
        assertThatThrownBy(() -> g.parameters(1, SF).get("DATE")).isInstanceOf(QuiverException.class)
                .hasMessageContaining("has no parameter DATE; it has DELTA");
        assertThatThrownBy(() -> QueryTemplate.load(1).fill(Map.of("DELTA", "90", "EXTRA", "1")))
                .isInstanceOf(QuiverException.class).hasMessageContaining("[DELTA]");
        assertThat(g).hasToString("TPC-H parameters, seed 1");
    }

    private static int integer(TpchQueryParameters p, String name) {
        String value = p.get(name);
        assertThat(value).as("%s of Q%d", name, p.query()).matches("[0-9]+");
        return Integer.parseInt(value);
    }

    private static LocalDate date(TpchQueryParameters p, String name) {
        return LocalDate.parse(p.get(name));
    }

    private static void newYear(TpchQueryParameters p, String name, String at) {
        LocalDate d = date(p, name);
        assertThat(d.getDayOfYear()).as(at).isEqualTo(1);
        assertThat(d.getYear()).as(at).isBetween(1993, 1997);
    }

    private static void firstOfMonth(TpchQueryParameters p, String at, LocalDate first, LocalDate last) {
        LocalDate d = date(p, "DATE");
        assertThat(d.getDayOfMonth()).as(at).isEqualTo(1);
        assertThat(d).as(at).isBetween(first, last);
    }
}
