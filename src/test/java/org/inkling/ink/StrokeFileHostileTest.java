package org.inkling.ink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Stroke files made to hurt: each is refused with the file, the line and the limit, quickly. */
class StrokeFileHostileTest {
    @TempDir
    Path dir;

    private Path write(String name, byte[] bytes) throws Exception {
        return Files.write(dir.resolve(name), bytes);
    }

    private Path write(String name, String text) throws Exception {
        return write(name, text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void jsonNestedThousandsDeepIsRefusedWithFileAndLine() throws Exception {
        Path p = write("deep.jsonl", "{\"strokes\": []}\n" + "[".repeat(5000) + "]".repeat(5000) + "\n");
        assertThatThrownBy(() -> StrokeFile.read(p)).isInstanceOf(StrokeFileException.class)
                .hasMessage(p + ":2: not valid JSON: arrays and objects nested more than 128 deep (the limit) at character 129");
    }

    @Test
    void aStrokeOfMillionsOfPointsIsRefusedByItsLimit() throws Exception {
        StringBuilder sb = new StringBuilder("{\"strokes\": [[");
        for (int i = 0; i < 100_000; i++) sb.append(i > 0 ? "," : "").append("[1,2]");
        Path p = write("many.jsonl", sb.append("]]}\n").toString());
        assertThatThrownBy(() -> StrokeFile.read(p)).hasMessage(p + ":1: stroke 0 has 100,000 points; the limit is 20,000");
        Path longLine = write("long.jsonl", "{\"strokes\": [[[1,2]]], \"pad\": \"" + "x".repeat(StrokeFile.MAX_LINE_CHARS) + "\"}\n");
        assertThatThrownBy(() -> StrokeFile.read(longLine))
                .hasMessage(longLine + ":1: the line is longer than 1,048,576 characters (the limit for one drawing)".replace("characters", "bytes"));
        StringBuilder strokes = new StringBuilder("{\"strokes\": [");
        for (int i = 0; i < 1001; i++) strokes.append(i > 0 ? "," : "").append("[[1,2]]");
        Path manyStrokes = write("strokes.jsonl", strokes.append("]}").toString());
        assertThatThrownBy(() -> StrokeFile.read(manyStrokes)).hasMessage(manyStrokes + ":1: the drawing has 1001 strokes; the limit is 1000");
    }

    @Test
    void nonUtf8IsNamedWithFileAndLine() throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes("{\"strokes\": [[[1, 2]]]}\n{\"label\": 1, \"strokes\": [[[1, 2]]], \"writer\": \"Ren".getBytes(StandardCharsets.UTF_8));
        b.write(0xe9); // é in Latin-1
        b.writeBytes("e\"}\n".getBytes(StandardCharsets.UTF_8));
        Path p = write("latin1.jsonl", b.toByteArray());
        assertThatThrownBy(() -> StrokeFile.read(p)).hasMessageStartingWith(p + ":2: is not UTF-8 text")
                .hasMessageContaining("stroke files are JSON Lines in UTF-8");
    }

    @Test
    void hugeOrNonFiniteCoordinatesAreNamedNotTurnedIntoNaN() throws Exception {
        Path p = write("far.jsonl", "{\"strokes\": [[[0, 0], [1.7e308, 5]]]}\n");
        assertThatThrownBy(() -> StrokeFile.read(p))
                .hasMessage(p + ":1: stroke 0 point 1 is [1.7E308, 5.0]; coordinates must be finite and within ±1,000,000");
        Path inf = write("inf.jsonl", "{\"strokes\": [[[1e999, 0]]]}\n");
        assertThatThrownBy(() -> StrokeFile.read(inf)).hasMessageContaining("must be finite");
    }

    @Test
    void aBadValueIsEchoedShortAndWithoutEscapes() throws Exception {
        Path p = write("echo.jsonl", "{\"label\": \"\u001b[31m" + "9".repeat(900_000) + "\", \"strokes\": []}\n");
        assertThatThrownBy(() -> StrokeFile.read(p)).satisfies(e -> {
            assertThat(e.getMessage().length()).isLessThan(200);
            assertThat(e.getMessage()).doesNotContain("\u001b").contains("\\u001b");
        });
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void aPipeAndAFolderAreRefusedWithoutWaiting() throws Exception {
        Path fifo = dir.resolve("fifo.jsonl");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        assertThatThrownBy(() -> StrokeFile.read(fifo)).hasMessage(fifo + ": is not a regular file (a pipe, device or socket); give a file");
        assertThatThrownBy(() -> StrokeFile.read(dir)).hasMessage(dir + ": is a folder, not a file");
    }

    @Test
    void anEmptyFileReadsAsNoDrawings() throws Exception {
        // the commands that need drawings refuse it (HostileCommandLineTest); the app's own set may be empty
        assertThat(StrokeFile.read(write("empty.jsonl", ""))).isEmpty();
    }

    @Test
    void aTemporaryFileLeftByAKilledSaveIsRemovedByTheNextSave() throws Exception {
        Path target = dir.resolve("mine.jsonl");
        Path stale = write(".mine.jsonl.0123456789abcdef.tmp", "half a line");
        Files.setLastModifiedTime(stale, java.nio.file.attribute.FileTime.from(java.time.Instant.now().minus(Duration.ofHours(1))));
        StrokeFile.write(target, java.util.List.of());
        assertThat(stale).doesNotExist();
    }
}
