package dev.quiver.planner.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.planner.Planning;
import dev.quiver.planner.physical.PhysicalPlan;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class PlanJsonPrinterTest {
    private final Planning planning = Planning.standard();

    @Test
    void oneObjectPerOperatorWithItsInputsNested() {
        PhysicalPlan plan = planning.physical("SELECT a FROM t WHERE a > 1");
        // The plan PlanPrinterTest prints as text: Project over Filter over TableScan.
        assertThat(PlanJsonPrinter.toJson(plan).render()).isEqualTo("""
                {
                  "Operator": "Project",
                  "Description": "Project [a#6 := a#0]",
                  "Estimated Rows": 333,
                  "Estimated Cost": 1266.7,
                  "Output": [
                    {
                      "Name": "a",
                      "Id": 6,
                      "Type": "INTEGER"
                    }
                  ],
                  "Inputs": [
                    {
                      "Operator": "Filter",
                      "Description": "Filter a#0 > 1",
                      "Estimated Rows": 333,
                      "Estimated Cost": 1100,
                      "Output": [
                        {
                          "Name": "a",
                          "Id": 0,
                          "Type": "INTEGER"
                        }
                      ],
                      "Inputs": [
                        {
                          "Operator": "TableScan",
                          "Description": "TableScan t [a#0]",
                          "Estimated Rows": 1000,
                          "Estimated Cost": 100,
                          "Output": [
                            {
                              "Name": "a",
                              "Id": 0,
                              "Type": "INTEGER"
                            }
                          ],
                          "Inputs": []
                        }
                      ]
                    }
                  ]
                }""");
    }

    @Test
    void annotationsGoBetweenOutputAndInputs() {
        PhysicalPlan plan = planning.physical("SELECT a FROM t WHERE a > 1");
        Json.JsonObject json = PlanJsonPrinter.toJson(plan, p -> p == plan.input(0)
                ? List.of(new Json.JsonObject.Member("Actual Rows", Json.number(42)))
                : List.of(new Json.JsonObject.Member("Actual Rows", Json.NULL)));
        assertThat(json.members()).extracting(Json.JsonObject.Member::name)
                .containsExactly("Operator", "Description", "Estimated Rows", "Estimated Cost", "Output", "Actual Rows", "Inputs");
        assertThat(json.get("Actual Rows")).contains(Json.NULL);
        Json.JsonObject filter = (Json.JsonObject) ((Json.JsonArray) json.get("Inputs").orElseThrow()).items().get(0);
        assertThat(filter.get("Actual Rows")).contains(Json.number(42));
        assertThat(filter.render()).contains("\n  \"Actual Rows\": 42,\n  \"Inputs\": [\n");
    }

    @Test
    void stringsAreEscaped() {
        String text = "quote \" backslash \\ newline \n tab \t bell \u0007 é \uD83D\uDE00 lone \uD800 end";
        assertThat(Json.string(text).render())
                .isEqualTo("\"quote \\\" backslash \\\\ newline \\n tab \\t bell \\u0007 é \uD83D\uDE00 lone \\ud800 end\"");
        assertThat(Json.object().put("a\"b", "").build().render()).isEqualTo("{\n  \"a\\\"b\": \"\"\n}");
    }

    @Test
    void numbersAreJsonNumbersInAnyLocale() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertThat(Json.number(1266.66666, 1).render()).isEqualTo("1266.7");
            assertThat(Json.number(0.0004, 3).render()).isEqualTo("0");
            assertThat(Json.number(6e6).render()).isEqualTo("6000000");
            assertThat(Json.number(1e20).render()).isEqualTo("1.0E20");
            assertThat(Json.number(-2.5).render()).isEqualTo("-2.5");
            assertThat(Json.number(Double.NaN)).isEqualTo(Json.NULL);
            assertThat(Json.number(Double.POSITIVE_INFINITY, 1)).isEqualTo(Json.NULL);
            assertThat(Json.number(Long.MIN_VALUE).render()).isEqualTo("-9223372036854775808");
        } finally {
            Locale.setDefault(saved);
        }
        assertThatThrownBy(() -> new Json.JsonNumber("1,5")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void emptyContainersAndDuplicateNames() {
        assertThat(Json.array(List.of()).render()).isEqualTo("[]");
        assertThat(Json.object().build().render()).isEqualTo("{}");
        assertThat(Json.array(List.of(Json.bool(true), Json.NULL, Json.string("x"))).render()).isEqualTo("[\n  true,\n  null,\n  \"x\"\n]");
        assertThatThrownBy(() -> Json.object().put("a", 1).put("a", 2).build()).isInstanceOf(IllegalArgumentException.class);
    }
}
