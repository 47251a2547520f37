package org.inkling.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The verdict rule on fixed probability vectors. */
class VerdictRuleTest {
    private static final VerdictRule ELEVEN = new VerdictRule(1.0, 0.8, 0.5, 10);
    private static final VerdictRule PLAIN = VerdictRule.plain(SavedModel.digits(10));

    private static float[] p(double... v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) f[i] = (float) v[i];
        return f;
    }

    @Test
    void aConfidentDigitIsAccepted() {
        Verdict v = ELEVEN.judge(p(0, 0, 0, 0, 0, 0, 0, 0.95, 0.02, 0, 0.03));
        assertThat(v.kind()).isEqualTo(Verdict.Kind.DIGIT);
        assertThat(v.digit()).isEqualTo(7);
        assertThat(v.candidates()).containsExactly(7);
        assertThat(v.accepted()).isTrue();
        assertThat(v.describe()).isEqualTo("7");
        assertThat(v.notDigitProbability()).isCloseTo(0.03, within(1e-6));
    }

    @Test
    void twoCloseDigitsAreUnsureBetweenThem() {
        Verdict v = ELEVEN.judge(p(0, 0, 0, 0, 0.55, 0, 0, 0, 0, 0.40, 0.05));
        assertThat(v.kind()).isEqualTo(Verdict.Kind.UNSURE);
        assertThat(v.digit()).isEqualTo(4);
        assertThat(v.candidates()).containsExactly(4, 9);
        assertThat(v.accepted()).isFalse();
        assertThat(v.describe()).isEqualTo("not sure: 4 or 9");
    }

    @Test
    void candidatesStopAtThreeAndSkipFaintDigits() {
        Verdict v = ELEVEN.judge(p(0.2, 0.2, 0.2, 0.2, 0.02, 0, 0, 0, 0, 0, 0.18));
        assertThat(v.kind()).isEqualTo(Verdict.Kind.UNSURE);
        assertThat(v.candidates()).containsExactly(0, 1, 2);
        Verdict w = ELEVEN.judge(p(0.6, 0.05, 0.2, 0, 0, 0, 0, 0, 0, 0, 0.15));
        assertThat(w.candidates()).containsExactly(0, 2);
    }

    @Test
    void theRejectClassMakesItNotADigitEvenWhenOneDigitLeads() {
        Verdict v = ELEVEN.judge(p(0.4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.6));
        assertThat(v.kind()).isEqualTo(Verdict.Kind.NOT_A_DIGIT);
        assertThat(v.digit()).isEqualTo(-1);
        assertThat(v.accepted()).isFalse();
        assertThat(v.describe()).isEqualTo("not a digit");
        assertThat(v.digitProbabilities()).hasSize(10);
        assertThat(v.digitProbabilities()[0]).isEqualTo(0.4f);
    }

    @Test
    void thresholdsAreInclusive() {
        assertThat(ELEVEN.judge(p(0.8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.2)).kind()).isEqualTo(Verdict.Kind.DIGIT);
        assertThat(ELEVEN.judge(p(0.5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.5)).kind()).isEqualTo(Verdict.Kind.NOT_A_DIGIT);
    }

    @Test
    void thePlainRuleSaysNotADigitOnlyForABlankPadOrAMark() {
        assertThat(PLAIN.rejectClass()).isEqualTo(-1);
        assertThat(PLAIN.judge(p(0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1)).kind()).isEqualTo(Verdict.Kind.UNSURE);
        assertThat(PLAIN.judge(p(0, 0, 0.91, 0, 0, 0, 0, 0, 0.09, 0)).kind()).isEqualTo(Verdict.Kind.DIGIT);
        assertThat(PLAIN.judge(p(0, 0, 0.89, 0, 0, 0, 0, 0, 0.11, 0)).kind()).isEqualTo(Verdict.Kind.UNSURE);
        float[] blank = new float[784];
        assertThat(PLAIN.judge(blank, p(0, 1, 0, 0, 0, 0, 0, 0, 0, 0)).kind()).isEqualTo(Verdict.Kind.NOT_A_DIGIT);
        float[] dot = new float[784];
        dot[400] = 1;
        assertThat(PLAIN.judge(dot, p(0, 1, 0, 0, 0, 0, 0, 0, 0, 0)).kind()).isEqualTo(Verdict.Kind.NOT_A_DIGIT);
        float[] dash = new float[784];
        for (int x = 4; x < 24; x++) dash[13 * 28 + x] = dash[14 * 28 + x] = 1;
        Verdict refused = PLAIN.judge(dash, p(0, 0, 0, 0, 0, 0, 0, 1, 0, 0));
        assertThat(refused.kind()).isEqualTo(Verdict.Kind.NOT_A_DIGIT);
        assertThat(refused.digitProbabilities()[7]).as("the bars still show what the network said").isEqualTo(1f);
        float[] bar = new float[784];
        for (int y = 4; y < 24; y++) bar[y * 28 + 13] = bar[y * 28 + 14] = 1;
        assertThat(PLAIN.judge(bar, p(0, 1, 0, 0, 0, 0, 0, 0, 0, 0)).kind()).as("a vertical bar is a 1").isEqualTo(Verdict.Kind.DIGIT);
    }

    @Test
    void classNamesEndingInNotADigitGiveTheRejectClass() {
        List<String> names = new ArrayList<>(SavedModel.digits(10));
        names.add(VerdictRule.NOT_A_DIGIT);
        assertThat(VerdictRule.plain(names).rejectClass()).isEqualTo(10);
        assertThat(VerdictRule.plain(SavedModel.digits(11)).rejectClass()).isEqualTo(-1);
    }

    @Test
    void temperatureSoftensWithoutChangingTheOrder() {
        float[] raw = p(0.97, 0.02, 0.01, 0, 0, 0, 0, 0, 0, 0, 0);
        VerdictRule warm = ELEVEN.withTemperature(2.0);
        VerdictRule warmer = ELEVEN.withTemperature(3.0);
        float[] q = warm.calibrate(raw);
        // softmax(log p / 2) = sqrt(p) / sum sqrt(p)
        double norm = Math.sqrt(0.97) + Math.sqrt(0.02) + Math.sqrt(0.01);
        assertThat((double) q[0]).isCloseTo(Math.sqrt(0.97) / norm, within(1e-6));
        assertThat((double) q[2]).isCloseTo(Math.sqrt(0.01) / norm, within(1e-6));
        assertThat(q[3]).isZero();
        assertThat(ELEVEN.judge(raw).kind()).isEqualTo(Verdict.Kind.DIGIT);
        assertThat(warmer.judge(raw).kind()).isEqualTo(Verdict.Kind.UNSURE);
        assertThat(warmer.judge(raw).digit()).isZero();
        assertThat(ELEVEN.calibrate(raw)).containsExactly(raw);
    }

    @Test
    void itRoundTripsThroughItsMapAndRejectsBadValues() {
        VerdictRule r = new VerdictRule(1.37, 0.85, 0.4, 10);
        assertThat(VerdictRule.fromMap(r.toMap())).isEqualTo(r);
        assertThat(VerdictRule.fromMap(PLAIN.toMap())).isEqualTo(PLAIN);
        assertThatThrownBy(() -> VerdictRule.fromMap(Map.of("temperature", 1, "accept_at", 1.5, "reject_at", 0.5)))
                .hasMessageContaining("accept_at");
        assertThatThrownBy(() -> VerdictRule.fromMap(Map.of("temperature", "hot", "accept_at", 0.9, "reject_at", 0.5)))
                .hasMessageContaining("temperature");
        assertThatThrownBy(() -> VerdictRule.fromMap(Map.of("temperature", 1, "accept_at", 0.9, "reject_at", 0.5, "reject_class", 3)))
                .hasMessageContaining("reject_class");
        assertThatThrownBy(() -> ELEVEN.judge(p(0.5, 0.5))).hasMessageContaining("11 class probabilities");
    }
}
