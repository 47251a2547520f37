package org.inkling.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KernelWarmUpTest {
    @Test
    void madeUpDigitsAreBlankLikeMnist() {
        Examples d = KernelWarmUp.madeUpDigits(new SplittableRandom(17));
        float[] x = new float[d.inputSize()];
        double inked = 0;
        for (int i = 0; i < d.size(); i++) {
            d.copyInput(i, x, 0);
            for (int p = 0; p < x.length; p++) {
                if (x[p] != 0) {
                    inked++;
                    int r = p / 28, c = p % 28;
                    assertThat(r).as("image %d: ink in the frame's blank border", i).isBetween(4, 25);
                    assertThat(c).isBetween(4, 25);
                    assertThat(x[p]).isBetween(0.5f, 1f);
                }
            }
            assertThat(d.label(i)).isBetween(0, 9);
        }
        double share = inked / ((double) d.size() * d.inputSize());
        // MNIST: 0.19; the products' two-row path takes inputs below 0.3
        assertThat(share).isBetween(0.08, 0.25);
    }

    @Test
    void trainsBothNetworksAndStopsWhenCancelled() {
        int threads = Engine.threads();
        List<Integer> epochsSeen = new ArrayList<>();
        TrainingListener count = new TrainingListener() {
            @Override
            public void onTrainingBegin(TrainingPlan plan) {
                epochsSeen.add(plan.epochs());
            }
        };
        TrainingControl control = new TrainingControl();
        double seconds = KernelWarmUp.run(control, count);
        assertThat(seconds).isPositive();
        assertThat(epochsSeen).as("784-512-10, then 784-512-512-10").hasSize(2);
        assertThat(Engine.threads()).isEqualTo(threads);

        int[] batches = {0};
        TrainingControl cancelled = new TrainingControl();
        KernelWarmUp.run(cancelled, new TrainingListener() {
            @Override
            public void onBatchEnd(BatchEvent event) {
                if (++batches[0] == 3) cancelled.cancel();
            }
        });
        assertThat(batches[0]).as("the batch in hand ends it, and the second network is not started").isEqualTo(3);
    }

    @Test
    void aConvolutionalArchitectureIsWarmedOnACopyOfItWithBothOptimisers() {
        int threads = Engine.threads();
        List<String> trained = new ArrayList<>();
        int[] batches = {0};
        TrainingListener seen = new TrainingListener() {
            @Override
            public void onTrainingBegin(TrainingPlan plan) {
                trained.add(plan.parameterCount() + " parameters");
            }

            @Override
            public void onBatchEnd(BatchEvent event) {
                batches[0]++;
            }
        };
        String arch = "conv4,pool,16";
        long parameters = Architectures.build(arch, 784, Activation.RELU, 10, 1).params().stream().mapToLong(Param::size).sum();
        KernelWarmUp.run(new TrainingControl(), arch, seen);
        assertThat(trained).as("Adam, then RMSprop, each on a fresh copy").containsExactly(parameters + " parameters", parameters + " parameters");
        assertThat(batches[0]).isEqualTo(KernelWarmUp.IMAGE_BATCHES);
        assertThat(Engine.threads()).isEqualTo(threads);

        TrainingControl cancelled = new TrainingControl();
        batches[0] = 0;
        KernelWarmUp.run(cancelled, arch, new TrainingListener() {
            @Override
            public void onBatchEnd(BatchEvent event) {
                if (++batches[0] == 2) cancelled.cancel();
            }
        });
        assertThat(batches[0]).as("the batch in hand ends it, and the second copy is not started").isEqualTo(2);
    }

    @Test
    void aMultilayerArchitectureGetsTheDenseWarmUp() {
        List<Integer> epochsSeen = new ArrayList<>();
        TrainingControl control = new TrainingControl();
        KernelWarmUp.run(control, "300", new TrainingListener() {
            @Override
            public void onTrainingBegin(TrainingPlan plan) {
                epochsSeen.add(plan.epochs());
                control.cancel();
            }
        });
        assertThat(epochsSeen).as("784-512-10 started, then cancelled").hasSize(1);
    }
}
