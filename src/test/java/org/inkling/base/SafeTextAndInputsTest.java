package org.inkling.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class SafeTextAndInputsTest {
    @TempDir
    Path dir;

    @Test
    void anExcerptIsShortAndHasNoControlCharacters() {
        String hostile = "\u001b[2J\u001b[31mred\u202Eevil\u0000" + "x".repeat(5_000_000);
        String e = SafeText.excerpt(hostile);
        assertThat(e.length()).isLessThan(SafeText.EXCERPT + 40);
        assertThat(e).startsWith("\\u001b[2J\\u001b[31mred\\u202eevil\\u0000x").endsWith("... (5,000,018 characters)");
        assertThat(e.chars()).noneMatch(c -> Character.getType(c) == Character.CONTROL || Character.getType(c) == Character.FORMAT);
        assertThat(SafeText.excerpt("short")).isEqualTo("short");
        assertThat(SafeText.excerpt((Object) null)).isEqualTo("null");
    }

    @Test
    void escapesCountTowardsTheLength() {
        assertThat(SafeText.excerpt("\u0000".repeat(1000), 60).length()).isLessThan(60 + 30);
    }

    @Test
    void sizesReadAsPeopleSayThem() {
        assertThat(SafeText.bytes(700L << 20)).isEqualTo("700 MB");
        assertThat(SafeText.bytes(17)).isEqualTo("17 bytes");
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void aPipeAFolderAMissingAndAnOversizedFileAreRefusedBeforeOpening() throws Exception {
        Path fifo = dir.resolve("fifo");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        assertThatThrownBy(() -> Inputs.open(fifo, 100, "a test file"))
                .hasMessage(fifo + ": is not a regular file (a pipe, device or socket); give a file");
        assertThatThrownBy(() -> Inputs.open(dir, 100, "a test file")).hasMessage(dir + ": is a folder, not a file");
        assertThatThrownBy(() -> Inputs.open(dir.resolve("nope"), 100, "a test file")).hasMessageEndingWith("nope: no such file");
        Path big = Files.write(dir.resolve("big"), new byte[20 << 10]);
        assertThatThrownBy(() -> Inputs.open(big, 10 << 10, "a test file"))
                .hasMessage(big + ": is 20 KB; the limit for a test file is 10 KB");
        try (var in = Inputs.open(big, 20 << 10, "a test file")) {
            assertThat(in.readAllBytes()).hasSize(20 << 10);
        }
    }
}
