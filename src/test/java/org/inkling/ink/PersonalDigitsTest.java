package org.inkling.ink;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersonalDigitsTest {
    @TempDir
    Path dir;

    static PersonalDigits.Entry entry(int label, int i) {
        Ink ink = Ink.of(new Stroke(List.of(new Point(10 + i, 20), new Point(30, 40 + label), new Point(50, 90))));
        return new PersonalDigits.Entry(new LabeledInk(label, ink), Instant.parse("2026-12-01T22:00:00Z").plusSeconds(i));
    }

    @Test
    void appendsAndReadsBackWithLabelAndTimeAsAStrokeFile() throws IOException {
        PersonalDigits set = PersonalDigits.in(dir);
        assertThat(set.read().entries()).isEmpty();
        set.append(entry(7, 1));
        set.append(entry(3, 2));
        PersonalDigits.Contents c = set.read();
        assertThat(c.problems()).isEmpty();
        assertThat(c.entries()).extracting(PersonalDigits.Entry::label).containsExactly(7, 3);
        assertThat(c.entries().get(1).time()).isEqualTo(Instant.parse("2026-12-01T22:00:02Z"));
        assertThat(c.entries().get(0).drawing().ink()).isEqualTo(entry(7, 1).drawing().ink());
        // predict --strokes reads the same file
        assertThat(StrokeFile.read(set.file())).extracting(LabeledInk::label).containsExactly(7, 3);
    }

    @Test
    void aDamagedLineIsSkippedWithAMessageAndTheRestIsKept() throws IOException {
        PersonalDigits set = PersonalDigits.in(dir);
        set.append(entry(1, 1));
        Files.writeString(set.file(), "{\"label\": 4, \"strokes\": [[[1, 2], \n", StandardOpenOption.APPEND);
        set.append(entry(2, 2));
        Files.writeString(set.file(), "{\"label\": 12, \"strokes\": [[[1, 2]]]}\n{\"label\": 5, \"strokes\": [[[1,", StandardOpenOption.APPEND);

        PersonalDigits.Contents c = set.read();
        assertThat(c.entries()).extracting(PersonalDigits.Entry::label).containsExactly(1, 2);
        assertThat(c.problems()).hasSize(3);
        assertThat(c.problems().get(0)).startsWith(set.file() + ":2: ").contains("not valid JSON").endsWith("skipped");
        assertThat(c.problems().get(1)).startsWith(set.file() + ":4: ").contains("digit 0-9");
        assertThat(c.problems().get(2)).startsWith(set.file() + ":5: ").contains("cut short");

        // the next append does not join the torn line: it lands on a line of its own
        set.append(entry(6, 3));
        assertThat(set.read().entries()).extracting(PersonalDigits.Entry::label).containsExactly(1, 2, 6);
    }

    @Test
    void aFileTooLargeIsRefusedBeforeReading() throws IOException {
        Path big = dir.resolve("digits.jsonl");
        try (var ch = java.nio.channels.FileChannel.open(big, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(new byte[] {'\n'}), PersonalDigits.MAX_FILE_BYTES + 1);
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PersonalDigits.read(big))
                .isInstanceOf(StrokeFileException.class).hasMessageContaining(big.toString()).hasMessageContaining("at most");
    }

    @Test
    void deleteAndRelabelRewriteTheWholeSet() throws IOException {
        PersonalDigits set = PersonalDigits.in(dir);
        for (int i = 0; i < 3; i++) set.append(entry(i, i));
        List<PersonalDigits.Entry> entries = new ArrayList<>(set.read().entries());
        entries.remove(0);
        entries.set(1, new PersonalDigits.Entry(new LabeledInk(9, entries.get(1).drawing().ink()), entries.get(1).time()));
        set.writeAll(entries);
        assertThat(set.read().entries()).extracting(PersonalDigits.Entry::label).containsExactly(1, 9);
    }

    /** Child process: appends drawings forever, printing each count once the append has returned. */
    public static void main(String[] args) throws IOException {
        PersonalDigits set = new PersonalDigits(Path.of(args[0]));
        int first = Integer.parseInt(args[1]);
        for (int i = first; ; i++) {
            // long drawings so that a kill lands inside a write now and then
            List<Point> pts = new ArrayList<>();
            for (int p = 0; p < 400; p++) pts.add(new Point(p * 0.37, (i * 7 + p) % 97));
            set.append(new PersonalDigits.Entry(new LabeledInk(i % 10, Ink.of(new Stroke(pts))), Instant.now()));
            System.out.println(i + 1);
            System.out.flush();
        }
    }

    @Test
    void aKillDuringAppendsLosesAtMostTheDrawingBeingSaved() throws Exception {
        Path file = dir.resolve("digits.jsonl");
        String java = ProcessHandle.current().info().command().orElse("java");
        Random random = new Random(13);
        int acknowledged = 0;
        for (int round = 0; round < 6; round++) {
            Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    PersonalDigitsTest.class.getName(), file.toString(), Integer.toString(acknowledged))
                    .redirectError(dir.resolve("child.err").toFile()).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            // wait for the child to be appending, then kill it at a random moment
            String line = out.readLine();
            assertThat(line).as("child started appending: %s", Files.readString(dir.resolve("child.err"))).isNotNull();
            int last = Integer.parseInt(line);
            Thread.sleep(random.nextInt(1, 120));
            child.toHandle().destroyForcibly(); // the handle sends SIGKILL and leaves the pipe open to read the last counts
            while ((line = out.readLine()) != null) last = Integer.parseInt(line);
            child.waitFor();

            PersonalDigits.Contents c = PersonalDigits.read(file);
            // every append that returned is there; at most the one in flight may be there too or torn
            assertThat(c.entries().size()).isBetween(last, last + 1);
            assertThat(c.problems()).hasSizeLessThanOrEqualTo(round + 1);
            for (int i = 0; i < c.entries().size(); i++) {
                assertThat(c.entries().get(i).label()).as("drawing %d", i).isEqualTo(i % 10);
            }
            acknowledged = c.entries().size();
        }
    }
}
