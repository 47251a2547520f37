package org.inkling.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.inkling.data.Mnist;
import org.inkling.data.TestMnist;
import org.inkling.ink.LabeledInk;
import org.inkling.ink.PersonalDigits;
import org.inkling.models.Models;
import org.inkling.nn.Engine;
import org.inkling.nn.SavedModel;
import org.inkling.training.FineTuneJob;
import org.inkling.training.FineTuneOutcome;
import org.inkling.training.FineTuneRecipe;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A lesson as the app gives it (issue 13: "a few seconds with fifty taught digits"): the shipped
 * model fine-tuned with the standard recipe on 50 drawings (5 of each digit, the gothic Hershey
 * writer of resources/strokes/hershey-digits.jsonl, the one the shipped model reads worst), MNIST
 * loaded once as the app keeps it, in a warm JVM. The app leaves one core to the window
 * (threads = 1 there on this 2-core machine).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx2g"})
public class FineTuneBenchmark {
    @Param({"1", "2"})
    public int threads;

    private SavedModel base;
    private List<LabeledInk> drawings;
    private Mnist mnist;

    @Setup
    public void setUp() throws Exception {
        Engine.setThreads(threads);
        base = Models.builtIn();
        mnist = Mnist.load(org.inkling.app.shared.MnistFolders.filesIn(TestMnist.dir()));
        Path file = Path.of("resources/strokes/hershey-digits.jsonl");
        List<LabeledInk> all = PersonalDigits.read(file).drawings();
        // the file says which font wrote each line; PersonalDigits keeps only label and ink, so
        // take the gothic writer's lines by their position: read the fonts alongside
        List<String> fonts = new ArrayList<>();
        for (String line : java.nio.file.Files.readAllLines(file)) {
            int i = line.indexOf("\"font\":\"");
            fonts.add(i < 0 ? "" : line.substring(i + 8, line.indexOf('"', i + 8)));
        }
        drawings = new ArrayList<>();
        Map<Integer, Integer> per = new HashMap<>();
        for (int i = 0; i < all.size(); i++) {
            LabeledInk d = all.get(i);
            if (fonts.get(i).equals("gothiceng") && per.merge(d.label(), 1, Integer::sum) <= 5) drawings.add(d);
        }
        if (drawings.size() != 50) throw new IllegalStateException("expected 50 drawings, found " + drawings.size());
    }

    @Benchmark
    public FineTuneOutcome lessonOfFiftyDigits() {
        return FineTuneJob.run(base, drawings, FineTuneRecipe.standard(), mnist, null, null, false);
    }
}
