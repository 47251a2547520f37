package org.inkling.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.inkling.data.ArrayExamples;
import org.inkling.nn.Activation;
import org.inkling.nn.Evaluation;
import org.inkling.nn.Evaluator;
import org.inkling.nn.Sequential;
import org.junit.jupiter.api.Test;

class PredictionsTest {
    /** 1,300 random examples (more than two prediction chunks) and an untrained model: many cells filled. */
    private static final Sequential MODEL = Sequential.mlp(12, new int[] {8}, Activation.TANH, 4, 2);
    private static final ArrayExamples DATA = random(1300, 3);

    private static ArrayExamples random(int n, long seed) {
        Random r = new Random(seed);
        float[] x = new float[n * 12];
        int[] labels = new int[n];
        for (int i = 0; i < x.length; i++) x[i] = (float) r.nextGaussian();
        for (int i = 0; i < n; i++) labels[i] = r.nextInt(4);
        return ArrayExamples.ofFloats(x, 12, labels);
    }

    @Test
    void agreesWithTheEvaluator() {
        Predictions p = Predictions.of(MODEL, DATA);
        Evaluation e = Evaluator.evaluate(MODEL, DATA);
        assertThat(p.size()).isEqualTo(1300);
        assertThat(p.confusion()).isEqualTo(e.confusion());
        assertThat(p.accuracy()).isEqualTo(e.accuracy());
        assertThat(p.perClassAccuracy()).containsExactly(e.perClassAccuracy());
        float[] x = new float[12];
        DATA.copyInput(1299, x, 0);
        assertThat(p.probabilities(1299)).containsExactly(MODEL.predict(x));
    }

    @Test
    void aCellListsExactlyItsExamplesMostConfidentlyWrongFirst() {
        Predictions p = Predictions.of(MODEL, DATA);
        int[][] m = p.confusion();
        int total = 0;
        for (int actual = 0; actual < 4; actual++) {
            for (int read = 0; read < 4; read++) {
                int a = actual, q = read;
                int[] cell = p.examples(a, q);
                assertThat(cell).hasSize(m[a][q]);
                int[] expected = java.util.stream.IntStream.range(0, p.size())
                        .filter(i -> DATA.label(i) == a && p.predicted(i) == q).toArray();
                assertThat(Arrays.stream(cell).sorted().toArray()).containsExactly(expected);
                for (int k = 1; k < cell.length; k++) {
                    float before = p.probability(cell[k - 1], q), after = p.probability(cell[k], q);
                    if (a == q) assertThat(before).isLessThanOrEqualTo(after);
                    else assertThat(before).isGreaterThanOrEqualTo(after);
                }
                total += cell.length;
            }
        }
        assertThat(total).isEqualTo(1300);
        int[] misread = p.misread();
        assertThat(misread).hasSize(1300 - m[0][0] - m[1][1] - m[2][2] - m[3][3]);
        assertThat(p.predicted(misread[0])).isNotEqualTo(p.label(misread[0]));
    }

    @Test
    void anEleventhNotADigitOutputIsNeverTheReadingTheLikeliestDigitIs() {
        Sequential eleven = Sequential.mlp(12, new int[] {8}, Activation.TANH, 11, 2);
        var bias = eleven.layers().get(eleven.layers().size() - 1).params().get(1);
        bias.value().data[10] = 10f; // "not a digit" is every example's likeliest class
        Random r = new Random(4);
        int[] labels = new int[200];
        for (int i = 0; i < labels.length; i++) labels[i] = r.nextInt(10);
        float[] x = new float[200 * 12];
        for (int i = 0; i < x.length; i++) x[i] = (float) r.nextGaussian();
        ArrayExamples data = ArrayExamples.ofFloats(x, 12, labels);
        Predictions p = Predictions.of(eleven, data);
        int right = 0;
        for (int i = 0; i < p.size(); i++) {
            float[] probs = p.probabilities(i);
            assertThat(probs).hasSize(11);
            assertThat(Ranking.top(probs, -1)).isEqualTo(10);
            int digit = Ranking.top(Arrays.copyOf(probs, 10), -1);
            assertThat(p.predicted(i)).isEqualTo(digit);
            if (digit == labels[i]) right++;
        }
        assertThat(p.accuracy()).isEqualTo(right / 200.0);
    }

    @Test
    void stopsWhenCancelled() {
        assertThat(Predictions.of(MODEL, DATA, () -> true)).isNull();
    }
}
