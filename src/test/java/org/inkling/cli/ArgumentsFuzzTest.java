package org.inkling.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@link ArgumentsFuzz} runs every input on one command line, built once; that is only fuzzing
 * {@code inkling} if a reused command line answers exactly as a fresh one (one per process) does.
 */
class ArgumentsFuzzTest {
    @Test
    void aReusedCommandLineAnswersAsFreshOnesDo() throws IOException {
        List<List<String>> cases = new ArrayList<>();
        for (String kind : List.of("seeds", "regressions")) {
            try (Stream<Path> files = Files.list(Path.of("fuzz", kind, "ArgumentsFuzz"))) {
                for (Path f : files.sorted().toList()) cases.add(ArgumentsFuzz.arguments(Files.readAllBytes(f)));
            }
        }
        Random random = new Random(11);
        for (int i = 0; i < 60; i++) {
            byte[] input = new byte[random.nextInt(200)];
            random.nextBytes(input);
            cases.add(ArgumentsFuzz.arguments(input));
        }
        // the same run twice in a row, then with --json, then without: what a command kept would show
        String model = ArgumentsFuzz.fixtures().model.toString();
        String strokes = ArgumentsFuzz.fixtures().strokes.toString();
        for (int i = 0; i < 2; i++) cases.add(List.of("predict", "--model", model, "--strokes", strokes));
        cases.add(List.of("predict", "--model", model, "--json", "--strokes", strokes));
        cases.add(List.of("predict", "--model", model, "--strokes", strokes));

        CommandLine reused = InklingCommand.commandLine();
        int zero = 0;
        for (List<String> args : cases) {
            ArgumentsFuzz.Outcome fresh = ArgumentsFuzz.run(args, InklingCommand.commandLine());
            assertThat(ArgumentsFuzz.run(args, reused)).as("%s", args).isEqualTo(fresh);
            if (fresh.code() == 0) zero++;
        }
        assertThat(zero).as("runs that succeeded (not only errors compared)").isGreaterThan(3);
    }
}
