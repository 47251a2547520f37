package org.inkling.tools;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.inkling.data.ArrayExamples;
import org.inkling.data.Augmentation;
import org.inkling.data.AugmentationConfig;
import org.inkling.data.ConcatExamples;
import org.inkling.data.Mnist;
import org.inkling.data.MnistLocator;
import org.inkling.ink.InkImages;
import org.inkling.ink.InkRenderer;
import org.inkling.ink.LabeledInk;
import org.inkling.ink.RenderedDigits;
import org.inkling.ink.synth.DigitSynthesizer;
import org.inkling.ink.synth.HersheyDigits;
import org.inkling.ink.synth.NonDigits;
import org.inkling.nn.Activation;
import org.inkling.nn.Architectures;
import org.inkling.nn.Examples;
import org.inkling.nn.LearningRateSchedule;
import org.inkling.nn.Losses;
import org.inkling.nn.ModelFile;
import org.inkling.nn.Optimizer;
import org.inkling.nn.Optimizers;
import org.inkling.nn.SavedModel;
import org.inkling.nn.Sequential;
import org.inkling.nn.TrainConfig;
import org.inkling.nn.Trainer;
import org.inkling.nn.TrainingListener;
import org.inkling.nn.TrainingResult;
import org.inkling.nn.VerdictRule;

/**
 * Issue 14's study, run by hand (not a test): {@code samples DIR} writes grids of the non-digits;
 * {@code train OUT EPOCHS NON_DIGITS} trains the eleven-class prototype by calling the trainer
 * directly with the shipped model's recipe plus non-digits.
 */
public final class VerdictStudy {
    static final Path FONTS = HersheyDigits.DEFAULT_FONTS;

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "samples" -> samples(Path.of(args[1]));
            case "train" -> train(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                    args.length > 4 ? Integer.parseInt(args[4]) : 60000);
            case "head" -> head(Path.of(args[1]), Path.of(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]),
                    Integer.parseInt(args[5]), Integer.parseInt(args[6]), Integer.parseInt(args[7]));
            case "calibrate" -> calibrate(Path.of(args[1]), Path.of(args[2]), Integer.parseInt(args[3]), Long.parseLong(args[4]));
            case "measure" -> measure(java.util.Arrays.stream(args).skip(1).map(Path::of).toList());
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    static void samples(Path dir) throws IOException {
        java.nio.file.Files.createDirectories(dir);
        List<NonDigits.Sample> s = NonDigits.generate(NonDigits.glyphs(FONTS, NonDigits.TRAINING_FONTS), 400, 5);
        float[][] img = new float[s.size()][];
        for (int i = 0; i < img.length; i++) img[i] = InkRenderer.toMnist(s.get(i).ink());
        InkImages.writeGrid(img, 28, 28, 25, 2, dir.resolve("non-digits.png"));
        List<NonDigits.Sample> h = NonDigits.write(NonDigits.heldOutGlyphs(FONTS, NonDigits.HELD_OUT_FONTS, NonDigits.TRAINING_FONTS), 1, 6);
        float[][] img2 = new float[h.size()][];
        for (int i = 0; i < img2.length; i++) img2[i] = InkRenderer.toMnist(h.get(i).ink());
        InkImages.writeGrid(img2, 28, 28, 25, 2, dir.resolve("held-out-glyphs.png"));
        Map<NonDigits.Kind, Integer> kinds = new java.util.TreeMap<>();
        for (NonDigits.Sample x : s) kinds.merge(x.kind(), 1, Integer::sum);
        System.out.println(kinds + "; held-out glyphs " + h.size());
    }

    /** Non-digits rendered like the synthetic digits, labelled 10. */
    static Examples nonDigitExamples(int count, long seed) throws IOException {
        return bytes(NonDigits.dataset(FONTS, count, seed));
    }

    static Examples bytes(RenderedDigits r) {
        int[] labels = new int[r.size()];
        for (int i = 0; i < labels.length; i++) labels[i] = r.label(i);
        return ArrayExamples.ofBytes(r.pixels(), RenderedDigits.PIXELS, labels);
    }

    static Mnist mnist() throws IOException {
        return Mnist.load(MnistLocator.standard(Path.of(System.getProperty("inkling.mnist", "../shared/data/mnist"))).findLocal().orElseThrow());
    }

    static void train(Path out, int epochs, int nonDigits, int mnistTrain) throws Exception {
        long seed = 1;
        Mnist mnist = mnist();
        Sequential model = Architectures.build("cnn", 784, Activation.RELU, 11, seed);
        Optimizer adam = Optimizers.create("adam", null, 0);
        Examples synth = bytes(DigitSynthesizer.dataset(3000, seed + 1));
        Examples nd = nonDigitExamples(nonDigits, seed + 2);
        Examples train = ConcatExamples.of(mnist.train().subset(0, mnistTrain), synth, nd);
        TrainConfig config = TrainConfig.of(epochs, 128, seed).withAugmenter(new Augmentation(AugmentationConfig.DEFAULT))
                .withSchedule(LearningRateSchedule.parse("cosine"));
        System.out.printf("training on %d examples (%d MNIST, %d synthetic digits, %d non-digits)%n",
                train.size(), mnistTrain, synth.size(), nd.size());
        TrainingResult r = Trainer.fit(model, adam, Losses.SPARSE_CATEGORICAL_CROSSENTROPY, train, config, new TrainingListener() {
            @Override
            public void onEpochEnd(EpochEvent e) {
                System.out.printf(Locale.ROOT, "epoch %d/%d loss %.4f acc %.4f %.0fs%n", e.epoch(), e.epochs(), e.loss(), e.accuracy(), e.seconds());
            }
        }, null);
        System.out.println(r.message());
        List<String> names = new ArrayList<>();
        for (int d = 0; d < 10; d++) names.add(Integer.toString(d));
        names.add(VerdictRule.NOT_A_DIGIT);
        Map<String, Object> recipe = new LinkedHashMap<>();
        recipe.put("tool", "VerdictStudy train " + out + " " + epochs + " " + nonDigits + " " + mnistTrain);
        ModelFile.save(out, new SavedModel(out.getFileName().toString(), model, recipe, Map.of(), names));
    }

    record Set(String name, float[][] images, int[] labels, String[] kinds) {}

    static Set strokes(String name, Path file) throws IOException {
        List<String> lines = java.nio.file.Files.readAllLines(file);
        float[][] img = new float[lines.size()][];
        int[] labels = new int[lines.size()];
        String[] kinds = new String[lines.size()];
        java.util.stream.IntStream.range(0, lines.size()).parallel().forEach(i -> {
            try {
                LabeledInk d = org.inkling.ink.StrokeFile.parseLine(lines.get(i), file.toString(), i + 1);
                img[i] = InkRenderer.toMnist(d.ink());
                labels[i] = d.label() == null ? -1 : d.label();
                Object k = org.inkling.json.Json.parseObject(lines.get(i)).get("kind");
                Object font = org.inkling.json.Json.parseObject(lines.get(i)).get("font");
                kinds[i] = k != null ? k.toString() : font != null ? font.toString() : "digit";
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        return new Set(name, img, labels, kinds);
    }

    static Set examples(String name, Examples e) {
        float[][] img = new float[e.size()][784];
        int[] labels = new int[e.size()];
        String[] kinds = new String[e.size()];
        for (int i = 0; i < e.size(); i++) {
            e.copyInput(i, img[i], 0);
            labels[i] = e.label(i);
            kinds[i] = labels[i] == 10 ? "non-digit" : "digit";
        }
        return new Set(name, img, labels, kinds);
    }

    static float[][] predict(Sequential net, float[][] images) {
        float[][] out = new float[images.length][];
        java.util.stream.IntStream.range(0, images.length).parallel().forEach(i -> out[i] = net.predict(images[i]));
        return out;
    }

    /** The network with its last softmax replaced by the identity: the logits. */
    static Sequential logits(Sequential net) {
        List<org.inkling.nn.Layer> layers = new ArrayList<>();
        for (int i = 0; i < net.layers().size(); i++) {
            Map<String, Object> c = new LinkedHashMap<>(net.layers().get(i).config());
            if (i == net.layers().size() - 1) c.put("activation", "linear");
            layers.add(org.inkling.nn.Layers.fromConfig(c));
        }
        Sequential s = new Sequential(net.inputShape(), layers, 0);
        s.copyWeightsFrom(net);
        return s;
    }

    static double logSumExp(float[] z) {
        double m = Double.NEGATIVE_INFINITY, s = 0;
        for (float v : z) m = Math.max(m, v);
        for (float v : z) s += Math.exp(v - m);
        return m + Math.log(s);
    }

    /** One way of judging: a verdict kind per example. */
    interface Judge {
        org.inkling.nn.Verdict.Kind kind(int set, int i);
        int digit(int set, int i);
    }

    static void measure(List<Path> models) throws IOException {
        Mnist mnist = mnist();
        List<Set> sets = new ArrayList<>();
        sets.add(examples("MNIST test", mnist.test()));
        sets.add(strokes("Hershey digits", Path.of("resources/strokes/hershey-digits.jsonl")));
        sets.add(strokes("synthetic styles", Path.of("resources/strokes/synthetic-styles.jsonl")));
        sets.add(strokes("held-out letters", Path.of("resources/strokes/hershey-letters-held-out.jsonl")));
        sets.add(strokes("held-out non-digits", Path.of("resources/strokes/non-digits-held-out.jsonl")));
        sets.add(strokes("digit-like letters", Path.of("resources/strokes/digit-like-letters.jsonl")));
        // Calibration data: never trained on, never a test set.
        Examples calibDigits = ConcatExamples.of(mnist.train().subset(55000, 60000), bytes(DigitSynthesizer.dataset(100, 4242)));
        Set calib = examples("calibration digits", calibDigits);
        Set calibNd = examples("calibration non-digits", bytes(NonDigits.dataset(FONTS, 1500, 4343)));
        for (Path m : models) {
            SavedModel saved = ModelFile.load(m);
            Sequential net = saved.network();
            float[][][] p = new float[sets.size()][][];
            for (int s = 0; s < sets.size(); s++) p[s] = predict(net, sets.get(s).images());
            float[][] pc = predict(net, calib.images());
            float[][] pn = predict(net, calibNd.images());
            boolean eleven = net.outputSize() == 11;
            System.out.printf("%n== %s (%d outputs) ==%n", m, net.outputSize());
            // temperature on held-out calibration data
            float[][] both = concat(pc, eleven ? pn : new float[0][]);
            int[] bothLabels = concat(calib.labels(), eleven ? calibNd.labels() : new int[0]);
            double t = org.inkling.nn.Calibration.fitTemperature(both, bothLabels);
            double tDigits = org.inkling.nn.Calibration.fitTemperature(pc, calib.labels());
            System.out.printf(Locale.ROOT, "temperature fitted on calibration set: %.3f (digits only: %.3f)%n", t, tDigits);
            for (double tt : new double[] {1.0, t, tDigits}) {
                System.out.printf(Locale.ROOT, "  T=%.3f: ECE MNIST test %.4f, NLL %.4f; ECE calibration digits %.4f%n", tt,
                        org.inkling.nn.Calibration.reliability(p[0], sets.get(0).labels(), tt, 15).ece(),
                        org.inkling.nn.Calibration.nll(p[0], sets.get(0).labels(), tt),
                        org.inkling.nn.Calibration.reliability(pc, calib.labels(), tt, 15).ece());
            }
            List<String> names = saved.classNames();
            for (double accept : new double[] {0.6, 0.7, 0.8}) {
                for (double reject : eleven ? new double[] {0.5, 0.8, 0.9, 0.95, 0.98} : new double[] {0.5}) {
                    VerdictRule rule = VerdictRule.plain(names).withTemperature(t).withThresholds(accept, reject);
                    report("rule T=" + String.format(Locale.ROOT, "%.2f", t) + " accept " + accept + (eleven ? " reject " + reject : ""),
                            sets, p, pc, calib, (s, i, probs) -> rule.judge((s < 0 ? calib : sets.get(s)).images()[i], probs[i]));
                }
            }
            if (!eleven) {
                Sequential lg = logits(net);
                float[][] zc = predict(lg, calib.images());
                double[] ec = new double[zc.length];
                for (int i = 0; i < zc.length; i++) ec[i] = logSumExp(zc[i]);
                double[] sorted = ec.clone();
                java.util.Arrays.sort(sorted);
                float[][][] z = new float[sets.size()][][];
                for (int s = 0; s < sets.size(); s++) z[s] = predict(lg, sets.get(s).images());
                for (double q : new double[] {0.01, 0.02, 0.05}) {
                    double cut = sorted[(int) (q * sorted.length)];
                    VerdictRule rule = VerdictRule.plain(names).withThresholds(0.5, 0.5);
                    report(String.format(Locale.ROOT, "energy: logsumexp < %.2f (%.0f%% of calibration digits) -> not a digit, else accept 0.5", cut, q * 100),
                            sets, p, pc, calib, (s, i, probs) -> {
                                if (VerdictRule.isBlank((s < 0 ? calib : sets.get(s)).images()[i])) return VerdictRule.blank();
                                if (s >= 0 && logSumExp(z[s][i]) < cut) return new org.inkling.nn.Verdict(org.inkling.nn.Verdict.Kind.NOT_A_DIGIT, -1, List.of(), new float[10], 1);
                                if (s < 0 && logSumExp(zc[i]) < cut) return new org.inkling.nn.Verdict(org.inkling.nn.Verdict.Kind.NOT_A_DIGIT, -1, List.of(), new float[10], 1);
                                return rule.judge(probs[i]);
                            });
                }
            }
        }
    }

    interface VerdictOf {
        org.inkling.nn.Verdict of(int set, int i, float[][] probs);
    }

    static void report(String title, List<Set> sets, float[][][] p, float[][] pc, Set calib, VerdictOf judge) {
        StringBuilder sb = new StringBuilder(title).append('\n');
        int refusedCalib = 0;
        for (int i = 0; i < pc.length; i++) if (!judge.of(-1, i, pc).accepted()) refusedCalib++;
        sb.append(String.format(Locale.ROOT, "   calibration digits: refused %.2f%%%n", 100.0 * refusedCalib / pc.length));
        for (int s = 0; s < sets.size(); s++) {
            Set set = sets.get(s);
            int n = set.labels().length, refused = 0, notDigit = 0, right = 0, acceptedRight = 0, accepted = 0;
            Map<String, int[]> byKind = new java.util.TreeMap<>();
            for (int i = 0; i < n; i++) {
                org.inkling.nn.Verdict v = judge.of(s, i, p[s]);
                int top = org.inkling.nn.Metrics.argmax(java.util.Arrays.copyOf(p[s][i], 10));
                if (set.labels()[i] >= 0 && top == set.labels()[i]) right++;
                if (v.accepted()) {
                    accepted++;
                    if (v.digit() == set.labels()[i]) acceptedRight++;
                } else {
                    refused++;
                }
                if (v.kind() == org.inkling.nn.Verdict.Kind.NOT_A_DIGIT) notDigit++;
                int[] k = byKind.computeIfAbsent(set.kinds()[i], x -> new int[2]);
                k[0]++;
                if (!v.accepted()) k[1]++;
            }
            sb.append(String.format(Locale.ROOT, "   %-20s n=%5d refused %6.2f%% (not a digit %6.2f%%)", set.name(), n, 100.0 * refused / n, 100.0 * notDigit / n));
            if (set.labels()[0] >= 0) {
                sb.append(String.format(Locale.ROOT, "  accuracy all %.4f, accepted %.4f", right / (double) n, acceptedRight / (double) Math.max(1, accepted)));
            }
            if (byKind.size() > 1) {
                for (var e : byKind.entrySet()) {
                    if (e.getValue()[1] > 0) sb.append(String.format(Locale.ROOT, "  %s %.1f%%", e.getKey(), 100.0 * e.getValue()[1] / e.getValue()[0]));
                }
            }
            sb.append('\n');
        }
        System.out.print(sb);
    }

    static float[][] concat(float[][] a, float[][] b) {
        float[][] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    static int[] concat(int[] a, int[] b) {
        int[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    /**
     * Teaches a trained ten-digit CNN what is not a digit without retraining its convolutions: the
     * flattened convolution features of MNIST's first {@code mnist} training images, {@code synthPerClass}
     * synthetic digits per class and {@code nonDigits} non-digits are computed once; the two dense
     * layers are trained again on them (started from the model's own, with an eleventh output) for
     * {@code epochs}; the temperature is fitted on MNIST's last 5,000 training images (never seen by the
     * dense layers), fresh synthetic digits and fresh non-digits.
     */
    static void head(Path base, Path out, int mnistCount, int synthPerClass, int nonDigits, int epochs, int seed) throws Exception {
        long t0 = System.nanoTime();
        Mnist mnist = mnist();
        SavedModel shipped = ModelFile.load(base);
        Sequential full = Architectures.build("cnn", 784, Activation.RELU, 11, seed);
        List<org.inkling.nn.Param> from = shipped.network().params(), to = full.params();
        // conv2d kernel+bias, conv2d_1 kernel+bias: copied as they are
        for (int i = 0; i < 4; i++) System.arraycopy(from.get(i).value().data, 0, to.get(i).value().data, 0, from.get(i).size());
        // trunk: the layers up to flatten, with the shipped weights
        List<org.inkling.nn.Layer> trunkLayers = new ArrayList<>();
        for (int i = 0; i < 5; i++) trunkLayers.add(org.inkling.nn.Layers.fromConfig(new LinkedHashMap<>(shipped.network().layers().get(i).config())));
        Sequential trunk = new Sequential(shipped.network().inputShape(), trunkLayers, 0);
        for (int i = 0; i < 4; i++) System.arraycopy(from.get(i).value().data, 0, trunk.params().get(i).value().data, 0, from.get(i).size());
        Examples train = ConcatExamples.of(mnist.train().subset(0, mnistCount), bytes(DigitSynthesizer.dataset(synthPerClass, seed + 10)),
                nonDigitExamples(nonDigits, seed + 11));
        int f = trunk.outputSize();
        float[] feats = new float[train.size() * f];
        int[] labels = new int[train.size()];
        java.util.stream.IntStream.range(0, train.size()).parallel().forEach(i -> {
            float[] x = new float[784];
            train.copyInput(i, x, 0);
            System.arraycopy(trunk.predict(x), 0, feats, i * f, f);
            labels[i] = train.label(i);
        });
        System.out.printf("features of %d examples (%d each) in %.0fs%n", train.size(), f, (System.nanoTime() - t0) / 1e9);
        Sequential head = new Sequential(f, List.of(new org.inkling.nn.Dense(128, Activation.RELU), new org.inkling.nn.Dense(11, Activation.SOFTMAX)), seed);
        // start from the shipped dense layers; the eleventh output starts from the new network's random column
        System.arraycopy(from.get(4).value().data, 0, head.params().get(0).value().data, 0, from.get(4).size());
        System.arraycopy(from.get(5).value().data, 0, head.params().get(1).value().data, 0, from.get(5).size());
        float[] k10 = from.get(6).value().data, k11 = head.params().get(2).value().data;
        for (int r = 0; r < 128; r++) System.arraycopy(k10, r * 10, k11, r * 11, 10);
        System.arraycopy(from.get(7).value().data, 0, head.params().get(3).value().data, 0, 10);
        Examples featureSet = ArrayExamples.ofFloats(feats, f, labels);
        TrainConfig config = TrainConfig.of(epochs, 128, seed).withSchedule(LearningRateSchedule.parse("cosine"));
        Trainer.fit(head, Optimizers.create("adam", 3e-4, 0), Losses.SPARSE_CATEGORICAL_CROSSENTROPY, featureSet, config, new TrainingListener() {
            @Override
            public void onEpochEnd(EpochEvent e) {
                System.out.printf(Locale.ROOT, "head epoch %d/%d loss %.4f acc %.4f %.0fs%n", e.epoch(), e.epochs(), e.loss(), e.accuracy(), e.seconds());
            }
        }, null);
        for (int i = 0; i < 4; i++) System.arraycopy(head.params().get(i).value().data, 0, to.get(4 + i).value().data, 0, head.params().get(i).size());
        // calibration on data neither the dense layers nor the test sets ever saw
        Examples calib = ConcatExamples.of(mnist.train().subset(55000, 60000), bytes(DigitSynthesizer.dataset(150, seed + 12)),
                nonDigitExamples(2000, seed + 13));
        float[][] p = org.inkling.nn.Calibration.predictAll(full, calib);
        int[] cl = new int[calib.size()];
        for (int i = 0; i < cl.length; i++) cl[i] = calib.label(i);
        double t = org.inkling.nn.Calibration.fitTemperature(p, cl);
        VerdictRule rule = new VerdictRule(t, org.inkling.training.TrainingJob.ACCEPT_AT, org.inkling.training.TrainingJob.REJECT_AT, 10);
        org.inkling.nn.VerdictEvaluation v = org.inkling.nn.VerdictEvaluation.of(full, rule, mnist.test());
        Map<String, Object> recipe = new LinkedHashMap<>(shipped.recipe());
        Map<String, Object> fine = new LinkedHashMap<>();
        fine.put("what", "the two dense layers retrained on the frozen convolutions' features, with an eleventh class, not a digit");
        fine.put("tool", "VerdictStudy head " + base + " " + out + " " + mnistCount + " " + synthPerClass + " " + nonDigits + " " + epochs + " " + seed);
        fine.put("mnist_train_images", mnistCount);
        fine.put("synthetic_per_class", synthPerClass);
        fine.put("non_digits", nonDigits);
        fine.put("epochs", epochs);
        fine.put("optimizer", "adam 3e-4, cosine, batch 128, no augmentation");
        fine.put("calibration", "temperature fitted on MNIST training images 55000-59999, 1,500 synthetic digits and 2,000 non-digits (fresh seeds)");
        recipe.put("verdict_fine_tune", fine);
        Map<String, Object> metrics = new LinkedHashMap<>(shipped.metrics());
        metrics.put("test_accuracy", v.accuracy());
        metrics.put("test_loss", v.loss());
        metrics.put("test_accepted_share", v.acceptedShare());
        metrics.put("test_accuracy_accepted", v.acceptedAccuracy());
        metrics.put("test_ece_raw", v.before().ece());
        metrics.put("test_ece_calibrated", v.after().ece());
        List<String> names = new ArrayList<>(shipped.classNames());
        names.add(VerdictRule.NOT_A_DIGIT);
        ModelFile.save(out, new SavedModel(shipped.name(), full, recipe, metrics, names, rule));
        System.out.printf(Locale.ROOT, "T %.3f; MNIST test accuracy %.4f, accepted %.4f, ECE %.4f -> %.4f; %.0fs in all%n", t, v.accuracy(),
                v.acceptedShare(), v.before().ece(), v.after().ece(), (System.nanoTime() - t0) / 1e9);
    }

    /**
     * Records a verdict rule in a ten-class model: the temperature fitted on {@code perClass} fresh
     * synthetic digits per class (a seed training never used: held out, and not a test set), the plain
     * thresholds.
     */
    static void calibrate(Path in, Path out, int perClass, long seed) throws Exception {
        SavedModel m = ModelFile.load(in);
        Examples held = bytes(DigitSynthesizer.dataset(perClass, seed));
        float[][] p = org.inkling.nn.Calibration.predictAll(m.network(), held);
        int[] labels = new int[held.size()];
        for (int i = 0; i < labels.length; i++) labels[i] = held.label(i);
        double t = org.inkling.nn.Calibration.fitTemperature(p, labels);
        VerdictRule rule = VerdictRule.plain(m.classNames()).withTemperature(t);
        org.inkling.nn.VerdictEvaluation v = org.inkling.nn.VerdictEvaluation.of(m.network(), rule, mnist().test());
        Map<String, Object> metrics = new LinkedHashMap<>(m.metrics());
        metrics.put("calibration", "temperature fitted on " + held.size() + " synthetic digits of seed " + seed
                + " (VerdictStudy calibrate ... " + perClass + " " + seed + ")");
        metrics.put("test_accepted_share", v.acceptedShare());
        metrics.put("test_accuracy_accepted", v.acceptedAccuracy());
        metrics.put("test_ece_raw", v.before().ece());
        metrics.put("test_ece_calibrated", v.after().ece());
        ModelFile.save(out, m.withVerdict(rule).withMetrics(metrics));
        System.out.printf(Locale.ROOT, "T %.3f; MNIST test accuracy %.4f, accepted %.4f (accuracy %.4f), ECE %.4f -> %.4f%n", t, v.accuracy(),
                v.acceptedShare(), v.acceptedAccuracy(), v.before().ece(), v.after().ece());
    }
}
