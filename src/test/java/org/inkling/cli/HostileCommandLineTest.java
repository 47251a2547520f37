package org.inkling.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.inkling.nn.ModelFile;
import org.inkling.nn.ModelFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The careless and hostile command lines of issue 11: bad arguments exit 2 with a message before any
 * data is read (every run here points --data at an empty folder, so reading MNIST would exit 1
 * instead), bad files exit 1 naming the file and the problem, and nothing prints a stack trace.
 */
class HostileCommandLineTest {
    @TempDir
    Path dir;

    private CommandLineTest.Run run(String... args) {
        CommandLineTest.Run r = CommandLineTest.run(args);
        assertThat(r.err()).doesNotContain("\tat ").doesNotContain("Exception");
        return r;
    }

    private Path emptyData() throws Exception {
        return Files.createDirectories(dir.resolve("no-mnist"));
    }

    @ParameterizedTest(name = "train {0}")
    @CsvSource(delimiter = '|', value = {
        "--augment ,|Invalid --augment",
        "--limit -5|Invalid --limit",
        "--epochs 0|Invalid --epochs",
        "--batch 0|Invalid --batch",
        "--validation-split 1.0|Invalid --validation-split",
        "--lr 1e308|Invalid --lr",
        "--arch 100000|Invalid --arch",
        "--synthetic 1000000|Invalid --synthetic",
        "--font-glyphs -1|Invalid --font-glyphs",
        "--broad-nib -1|Invalid --broad-nib",
        "--textura 1.5|Invalid --textura",
        "--textura NaN|Invalid --textura",
        "--out /|Invalid --out: / is a folder"})
    void badTrainArgumentsExit2BeforeAnyDataIsRead(String option, String message) throws Exception {
        String[] o = option.split(" ", 2);
        CommandLineTest.Run r = run("train", o[0], o[1], "--data", emptyData().toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith(message);
    }

    @picocli.CommandLine.Command(name = "fails")
    static final class Fails implements java.util.concurrent.Callable<Integer> {
        @Override
        public Integer call() {
            throw new java.io.UncheckedIOException("learning non-digits needs the Hershey fonts: none in /nowhere",
                    new java.io.IOException("none in /nowhere"));
        }
    }

    /** A missing font folder surfaces while the training set is built, inside a lambda: one line, no trace. */
    @Test
    void anIoFailureThatCrossedALambdaPrintsOneLine() {
        picocli.CommandLine cl = InklingCommand.commandLine();
        cl.addSubcommand(new Fails());
        java.io.StringWriter err = new java.io.StringWriter();
        cl.setErr(new java.io.PrintWriter(err, true));
        int code = cl.execute("fails");
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).isEqualTo(
                "inkling fails: learning non-digits needs the Hershey fonts: none in /nowhere" + System.lineSeparator());
    }

    @Test
    void trainRefusesAnOutThatCannotBeWrittenBeforeTraining() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        CommandLineTest.Run r = run("train", "--out", file.resolve("m.inkling").toString(), "--data", emptyData().toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("Invalid --out: cannot create the folder " + file.toAbsolutePath());
    }

    @Test
    void aSaveThatFailsAfterTrainingKeepsTheModelInARecoveryFile() throws Exception {
        Path blocked = Files.writeString(dir.resolve("not-a-folder"), "x"); // the save's folder is a file now
        Path recoveryDir = Files.createDirectories(dir.resolve("recovery"));
        CliException e = org.assertj.core.api.Assertions.catchThrowableOfType(CliException.class,
                () -> ModelOutput.save(blocked.resolve("m.inkling"), org.inkling.nn.ModelFileFuzz.TINY,
                        List.of(blocked.resolve("under-a-file"), recoveryDir)));
        assertThat(e).hasMessageStartingWith("could not save the model to " + blocked.resolve("m.inkling"))
                .hasMessageContaining("it was saved to " + recoveryDir.resolve("inkling-recovered-"));
        try (var files = Files.list(recoveryDir)) {
            Path saved = files.findFirst().orElseThrow();
            assertThat(e.getMessage()).contains(saved.toString());
            assertThat(ModelFile.load(saved).network().parameterCount()).isEqualTo(3190);
        }
    }

    @ParameterizedTest(name = "render --scale {0}")
    @CsvSource({"0", "65", "-3"})
    void renderScaleOutOfRangeExits2(String scale) throws Exception {
        Path strokes = Files.writeString(dir.resolve("s.jsonl"), "{\"strokes\": [[[0, 0], [0, 9]]]}\n");
        CommandLineTest.Run r = run("render", "--strokes", strokes.toString(), "--out", dir.resolve("r").toString(), "--scale", scale);
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("--scale must be from 1 to 64, got " + scale);
        assertThat(dir.resolve("r")).doesNotExist();
    }

    @Test
    void argumentsQuotedInErrorsAreEscapedAndShort() throws Exception {
        // bad arguments: the message quotes them, on one line, escaped and cut
        CommandLineTest.Run r = CommandLineTest.run("train", "--augment", "rotate=1,\njava.lang.IllegalStateException: x\u001b[2J"
                + "y".repeat(5000), "--data", emptyData().toString());
        assertThat(r.exitCode()).isEqualTo(2);
        String first = r.err().lines().findFirst().orElseThrow();
        assertThat(first).startsWith("Invalid --augment: ").contains("'java.lang.illegalstateexception: x\\u001b[2j")
                .hasSizeLessThanOrEqualTo(InklingCommand.MAX_ARGUMENT_MESSAGE + 30);
        assertThat(r.err()).doesNotContain("\u001b").doesNotContain("\njava.lang");
        assertThat(org.inkling.base.Fuzzing.stackTraceLines(r.err())).isEmpty();
        // a failure naming a file given on the command line
        CommandLineTest.Run missing = run("predict", "--model", dir.resolve("red\u001b[31m.inkling").toString(), "--image", "x.png");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("red\\u001b[31m.inkling").doesNotContain("\u001b");
    }

    @Test
    void theContactSheetStaysBoundedWhateverTheScale() {
        int s = RenderCommand.sheetScale(1680, 64);
        long pixels = 20L * 28 * s * ((1680 + 19) / 20) * 28 * s;
        assertThat(pixels).isLessThanOrEqualTo(RenderCommand.MAX_SHEET_PIXELS);
        assertThat(RenderCommand.sheetScale(3, 64)).isEqualTo(64);
        assertThat(RenderCommand.sheetScale(3, 1)).isEqualTo(2);
        int most = RenderCommand.sheetScale(RenderCommand.MAX_SHEET_IMAGES, 64);
        assertThat(20L * 28 * most * 500 * 28 * most).isLessThanOrEqualTo(RenderCommand.MAX_SHEET_PIXELS);
    }

    @Test
    void emptyInputsAreErrorsNotSilentSuccess() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.jsonl"), "");
        CommandLineTest.Run p = run("predict", "--strokes", empty.toString());
        assertThat(p.exitCode()).isEqualTo(1);
        assertThat(p.err()).isEqualTo("inkling predict: " + empty + ": holds no drawings\n");
        CommandLineTest.Run r = run("render", "--strokes", empty.toString(), "--out", dir.resolve("out").toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("holds no drawings");
        Path noImages = Files.write(dir.resolve("none-idx3-ubyte"), new byte[] {0, 0, 8, 3, 0, 0, 0, 0, 0, 0, 0, 28, 0, 0, 0, 28});
        CommandLineTest.Run i = run("predict", "--idx", noImages.toString());
        assertThat(i.exitCode()).isEqualTo(1);
        assertThat(i.err()).contains(noImages + ": holds no images");
    }

    @Test
    void evaluateOnATestSetOfNoImagesIsAnErrorNotNaN() throws Exception {
        Path data = Files.createDirectories(dir.resolve("mnist"));
        for (String f : List.of("train-images-idx3-ubyte", "t10k-images-idx3-ubyte")) {
            Files.write(data.resolve(f), new byte[] {0, 0, 8, 3, 0, 0, 0, 0, 0, 0, 0, 28, 0, 0, 0, 28});
        }
        for (String f : List.of("train-labels-idx1-ubyte", "t10k-labels-idx1-ubyte")) {
            Files.write(data.resolve(f), new byte[] {0, 0, 8, 1, 0, 0, 0, 0});
        }
        CommandLineTest.Run r = run("evaluate", "--data", data.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("holds no images").doesNotContain("NaN");
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void aHugePictureIsRefusedFromItsHeaderBeforeDecoding() throws Exception {
        Path png = dir.resolve("huge.png");
        ImageIO.write(new BufferedImage(15000, 15000, BufferedImage.TYPE_BYTE_BINARY), "png", png.toFile());
        assertThat(Files.size(png)).isLessThan(1 << 20);
        CommandLineTest.Run r = run("predict", "--image", png.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("inkling predict: " + png
                + ": the picture is 15,000x15,000 pixels; the limit is 8,192 on a side and 16,777,216 pixels in all\n");
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void aFolderOrAPipeGivenAsAFileIsNamedAsSuch() throws Exception {
        CommandLineTest.Run folder = run("predict", "--model", dir.toString(), "--image", "x.png");
        assertThat(folder.exitCode()).isEqualTo(1);
        assertThat(folder.err()).isEqualTo("inkling predict: " + dir + ": is a folder, not a file\n");
        Path fifo = dir.resolve("fifo");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        for (String option : List.of("--strokes", "--idx", "--image")) {
            CommandLineTest.Run r = run("predict", option, fifo.toString());
            assertThat(r.exitCode()).as(option).isEqualTo(1);
            assertThat(r.err()).as(option).contains(fifo + ": is not a regular file");
        }
    }

    @Test
    void escapeSequencesFromAModelFileDoNotReachTheTerminal() throws Exception {
        Path m = dir.resolve("evil.inkling");
        try (var z = new java.util.zip.ZipOutputStream(Files.newOutputStream(m))) {
            z.putNextEntry(new java.util.zip.ZipEntry("\u001b]0;owned\u0007\u001b[2J.npy"));
            z.write(1);
        }
        CommandLineTest.Run r = run("predict", "--model", m.toString(), "--image", "x.png");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains(m.toString()).contains("\\u001b").doesNotContain("\u001b").doesNotContain("\u0007");
    }

    @Test
    void aModelFileErrorIsAModelFileException() {
        // the command line relies on every model problem arriving as this one type
        assertThat(ModelFileException.class.getSuperclass()).isEqualTo(java.io.IOException.class);
    }
}
