package org.inkling;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fuzz target (fuzz/run.sh) on its seeds (fuzz/seeds) and on what fuzzing found
 * (fuzz/regressions): each input must pass the target, that is end in a clean error or a sane result.
 * A finding is added to fuzz/regressions/TARGET/ once fixed, and stays fixed here.
 */
class FuzzCorpusTest {
    private static final Map<String, Consumer<byte[]>> TARGETS = Map.ofEntries(
            Map.entry("JsonFuzz", org.inkling.json.JsonFuzz::fuzzerTestOneInput),
            Map.entry("StrokeFileFuzz", org.inkling.ink.StrokeFileFuzz::fuzzerTestOneInput),
            Map.entry("ModelFileFuzz", org.inkling.nn.ModelFileFuzz::fuzzerTestOneInput),
            Map.entry("ModelJsonFuzz", org.inkling.nn.ModelJsonFuzz::fuzzerTestOneInput),
            Map.entry("NpyFuzz", org.inkling.nn.NpyFuzz::fuzzerTestOneInput),
            Map.entry("IdxFuzz", org.inkling.data.IdxFuzz::fuzzerTestOneInput),
            Map.entry("PictureFuzz", org.inkling.cli.PictureFuzz::fuzzerTestOneInput),
            Map.entry("ArgumentsFuzz", org.inkling.cli.ArgumentsFuzz::fuzzerTestOneInput),
            Map.entry("KerasH5Fuzz", org.inkling.models.KerasH5Fuzz::fuzzerTestOneInput),
            Map.entry("KerasZipFuzz", org.inkling.models.KerasZipFuzz::fuzzerTestOneInput),
            Map.entry("TfjsFuzz", org.inkling.models.TfjsFuzz::fuzzerTestOneInput));

    static Stream<Arguments> inputs() throws IOException {
        List<Arguments> all = new ArrayList<>();
        for (String kind : List.of("seeds", "regressions")) {
            for (String target : TARGETS.keySet()) {
                Path dir = Path.of("fuzz", kind, target);
                if (!Files.isDirectory(dir)) continue;
                try (Stream<Path> files = Files.list(dir)) {
                    files.sorted().forEach(f -> all.add(Arguments.of(target, f)));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("inputs")
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)   // a hang is a finding too, not a stuck build
    void passesItsTarget(String target, Path input) throws IOException {
        TARGETS.get(target).accept(Files.readAllBytes(input));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targetsWithSeeds")
    void everyTargetHasSeeds(String target) throws IOException {
        try (Stream<Path> files = Files.list(Path.of("fuzz", "seeds", target))) {
            assertThat(files.count()).isPositive();
        }
    }

    static Stream<String> targetsWithSeeds() {
        return TARGETS.keySet().stream();
    }
}
