package org.inkling;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    @Test
    void aLoneExistingModelFileOpensTheAppAndAnythingElseIsACommand(@TempDir Path dir) throws Exception {
        Path model = Files.writeString(dir.resolve("mine.inkling"), "x");
        assertThat(Main.opensModelFile(new String[] {model.toString()})).isTrue();
        assertThat(Main.opensModelFile(new String[] {dir.resolve("missing.inkling").toString()})).isFalse();
        assertThat(Main.opensModelFile(new String[] {"train"})).isFalse();
        for (String name : new String[] {"mnist.h5", "mnist.keras", "model.json"}) {
            assertThat(Main.opensModelFile(new String[] {Files.writeString(dir.resolve(name), "x").toString()})).as(name).isTrue();
        }
        assertThat(Main.opensModelFile(new String[] {Files.writeString(dir.resolve("notes.txt"), "x").toString()})).isFalse();
        assertThat(Main.opensModelFile(new String[] {"evaluate", model.toString()})).isFalse();
    }
}
