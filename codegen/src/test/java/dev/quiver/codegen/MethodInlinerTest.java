package dev.quiver.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MethodInlinerTest {
    private static final String PUSH = """
                public void push(Batch batch, int morsel) {
                    for (int k = 0; k < 4; k++) {
                        int i = k;
                        stage1(i);
                    }
                }
            """;

    @Test
    void foldsAChainOfSingleCallHelpersIntoTheirCaller() {
        String stage = """
                    // a stage
                    private void stage1(int i) {
                        compute2(i);
                        total += v3;
                    }
                """;
        String compute = """
                    private void compute2(int i) {
                        long v = i * 2L;
                        v3 = v;
                    }
                """;

        List<String> out = MethodInliner.inline(List.of(PUSH, stage, compute), "", Set.of());

        assertThat(out).hasSize(1);
        assertThat(out.get(0)).isEqualTo("""
                    public void push(Batch batch, int morsel) {
                        for (int k = 0; k < 4; k++) {
                            int i = k;
                            {
                                // a stage
                                {
                                    long v = i * 2L;
                                    v3 = v;
                                }
                                total += v3;
                            }
                        }
                    }
                """);
    }

    @Test
    void keepsAMethodThatReturns() {
        String stage = """
                    private void stage1(int i) {
                        if (i < 0) {
                            return;
                        }
                        total += i;
                    }
                """;

        assertThat(MethodInliner.inline(List.of(PUSH, stage), "", Set.of())).containsExactly(PUSH, stage);
    }

    @Test
    void keepsAMethodCalledTwiceOrFromTheConstructor() {
        String twice = """
                    private void stage1(int i) {
                        helper4(i);
                        helper4(i);
                    }
                """;
        String helper = """
                    private void helper4(int i) {
                        total += i;
                    }
                """;

        List<String> out = MethodInliner.inline(List.of(PUSH, twice, helper), "", Set.of());
        assertThat(out).hasSize(2).contains(helper);

        String once = """
                    private void stage1(int i) {
                        total += i;
                    }
                """;
        assertThat(MethodInliner.inline(List.of(PUSH, once), "        stage1(0);\n", Set.of())).containsExactly(PUSH, once);
    }

    @Test
    void keepsAMethodWhoseNamesTheCallerDeclares() {
        // The body's k is a field; inlined into the loop it would read the loop's k instead.
        String readsField = """
                    private void stage1(int i) {
                        total += k;
                    }
                """;
        assertThat(MethodInliner.inline(List.of(PUSH, readsField), "", Set.of())).containsExactly(PUSH, readsField);

        String declaresMorsel = """
                    private void stage1(int i) {
                        int morsel = i;
                        total += morsel;
                    }
                """;
        assertThat(MethodInliner.inline(List.of(PUSH, declaresMorsel), "", Set.of())).containsExactly(PUSH, declaresMorsel);
    }

    @Test
    void keepsTheMethodsItIsAskedToKeep() {
        String stage = """
                    private void stage1(int i) {
                        total += i;
                    }
                """;
        assertThat(MethodInliner.inline(List.of(PUSH, stage), "", Set.of("stage1"))).containsExactly(PUSH, stage);
    }

    @Test
    void keepsAMethodCalledWithAnotherArgument() {
        String push = """
                    public void push(Batch batch, int morsel) {
                        stage1(morsel);
                    }
                """;
        String stage = """
                    private void stage1(int i) {
                        total += i;
                    }
                """;
        assertThat(MethodInliner.inline(List.of(push, stage), "", Set.of())).containsExactly(push, stage);
    }

    @Test
    void keepsACallerUnderTheSizeLimit() {
        StringBuilder large = new StringBuilder("    private void stage1(int i) {\n");
        while (large.length() < MethodInliner.MAX_CALLER_CHARS) {
            large.append("        total += i;\n");
        }
        large.append("    }\n");
        String stage = large.toString();
        assertThat(MethodInliner.inline(List.of(PUSH, stage), "", Set.of())).containsExactly(PUSH, stage);
    }
}
