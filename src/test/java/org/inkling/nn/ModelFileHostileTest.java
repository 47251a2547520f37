package org.inkling.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Model files made to hurt: sizes trusted from the file, deep JSON, hostile names, pipes and folders. */
class ModelFileHostileTest {
    @TempDir
    Path dir;

    private static final String TINY_JSON = new String(ModelFileFuzz.tinyModelJson(), StandardCharsets.UTF_8);

    private static ModelFileException loadFails(byte[] zip) {
        try {
            ModelFile.load(new ByteArrayInputStream(zip), "m.inkling");
        } catch (ModelFileException e) {
            return e;
        }
        throw new AssertionError("loaded");
    }

    /** A zip of the given entries; an entry of {@code size} zero bytes compresses to almost nothing. */
    private static byte[] zip(Object... nameAndContent) throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(b)) {
            for (int i = 0; i < nameAndContent.length; i += 2) {
                z.putNextEntry(new ZipEntry((String) nameAndContent[i]));
                Object c = nameAndContent[i + 1];
                if (c instanceof Integer zeros) {
                    byte[] chunk = new byte[1 << 20];
                    for (int n = 0; n < zeros; n += chunk.length) z.write(chunk, 0, Math.min(chunk.length, zeros - n));
                } else {
                    z.write(c instanceof byte[] bytes ? bytes : ((String) c).getBytes(StandardCharsets.UTF_8));
                }
            }
        }
        return b.toByteArray();
    }

    @Test
    void aModelJsonThatInflatesPastItsLimitIsRefused() throws Exception {
        byte[] bomb = zip("model.json", 17 << 20);
        assertThat(bomb.length).isLessThan(100_000);
        assertThat(loadFails(bomb)).hasMessage("m.inkling: model.json inflates to more than 16 MB (the limit)");
    }

    @Test
    void entriesThatInflatePastTheTotalLimitAreRefused() throws Exception {
        byte[] bomb = zip("model.json", TINY_JSON, "weights/a.npy", 70 << 20, "weights/b.npy", 70 << 20);
        assertThat(loadFails(bomb)).hasMessage("m.inkling: inflates to more than 128 MB (the limit for a model file)");
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void aNetworkOf200000UnitsIsRefusedBeforeItIsAllocated() throws Exception {
        String huge = TINY_JSON.replaceFirst("\"units\": 4", "\"units\": 200000");
        assertThat(huge).isNotEqualTo(TINY_JSON);
        // 784 x 200,000 weights would be 627 MB before a single one was checked
        assertThat(loadFails(ModelFileFuzz.withModelJson(huge.getBytes(StandardCharsets.UTF_8))))
                .hasMessage("m.inkling: model.json: the network has more than 20,000,000 parameters by layer 1 (157,000,000); the limit is 20,000,000");
        String wide = TINY_JSON.replaceFirst("\"units\": 4", "\"units\": 5000");
        assertThat(loadFails(ModelFileFuzz.withModelJson(wide.getBytes(StandardCharsets.UTF_8))))
                .hasMessageStartingWith("m.inkling: model.json describes 3,975,010 parameters (15 MB) but the archive holds only");
    }

    @Test
    void modelJsonNestedThousandsDeepIsAnErrorNotAStackOverflow() throws Exception {
        String deep = "{\"format\": " + "[".repeat(5000) + "]".repeat(5000) + "}";
        assertThat(loadFails(ModelFileFuzz.withModelJson(deep.getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("model.json is not valid JSON: arrays and objects nested more than 128 deep");
    }

    @Test
    void escapeSequencesInEntryNamesDoNotReachTheTerminal() throws Exception {
        byte[] z = zip("\u001b[2J\u001b]0;owned\u0007evil.npy", "x");
        ModelFileException e = loadFails(z);
        assertThat(e.getMessage()).contains("no model.json inside").contains("\\u001b[2J").doesNotContain("\u001b").doesNotContain("\u0007");
        String format = TINY_JSON.replace("\"inkling-model\"", "\"\u001b[31m" + "x".repeat(100_000) + "\"");
        ModelFileException f = loadFails(ModelFileFuzz.withModelJson(format.getBytes(StandardCharsets.UTF_8)));
        assertThat(f.getMessage()).startsWith("m.inkling: model.json does not describe an Inkling model (format is \\u001b[31mxxx")
                .doesNotContain("\u001b");
        assertThat(f.getMessage().length()).isLessThan(200);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void aFolderOrAPipeGivenAsAModelIsNamedAsSuch() throws Exception {
        assertThatThrownBy(() -> ModelFile.load(dir)).hasMessage(dir + ": is a folder, not a file");
        Path fifo = dir.resolve("pipe.inkling");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        assertThatThrownBy(() -> ModelFile.load(fifo)).hasMessage(fifo + ": is not a regular file (a pipe, device or socket); give a file");
    }

    @Test
    void tooManyEntriesAreRefused() throws Exception {
        Object[] entries = new Object[2 * 1001];
        for (int i = 0; i < 1001; i++) {
            entries[2 * i] = "e" + i;
            entries[2 * i + 1] = "";
        }
        assertThat(loadFails(zip(entries))).hasMessage("m.inkling: holds more than 1000 entries (the limit)");
    }

    @Test
    void aTemporaryFileLeftByAKilledSaveIsRemovedByTheNextSave() throws Exception {
        Path target = dir.resolve("m.inkling");
        Path stale = Files.write(dir.resolve(".m.inkling.00ff00ff00ff00ff.tmp"), new byte[] {1, 2});
        Path fresh = Files.write(dir.resolve(".m.inkling.11ff00ff00ff00ff.tmp"), new byte[] {1, 2});
        Files.setLastModifiedTime(stale, java.nio.file.attribute.FileTime.from(Instant.now().minus(Duration.ofHours(1))));
        ModelFile.save(target, ModelFileFuzz.TINY);
        assertThat(stale).doesNotExist();
        assertThat(fresh).exists(); // may belong to a save in progress elsewhere
        assertThat(ModelFile.load(target).network().parameterCount()).isEqualTo(3190);
    }
}
