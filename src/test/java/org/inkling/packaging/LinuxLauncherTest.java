package org.inkling.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * packaging/linux/launcher.sh, the Linux app-image's bin/Inkling, in a made-up image whose folder
 * name has a space, with a stand-in for the runtime's java that writes the arguments it got, one
 * per line. (packaging/ci-check.sh runs the real image.)
 */
class LinuxLauncherTest {
    private static final String JIT = "-XX:Tier3InvocationThreshold=1000 -XX:Tier4BackEdgeThreshold=120000";
    @TempDir
    Path tmp;
    private Path root;
    private Path launcher;

    @BeforeEach
    void makeImage() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "needs bash");
        root = tmp.resolve("my apps").resolve("Inkling");
        Path app = Files.createDirectories(root.resolve("lib/app"));
        Path bin = Files.createDirectories(root.resolve("bin"));
        Path runtimeBin = Files.createDirectories(root.resolve("lib/runtime/bin"));
        launcher = bin.resolve("Inkling");
        String script = Files.readString(Path.of("packaging/linux/launcher.sh"), StandardCharsets.UTF_8);
        assertThat(script).contains("@APP_JIT_OPTIONS@");
        executable(launcher, script.replace("@APP_JIT_OPTIONS@", JIT));
        executable(runtimeBin.resolve("java"), """
                #!/bin/bash
                out="$(dirname "$0")/../../../args"
                : >"$out"
                for a in "$@"; do printf '%s\\n' "$a" >>"$out"; done
                exit 7
                """);
        Files.writeString(app.resolve("Inkling.cfg"), """
                [Application]
                app.classpath=$APPDIR/inkling.jar
                app.mainclass=org.inkling.Main
                app.classpath=$APPDIR/picocli-4.7.7.jar

                [JavaOptions]
                java-options=-Djpackage.app-version=0.1.0
                java-options=--add-modules
                java-options=jdk.incubator.vector
                java-options=-Djava.library.path=$APPDIR
                java-options=-XX:SharedArchiveFile=$APPDIR/inkling.jsa
                java-options=-Dhome.dir=$ROOTDIR""");
    }

    private static void executable(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private record Run(int exit, List<String> javaArgs, String err) {}

    private Run run(Path command, String... args) throws Exception {
        List<String> line = new ArrayList<>(List.of(command.toString()));
        line.addAll(List.of(args));
        Path err = tmp.resolve("err");
        Process p = new ProcessBuilder(line).directory(tmp.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        Path out = root.resolve("args");
        List<String> javaArgs = Files.exists(out) ? Files.readAllLines(out) : List.of();
        Files.deleteIfExists(out);
        return new Run(p.exitValue(), javaArgs, Files.readString(err));
    }

    @Test
    void aCommandGetsTheConfigurationsOptionsClassPathAndArgumentsButNotTheWindowsJit() throws Exception {
        Path app = root.resolve("lib/app");
        Run r = run(launcher, "predict", "--strokes", "a file with spaces.jsonl");
        assertThat(r.exit()).as("java's exit status passes through").isEqualTo(7);
        assertThat(r.javaArgs()).containsExactly(
                "-Djpackage.app-path=" + launcher,
                "-Djpackage.app-version=0.1.0", "--add-modules", "jdk.incubator.vector",
                "-Djava.library.path=" + app, "-XX:SharedArchiveFile=" + app + "/inkling.jsa",
                "-Dhome.dir=" + root,
                "-cp", app + "/inkling.jar:" + app + "/picocli-4.7.7.jar", "org.inkling.Main",
                "predict", "--strokes", "a file with spaces.jsonl");
    }

    @Test
    void theWindowGetsTheAppsJitOptionsWithNoArgumentsOrAFileToOpen() throws Exception {
        List<String> jit = List.of(JIT.split(" "));
        assertThat(run(launcher).javaArgs()).containsSubsequence(jit).endsWith("org.inkling.Main");
        Path model = Files.writeString(tmp.resolve("my model.inkling"), "x");
        assertThat(run(launcher, model.toString()).javaArgs()).containsSubsequence(jit).endsWith(model.toString());
        assertThat(run(launcher, "--version").javaArgs()).doesNotContainAnyElementsOf(jit);
    }

    @Test
    void aLinkToItFindsTheImageItPointsTo() throws Exception {
        Path link = Files.createSymbolicLink(tmp.resolve("inkling"), launcher);
        Run r = run(link, "--version");
        assertThat(r.javaArgs()).contains("-Djpackage.app-path=" + launcher, "-Dhome.dir=" + root);
    }

    @Test
    void anIncompleteImageIsNamedInTheError() throws Exception {
        Files.delete(root.resolve("lib/app/Inkling.cfg"));
        Run r = run(launcher, "--version");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains(root.resolve("lib/app/Inkling.cfg") + " cannot be read");
        assertThat(r.javaArgs()).isEmpty();
    }
}
