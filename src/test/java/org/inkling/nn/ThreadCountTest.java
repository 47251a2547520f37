package org.inkling.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Training gives the same bits on any number of threads: one step, and a whole short run on real
 * MNIST, for the textbook MLP and the convolutional network, with 1, 2, 3, 4, 8 and 16 threads
 * (more than this machine's cores on purpose: the split must not depend on the cores either).
 */
class ThreadCountTest {
    private static final int[] THREADS = {1, 2, 3, 4, 8, 16};
    private final int threadsBefore = Engine.threads();

    @AfterEach
    void restoreThreads() {
        Engine.setThreads(threadsBefore);
    }

    @Test
    void oneTrainingStepGivesTheSameBitsOnAnyThreadCount() throws Exception {
        MnistIdx data = MnistIdx.read("train", 128);
        for (String arch : new String[] {"512", Architectures.CNN}) {
            List<float[]> reference = null;
            for (int threads : THREADS) {
                Engine.setThreads(threads);
                Sequential m = Architectures.build(arch, 784, Activation.RELU, 10, 7);
                TrainingResult r = Trainer.fit(m, new RmsProp(), Losses.SPARSE_CATEGORICAL_CROSSENTROPY, data,
                        TrainConfig.of(1, 128, 7), null, null);
                assertThat(r.completed()).isTrue();
                List<float[]> weights = weights(m);
                if (reference == null) {
                    reference = weights;
                } else {
                    assertSameBits(reference, weights, arch + ", one step on " + threads + " threads");
                }
            }
        }
    }

    @Test
    void aShortRunOnMnistGivesTheSameBitsOnAnyThreadCount() throws Exception {
        MnistIdx train = MnistIdx.read("train", 1_536);
        for (String arch : new String[] {"512", Architectures.CNN}) {
            List<float[]> reference = null;
            double referenceLoss = 0;
            for (int threads : THREADS) {
                Engine.setThreads(threads);
                Sequential m = Architectures.build(arch, 784, Activation.RELU, 10, 3);
                TrainingResult r = Trainer.fit(m, new RmsProp(), Losses.SPARSE_CATEGORICAL_CROSSENTROPY, train,
                        TrainConfig.of(2, 128, 3), null, null);
                assertThat(r.completed()).isTrue();
                List<float[]> weights = weights(m);
                double loss = r.lastEpoch().loss();
                if (reference == null) {
                    reference = weights;
                    referenceLoss = loss;
                    assertThat(r.lastEpoch().accuracy()).as("%s learns", arch).isGreaterThan(0.5);
                } else {
                    assertSameBits(reference, weights, arch + ", two epochs on " + threads + " threads");
                    assertThat(loss).as("%s training loss on %d threads", arch, threads).isEqualTo(referenceLoss);
                }
            }
        }
    }

    private static List<float[]> weights(Sequential m) {
        List<float[]> w = new ArrayList<>();
        for (Param p : m.params()) w.add(java.util.Arrays.copyOf(p.value().data, p.size()));
        return w;
    }

    private static void assertSameBits(List<float[]> expected, List<float[]> actual, String what) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            float[] e = expected.get(i), a = actual.get(i);
            for (int j = 0; j < e.length; j++) {
                if (Float.floatToRawIntBits(e[j]) != Float.floatToRawIntBits(a[j])) {
                    throw new AssertionError(what + ": parameter " + i + " element " + j + " is " + a[j] + ", expected " + e[j]);
                }
            }
        }
    }
}
