package org.inkling;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
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

    @Test
    void withoutADisplayTheAppSaysSoInOneLine(@TempDir Path dir) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder(java, "--add-modules", "jdk.incubator.vector", "-cp", System.getProperty("java.class.path"),
                "-Duser.home=" + dir, Main.class.getName()).redirectOutput(dir.resolve("out").toFile()).redirectError(dir.resolve("err").toFile());
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("exited").isTrue();
        String err = Files.readString(dir.resolve("err"), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(err).isEqualTo(1);
        // (JavaFX on the class path, as here, also logs that it is: the launcher puts it on the module path)
        assertThat(err.lines().filter(l -> l.startsWith("inkling:")))
                .containsExactly("inkling: cannot open a window (Unable to open DISPLAY); the command line needs none: inkling --help");
        assertThat(err).doesNotContain("\tat ").doesNotContain("Exception");
    }
}
