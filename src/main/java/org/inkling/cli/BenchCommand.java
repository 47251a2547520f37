package org.inkling.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ejml.data.FMatrixRMaj;
import org.inkling.data.Mnist;
import org.inkling.data.MnistDataset;
import org.inkling.nn.Layer;
import org.inkling.nn.Losses;
import org.inkling.nn.Sequential;
import org.inkling.nn.TrainConfig;
import org.inkling.nn.Trainer;
import org.inkling.nn.TrainingListener.EpochEvent;
import org.inkling.nn.Engine;
import org.inkling.nn.KernelWarmUp;
import org.inkling.nn.TrainingResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code inkling bench}: whole epochs of the textbook settings on the real data, then prediction
 * latency. The epoch time is the median of the epochs after the first, which pays for JIT warm-up.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Time training epochs and prediction on real MNIST.",
                "Reports the median epoch after the first, samples/s, GFLOP/s, prediction latency and peak memory.",
                "GFLOP/s count the arithmetic of the dense products. The products skip the steps where their left operand is zero (blank pixels), so the figure can exceed the processor's; run with INKLING_JAVA_OPTS=-Dinkling.gemm.skipZeros=false to time the dense engine."})
final class BenchCommand implements Callable<Integer> {
    @Mixin
    DataOptions data = new DataOptions();

    @Mixin
    ModelRecipeOptions recipe = new ModelRecipeOptions();

    @Option(names = "--epochs", defaultValue = "3", description = "Epochs to time (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--batch", defaultValue = "128", description = "Batch size (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--seed", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--json", description = "One JSON object per epoch, then a summary.")
    boolean json;

    @Option(names = "--warm-up", description = "Compile the training kernels first (nn.KernelWarmUp, a warm-up a program can run before its first "
            + "training: the multilayer networks, or a copy of a convolutional --arch), so that the first epoch is the one a person "
            + "would meet after it; without it the first epoch pays the JIT, as a fresh `inkling train` does.")
    boolean warmUp;

    @Override
    public Integer call() {
        if (epochs < 2) throw new picocli.CommandLine.ParameterException(recipe.spec.commandLine(),
                "--epochs must be at least 2 (the first epoch is warm-up), got " + epochs);
        recipe.toRecipe(null, epochs, batch, seed, null, null); // every option checked (exit 2) before MNIST is read
        TrainConfig config = TrainConfig.of(epochs, batch, seed).withAugmenter(recipe.augmenter()).withSchedule(recipe.schedule());
        Sequential model = recipe.buildModel(seed);
        Mnist mnist = data.load(json);
        MnistDataset train = mnist.train();
        double warmUpSeconds = warmUp ? KernelWarmUp.run(null, recipe.arch) : 0;
        if (!json) {
            System.out.printf(Locale.ROOT, "Benchmark: %s, %s, batch %d, %d epochs on %,d images, %d cores%n",
                    describe(model), recipe.optimizer, batch, epochs, train.size(), Runtime.getRuntime().availableProcessors());
        }
        TrainingResult result = Trainer.fit(model, recipe.optimizer(), Losses.SPARSE_CATEGORICAL_CROSSENTROPY, train,
                config, new TrainingPrinter(System.out, json), null);
        if (!result.completed()) throw new CliException("benchmark training stopped: " + result.message());

        double[] seconds = result.history().stream().mapToDouble(EpochEvent::seconds).toArray();
        double epochSeconds = median(Arrays.copyOfRange(seconds, 1, seconds.length));
        double flops = trainingFlopsPerEpoch(model, train.size());
        double predictOneMicros = predictOneMicros(model, mnist.test());
        double predictBatchMillis = predictBatchMillis(model, mnist.test());

        Map<String, Object> s = new LinkedHashMap<>();
        s.put("architecture", describe(model));
        s.put("epochs", epochs);
        s.put("batch_size", batch);
        s.put("all_epoch_seconds", seconds);
        s.put("first_epoch_seconds", seconds[0]);
        s.put("warm_up_seconds", warmUp ? warmUpSeconds : null);
        s.put("epoch_seconds", epochSeconds);
        s.put("samples_per_second", train.size() / epochSeconds);
        s.put("gflop_per_epoch", flops / 1e9);
        s.put("gflops", flops / epochSeconds / 1e9);
        s.put("final_train_accuracy", result.lastEpoch().accuracy());
        s.put("predict_one_microseconds", predictOneMicros);
        s.put("predict_batch10000_milliseconds", predictBatchMillis);
        s.put("peak_memory_mb", PeakMemory.megabytes());
        s.put("skip_zeros", Engine.skipsZeros());
        s.put("cores", Runtime.getRuntime().availableProcessors());
        s.put("java", Runtime.version().toString());
        if (json) {
            new JsonLines(System.out).summary(s);
        } else {
            System.out.printf(Locale.ROOT, "%nFirst epoch: %.3f s%s%n", seconds[0],
                    warmUp ? String.format(Locale.ROOT, " (after a %.2f s kernel warm-up)", warmUpSeconds) : " (cold: it pays the JIT)");
            System.out.printf(Locale.ROOT, "Epoch (median after the first): %.3f s  = %,.0f samples/s, %.1f GFLOP/s%s%n",
                    epochSeconds, train.size() / epochSeconds, flops / epochSeconds / 1e9,
                    Engine.skipsZeros() ? " (dense-equivalent; zero steps skipped)" : " (dense engine)");
            System.out.printf(Locale.ROOT, "Predict one image: %.1f us; 10,000 images: %.1f ms; peak memory %.0f MB%n",
                    predictOneMicros, predictBatchMillis, PeakMemory.megabytes());
        }
        return 0;
    }

    static String describe(Sequential model) {
        StringBuilder sb = new StringBuilder().append(model.inputSize());
        for (Layer l : model.layers()) sb.append('-').append(l.outputShape().size());
        return sb.toString();
    }

    /**
     * Multiply-adds of the weighted layers (Dense and Conv2D), counted as 2 FLOPs each: forward,
     * the weight gradient for every layer, and the input gradient for every layer but the first
     * (no gradient is needed for the input). A layer's multiply-adds per example are its kernel's
     * size times the positions it is applied at (output size / units).
     */
    static double trainingFlopsPerEpoch(Sequential model, int examples) {
        double flops = 0;
        boolean first = true;
        for (Layer l : model.layers()) {
            if (l.params().size() < 2) continue;
            double kernel = l.params().get(0).value().getNumElements();
            double units = l.params().get(1).value().getNumElements();
            double macs = kernel * (l.outputShape().size() / units);
            flops += 2.0 * examples * macs * (first ? 2 : 3);
            first = false;
        }
        return flops;
    }

    private static double predictOneMicros(Sequential model, MnistDataset test) {
        float[] x = new float[model.inputSize()];
        float[] p = new float[model.outputSize()];
        double[] rounds = new double[7];
        for (int r = -3; r < rounds.length; r++) { // three rounds of warm-up
            long t0 = System.nanoTime();
            for (int i = 0; i < 2000; i++) {
                test.copyInput(i, x, 0);
                model.predict(x, p);
            }
            if (r >= 0) rounds[r] = (System.nanoTime() - t0) / 2000 / 1e3;
        }
        return median(rounds);
    }

    private static double predictBatchMillis(Sequential model, MnistDataset test) {
        FMatrixRMaj batch = new FMatrixRMaj(test.size(), model.inputSize());
        for (int i = 0; i < test.size(); i++) test.copyInput(i, batch.data, i * model.inputSize());
        List<Double> times = new ArrayList<>();
        for (int r = 0; r < 8; r++) {
            long t0 = System.nanoTime();
            model.predict(batch);
            if (r >= 3) times.add((System.nanoTime() - t0) / 1e6);
        }
        return median(times.stream().mapToDouble(Double::doubleValue).toArray());
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}
