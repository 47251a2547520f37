package org.inkling.ink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StrokeFileTest {
    @TempDir
    Path dir;

    private Path file(String... lines) throws IOException {
        Path p = dir.resolve("digits.jsonl");
        Files.writeString(p, String.join("\n", lines), StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void readsLabelsStrokesSkipsBlankLinesAndIgnoresUnknownFields() throws Exception {
        Path p = file(
                "{\"label\": 7, \"strokes\": [[[10, 20], [30.5, 20]], [[20, 10], [20, 40]]], \"writer\": \"ann\"}",
                "",
                "   ",
                "{\"strokes\": [[[1, 2]]]}",
                "{\"label\": null, \"strokes\": []}");
        List<LabeledInk> items = StrokeFile.read(p);
        assertThat(items).hasSize(3);
        assertThat(items.get(0).label()).isEqualTo(7);
        assertThat(items.get(0).ink().strokes()).hasSize(2);
        assertThat(items.get(0).ink().strokes().get(0).points()).containsExactly(new Point(10, 20), new Point(30.5, 20));
        assertThat(items.get(1).hasLabel()).isFalse();
        assertThat(items.get(1).ink().strokes().get(0).points()).containsExactly(new Point(1, 2));
        assertThat(items.get(2).ink().isEmpty()).isTrue();
    }

    @Test
    void writeThenReadGivesTheSameDrawings() throws Exception {
        List<LabeledInk> items = List.of(
                new LabeledInk(3, Ink.of(Stroke.of(new Point(1.25, -2), new Point(3, 4.5)), Stroke.of(new Point(0, 0)))),
                new LabeledInk(null, Ink.of(Stroke.of(new Point(100, 200)))));
        Path p = dir.resolve("sub/out.jsonl");
        StrokeFile.write(p, items);
        assertThat(StrokeFile.read(p)).isEqualTo(items);
        assertThat(Files.readAllLines(p).get(0)).isEqualTo("{\"label\":3,\"strokes\":[[[1.25,-2],[3,4.5]],[[0,0]]]}");
        try (var files = Files.list(p.getParent())) {
            assertThat(files).containsExactly(p); // no temp file left behind
        }
    }

    /** A drawing taught as "not a digit" keeps that label through a file, written as predict --json names it. */
    @Test
    void notADigitIsWrittenAndReadByName() throws Exception {
        Ink ink = new Ink(List.of(new Stroke(List.of(new Point(0, 0), new Point(5, 1)))));
        List<LabeledInk> items = List.of(new LabeledInk(LabeledInk.NOT_A_DIGIT, ink), new LabeledInk(4, ink));
        Path p = dir.resolve("mixed.jsonl");
        StrokeFile.write(p, items);
        assertThat(Files.readAllLines(p).get(0)).startsWith("{\"label\":\"not_a_digit\",\"strokes\":");
        List<LabeledInk> back = StrokeFile.read(p);
        assertThat(back).isEqualTo(items);
        assertThat(back.get(0).isDigit()).isFalse();
        assertThat(back.get(1).isDigit()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            not JSON                  | {"strokes": [[[1, 2]]]            | not valid JSON
            not an object             | [[[1, 2]]]                        | expected a JSON object
            missing strokes           | {"label": 3}                      | missing "strokes"
            strokes not an array      | {"strokes": "abc"}                | "strokes" must be an array
            stroke not an array       | {"strokes": [5]}                  | stroke 0 must be an array
            empty stroke              | {"strokes": [[[1, 2]], []]}       | stroke 1 has no points
            point with one number     | {"strokes": [[[1, 2], [3]]]}      | stroke 0 point 1 must be [x, y]
            point with a string       | {"strokes": [[[1, "y"]]]}         | stroke 0 point 0 must hold two numbers
            label out of range        | {"label": 12, "strokes": []}      | must be a digit 0-9 or "not_a_digit", got 12
            label ten                 | {"label": 10, "strokes": []}      | must be a digit 0-9 or "not_a_digit", got 10
            label another word        | {"label": "letter", "strokes": []} | whole number 0-9 or "not_a_digit", got "letter"
            label not whole           | {"label": 2.5, "strokes": []}     | whole number
            label a string            | {"label": "7", "strokes": []}     | whole number
            """)
    void namesFileLineAndProblem(String what, String badLine, String message) throws Exception {
        Path p = file("{\"label\": 1, \"strokes\": [[[0, 0], [0, 9]]]}", "", badLine);
        assertThatThrownBy(() -> StrokeFile.read(p))
                .isInstanceOf(StrokeFileException.class)
                .hasMessageContaining(p.toString() + ":3:")
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((StrokeFileException) e).line()).isEqualTo(3));
    }

    @Test
    void aMissingFileIsNamed() {
        Path p = dir.resolve("nope.jsonl");
        assertThatThrownBy(() -> StrokeFile.read(p))
                .isInstanceOf(StrokeFileException.class)
                .hasMessageContaining(p.toString())
                .hasMessageContaining("no such file");
    }

    @Test
    void readsFromAStreamWithAName() throws Exception {
        var in = new java.io.ByteArrayInputStream("{\"label\":0,\"strokes\":[[[0,0],[1,1]]]}\n{oops}\n".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> StrokeFile.read(in, "resource.jsonl")).hasMessageStartingWith("resource.jsonl:2:");
    }
}
