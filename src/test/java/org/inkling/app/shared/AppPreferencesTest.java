package org.inkling.app.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Preferences survive a restart, and a damaged or hostile file means defaults, not a failed start. */
class AppPreferencesTest {
    @TempDir
    Path dir;

    @Test
    void whatIsSavedIsReadBack() throws Exception {
        Path file = dir.resolve("config").resolve(AppPreferences.FILE_NAME);
        AppPreferences p = AppPreferences.load(file);
        assertThat(p.problem()).isNull();
        assertThat(p.dark()).isFalse();
        p.setDark(true);
        p.setWindow(10, 20, 1024, 640);
        p.setForm(Map.of("architecture", "cnn", "epochs", "3"));
        p.setRecent(List.of(Path.of("/models/a.inkling"), Path.of("/models/b.inkling")));
        p.setLastModel(Path.of("/models/a.inkling"));
        p.save();

        AppPreferences again = AppPreferences.load(file);
        assertThat(again.problem()).isNull();
        assertThat(again.dark()).isTrue();
        assertThat(again.window()).containsExactly(10, 20, 1024, 640);
        assertThat(again.form()).containsEntry("architecture", "cnn").containsEntry("epochs", "3");
        assertThat(again.recent()).containsExactly(Path.of("/models/a.inkling"), Path.of("/models/b.inkling"));
        assertThat(again.lastModel()).isEqualTo(Path.of("/models/a.inkling"));
        try (var files = Files.list(file.getParent())) {
            assertThat(files).as("no temporary file left").containsExactly(file);
        }
    }

    @Test
    void damagedHugeOrDeeplyNestedFilesGiveDefaultsAndSayWhy() throws Exception {
        Path file = dir.resolve(AppPreferences.FILE_NAME);
        Files.writeString(file, "{\"dark\": tru");
        assertThat(AppPreferences.load(file).problem()).contains(file.toString()).contains("not valid");
        assertThat(AppPreferences.load(file).dark()).isFalse();

        Files.writeString(file, "[".repeat(50_000));
        assertThat(AppPreferences.load(file).problem()).contains("nested");

        Files.write(file, new byte[(int) AppPreferences.MAX_BYTES + 1]);
        assertThat(AppPreferences.load(file).problem()).contains("larger than");

        // Values of the wrong type are ignored one by one; the rest is used.
        Files.writeString(file, "{\"dark\": \"yes\", \"window\": [1, 2, -5, 4], \"recent\": [3, \"/m/x.inkling\"],"
                + " \"form\": {\"epochs\": 7, \"seed\": \"5\"}, \"maximized\": true}");
        AppPreferences p = AppPreferences.load(file);
        assertThat(p.problem()).isNull();
        assertThat(p.dark()).isFalse();
        assertThat(p.window()).isNull();
        assertThat(p.recent()).containsExactly(Path.of("/m/x.inkling"));
        assertThat(p.form()).containsExactly(Map.entry("seed", "5"));
        assertThat(p.maximized()).isTrue();
    }

    @Test
    void bracketsInsideStringsDoNotCountAsNesting() {
        assertThat(AppPreferences.nesting("{\"a\": \"[[[[[[[[[[[[\", \"b\": [[1]]}")).isEqualTo(3);
    }
}
