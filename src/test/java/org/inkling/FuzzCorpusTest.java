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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fuzz target (fuzz/run.sh) on its seeds (fuzz/seeds) and on what fuzzing found
 * (fuzz/regressions): each input must pass the target, that is end in a clean error or a sane result.
 * A finding is added to fuzz/regressions/TARGET/ once fixed, and stays fixed here.
 */
class FuzzCorpusTest {
    private static final Map<String, Consumer<byte[]>> TARGETS = Map.of(
            "JsonFuzz", org.inkling.json.JsonFuzz::fuzzerTestOneInput,
            "StrokeFileFuzz", org.inkling.ink.StrokeFileFuzz::fuzzerTestOneInput,
            "ModelFileFuzz", org.inkling.nn.ModelFileFuzz::fuzzerTestOneInput,
            "ModelJsonFuzz", org.inkling.nn.ModelJsonFuzz::fuzzerTestOneInput,
            "NpyFuzz", org.inkling.nn.NpyFuzz::fuzzerTestOneInput,
            "IdxFuzz", org.inkling.data.IdxFuzz::fuzzerTestOneInput,
            "PictureFuzz", org.inkling.cli.PictureFuzz::fuzzerTestOneInput,
            "ArgumentsFuzz", org.inkling.cli.ArgumentsFuzz::fuzzerTestOneInput);

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
