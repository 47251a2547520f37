package org.inkling.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.inkling.data.Mnist;
import org.inkling.data.MnistDataset;
import org.inkling.nn.Activation;
import org.inkling.nn.Architectures;
import org.inkling.nn.Evaluation;
import org.inkling.nn.Evaluator;
import org.inkling.nn.Losses;
import org.inkling.nn.Optimizer;
import org.inkling.nn.Optimizers;
import org.inkling.nn.Sequential;
import org.inkling.nn.TrainConfig;
import org.inkling.nn.Trainer;
import org.inkling.nn.TrainingListener;
import org.inkling.nn.TrainingResult;
import org.inkling.nn.kernel.VectorGemm;

/**
 * Trains an MLP on MNIST with the engine's {@link Trainer}, translating its events for the app.
 * MNIST stays loaded between runs from the same folder (47 MB as bytes, a second to read).
 */
final class EngineTrainingRunner implements TrainingRunner {
    private Path loadedFrom;
    private Mnist loaded;

    @Override
    public ModelHandle train(TrainingSettings s, TrainingReporter reporter, TrainingSwitch control) throws Exception {
        // Leave a core to the FX thread and the renderer: with every core training, the window stutters.
        int cores = Runtime.getRuntime().availableProcessors();
        int threadsBefore = VectorGemm.maxThreads();
        VectorGemm.setMaxThreads(Math.max(1, Math.min(threadsBefore, cores - 1)));
        try {
            return trainOn(s, reporter, control);
        } finally {
            VectorGemm.setMaxThreads(threadsBefore);
        }
    }

    private ModelHandle trainOn(TrainingSettings s, TrainingReporter reporter, TrainingSwitch control)
            throws Exception {
        Mnist mnist = mnist(s.mnistFolder());
        MnistDataset train = s.subsetSize() > 0 && s.subsetSize() < mnist.train().size()
                ? mnist.train().subset(0, s.subsetSize()) : mnist.train();
        long seed = System.nanoTime();
        Sequential network = Architectures.build(s.architecture(), MnistDataset.PIXELS,
                Activation.parse(s.activation()), Classifier.CLASSES, seed);
        Optimizer optimizer = Optimizers.create(s.optimizer(), s.learningRate());
        TrainConfig config = TrainConfig.of(s.epochs(), s.batchSize(), seed).withValidationSplit(s.validationSplit());
        TrainingResult result = Trainer.fit(network, optimizer, Losses.SPARSE_CATEGORICAL_CROSSENTROPY, train,
                config, new Forwarder(network, reporter), control.engineControl());
        if (result.status() == TrainingResult.Status.DIVERGED) {
            throw new IllegalStateException(result.message());
        }
        if (control.isAbandoned()) {
            // The window is closing: nobody will see a test accuracy, so do not make it wait for one.
            return EngineModel.trained(network, "abandoned", Map.of(), Map.of());
        }
        Evaluation test = Evaluator.evaluate(network, mnist.test());

        Map<String, Object> recipe = new LinkedHashMap<>();
        recipe.put("architecture", s.architecture());
        recipe.put("activation", s.activation());
        recipe.put("optimizer", optimizer.config());
        recipe.put("batch_size", s.batchSize());
        recipe.put("epochs", s.epochs());
        recipe.put("epochs_completed", result.epochsCompleted());
        recipe.put("validation_split", s.validationSplit());
        recipe.put("train_size", train.size());
        recipe.put("seed", seed);
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("test_accuracy", test.accuracy());
        metrics.put("test_loss", test.loss());
        return EngineModel.trained(network, "mnist-" + (s.architecture().isBlank() ? "softmax" : s.architecture().replace(',', '-')), recipe, metrics);
    }

    private synchronized Mnist mnist(Path folder) throws IOException {
        Path key = folder.toAbsolutePath().normalize();
        if (!key.equals(loadedFrom)) {
            loaded = Mnist.load(MnistFolders.filesIn(key));
            loadedFrom = key;
        }
        return loaded;
    }

    /**
     * Engine events to app events. The engine reports running means over the epoch; the curves want
     * each batch's own loss, which the difference of successive running sums gives exactly.
     */
    private static final class Forwarder implements TrainingListener {
        private final Sequential network;
        private final TrainingReporter reporter;
        private long start;
        private int batchSize;
        private int trainSize;
        private double lossSum;
        private double correct;
        private long seen;

        Forwarder(Sequential network, TrainingReporter reporter) {
            this.network = network;
            this.reporter = reporter;
        }

        @Override
        public void onTrainingBegin(TrainingPlan plan) {
            start = System.nanoTime();
            batchSize = plan.batchSize();
            trainSize = plan.trainSize();
            reporter.begin(plan.epochs(), plan.batchesPerEpoch(), () -> {
                Sequential snapshot = network.copy();
                return snapshot::predict;
            });
        }

        @Override
        public void onBatchEnd(BatchEvent e) {
            if (e.batch() == 1) {
                lossSum = 0;
                correct = 0;
                seen = 0;
            }
            long nowSeen = Math.min((long) e.batch() * batchSize, trainSize);
            long rows = nowSeen - seen;
            double nowLoss = e.loss() * nowSeen;
            double nowCorrect = e.accuracy() * nowSeen;
            double loss = rows > 0 ? (nowLoss - lossSum) / rows : e.loss();
            double accuracy = rows > 0 ? (nowCorrect - correct) / rows : e.accuracy();
            lossSum = nowLoss;
            correct = nowCorrect;
            seen = nowSeen;
            reporter.batch(e.epoch(), e.batch(), e.batchesPerEpoch(), loss, Math.clamp(accuracy, 0, 1),
                    System.nanoTime() - start);
        }

        @Override
        public void onEpochEnd(EpochEvent e) {
            reporter.epoch(e.epoch(), e.epochs(), e.loss(), e.accuracy(), e.valLoss(), e.valAccuracy());
        }
    }
}
