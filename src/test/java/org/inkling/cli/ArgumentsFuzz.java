package org.inkling.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.inkling.base.FuzzBytes;
import org.inkling.base.Fuzzing;
import org.inkling.base.SafeText;
import org.inkling.ink.InkRenderer;
import org.inkling.ink.Ink;
import org.inkling.ink.LabeledInk;
import org.inkling.ink.Point;
import org.inkling.ink.Stroke;
import org.inkling.ink.StrokeFile;
import org.inkling.nn.Activation;
import org.inkling.nn.ModelFile;
import org.inkling.nn.SavedModel;
import org.inkling.nn.Sequential;
import picocli.CommandLine;

/**
 * Fuzzes the command line: a command and options drawn from the real ones, with values from a list
 * of careless and hostile ones (zero, negative, huge, NaN, empty, separators, escape sequences, text
 * that looks like a stack trace, a folder, a pipe, a missing file, small prepared files) or random
 * text. Every run must end with exit code 0, 1 or 2 and print no stack trace and no control character
 * but line breaks and tabs (arguments quoted in messages are escaped). Commands that would
 * read MNIST get an empty {@code --data} folder last, so nothing trains for long; {@code --out} of
 * render points into a scratch folder. The input's bytes are decoded by {@link FuzzBytes}, so a
 * saved input replays in {@code FuzzCorpusTest}.
 */
public class ArgumentsFuzz {
    private static final String[] COMMANDS = {"predict", "render", "train", "evaluate", "bench", "--version", "--help", "nonsense"};
    private static final String[] OPTIONS = {"--model", "-m", "--strokes", "--image", "--idx", "--out", "-o", "--scale", "--json",
        "--data", "--arch", "--activation", "--optimizer", "--lr", "--lr-schedule", "--weight-decay", "--augment", "--synthetic",
        "--epochs", "--batch", "--seed", "--validation-split", "--limit", "--name", "--help", "--version", "-h", "--", "-"};
    private static final String[] VALUES = {"0", "-1", "1", "2", "64", "65", "128", "-5", "1e308", "-1e308", "NaN", "Infinity",
        "0.5", "1.0", "0.1", ",", "", " ", "512", "100000", "16384", "512,512", "cnn", "conv1024,conv1024", "conv32x30", "pool99",
        "relu", "softmax", "adam", "sgd", "cosine", "cosine:2", "default", "rotate=", "elastic=1:2:3:4", "none",
        "\u001b[31mred\u001b[0m", "9223372036854775808", "2147483648", "/", ".", "..", "--json",
        // an argument that an error message echoes must not pass for a crash
        "java.lang.IllegalStateException: boom", "x\njava.lang.IllegalStateException: boom\n\tat org.inkling.cli.Fake.call(Fake.java:1)\n",
        "Exception", "rotate=1,\norg.x.YError\n"};

    private static Fixtures fixtures;

    private static CommandLine commandLine;

    /** Runs the arguments the input decodes to through one command line, built once (see {@link #check}). */
    public static void fuzzerTestOneInput(byte[] input) {
        check(arguments(input), reused());
    }

    /** The command line that {@code input}'s bytes describe. */
    static List<String> arguments(byte[] input) {
        Fixtures f = fixtures();
        FuzzBytes data = new FuzzBytes(input);
        List<String> args = new ArrayList<>();
        String command = data.pick(COMMANDS);
        args.add(command);
        int n = data.upTo(8);
        for (int i = 0; i < n; i++) {
            args.add(data.bool() ? data.pick(OPTIONS) : data.string(20));
            int kind = data.upTo(3);
            if (kind == 0) args.add(data.pick(VALUES));
            else if (kind == 1) args.add(data.pick(f.files));
            else if (kind == 2) args.add(data.string(40));
        }
        if (List.of("train", "evaluate", "bench").contains(command)) args.addAll(List.of("--data", f.emptyDir.toString()));
        if (command.equals("render")) args.addAll(List.of("--out", f.scratch.toString()));
        if (command.equals("predict") || command.equals("evaluate")) args.addAll(List.of("--model", f.model.toString()));
        return args;
    }

    /**
     * One command line for every input: building picocli's command model took 3 of the 8 ms a run
     * took. {@code ArgumentsFuzzTest} checks that a reused command line answers as fresh ones do.
     */
    private static synchronized CommandLine reused() {
        if (commandLine == null) commandLine = InklingCommand.commandLine();
        return commandLine;
    }

    /** What {@code inkling args...} did: its exit code and what it printed. */
    record Outcome(int code, String out, String err) {}

    /** Runs {@code args} on {@code cl} in this JVM, its output captured. */
    static Outcome run(List<String> args, CommandLine cl) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try {
            PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
            PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
            System.setOut(o);
            System.setErr(e);
            // picocli keeps the streams it first wrote to; point a reused command line at this run's
            cl.setOut(new PrintWriter(o, true));
            cl.setErr(new PrintWriter(e, true));
            code = cl.execute(args.toArray(String[]::new));
            cl.getOut().flush();
            cl.getErr().flush();
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * Runs {@code inkling args...} in this JVM; a finding (an AssertionError) when the exit code is
     * not 0, 1 or 2, the error output holds a control character other than a line break or a tab,
     * or a stack trace line that no argument holds (usage errors echo the arguments, which may
     * hold anything).
     */
    static void check(List<String> args, CommandLine cl) {
        Outcome o = run(args, cl);
        String e = o.err();
        int code = o.code();
        if (code < 0 || code > 2) throw new AssertionError("exit code " + code + " for " + args + "\n" + e);
        for (int i = 0; i < e.length(); i++) {
            char c = e.charAt(i);
            if (c != '\n' && c != '\t' && (Character.getType(c) == Character.CONTROL || Character.getType(c) == Character.FORMAT)) {
                throw new AssertionError("a control character " + (int) c + " printed for " + SafeText.excerpt(args.toString(), 300)
                        + "\n" + SafeText.excerpt(e, 2000));
            }
        }
        for (String line : Fuzzing.stackTraceLines(e)) {
            if (args.stream().noneMatch(a -> a.contains(line))) throw new AssertionError("a stack trace for " + args + "\n" + e);
        }
    }

    /** A tiny model, small stroke, IDX and picture files, an empty folder, a folder and a pipe. */
    static final class Fixtures {
        final Path emptyDir;
        final Path scratch;
        final Path model;
        final Path strokes;
        final String[] files;

        Fixtures() throws IOException {
            Path dir = Files.createTempDirectory("inkling-args-fuzz-");
            emptyDir = Files.createDirectories(dir.resolve("empty"));
            scratch = dir.resolve("render-out");
            model = dir.resolve("tiny.inkling");
            ModelFile.save(model, SavedModel.of("tiny", Sequential.mlp(784, new int[] {4}, Activation.RELU, 10, 1)));
            strokes = dir.resolve("two.jsonl");
            StrokeFile.write(strokes, List.of(
                    new LabeledInk(1, new Ink(List.of(new Stroke(List.of(new Point(0, 0), new Point(0, 10)))))),
                    new LabeledInk(null, new Ink(List.of(new Stroke(List.of(new Point(0, 0), new Point(8, 3))))))));
            Path empty = Files.writeString(dir.resolve("empty.jsonl"), "");
            Path png = dir.resolve("digit.png");
            org.inkling.ink.InkImages.writePng(InkRenderer.toMnist(new Ink(List.of(new Stroke(List.of(new Point(0, 0), new Point(5, 9)))))), png);
            Path idx = dir.resolve("one-image.idx");
            byte[] oneImage = new byte[16 + 784];
            oneImage[2] = 8;
            oneImage[3] = 3;
            oneImage[7] = 1;
            oneImage[11] = 28;
            oneImage[15] = 28;
            Files.write(idx, oneImage);
            Path garbage = Files.write(dir.resolve("garbage.bin"), new byte[] {0x1b, '[', '3', '1', 'm', 0, (byte) 0xff});
            Path fifo = dir.resolve("fifo");
            try {
                new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor();
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            files = new String[] {model.toString(), strokes.toString(), empty.toString(), png.toString(), idx.toString(),
                garbage.toString(), fifo.toString(), dir.toString(), dir.resolve("missing.inkling").toString()};
        }
    }

    static synchronized Fixtures fixtures() {
        if (fixtures == null) {
            try {
                fixtures = new Fixtures();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return fixtures;
    }
}
