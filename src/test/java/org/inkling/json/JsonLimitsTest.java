package org.inkling.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Hostile JSON: nesting that would overflow the stack, and bad text echoed in messages. */
class JsonLimitsTest {
    @Test
    void nestingAFewThousandDeepIsAnErrorNotAStackOverflow() {
        String deep = "[".repeat(5000) + "]".repeat(5000); // 10 KB
        assertThatThrownBy(() -> Json.parse(deep)).isInstanceOf(Json.JsonException.class)
                .hasMessage("arrays and objects nested more than 128 deep (the limit) at character 129");
        String objects = "{\"a\":".repeat(5000) + "1" + "}".repeat(5000);
        assertThatThrownBy(() -> Json.parse(objects)).isInstanceOf(Json.JsonException.class).hasMessageContaining("128 deep");
    }

    @Test
    void nestingUpToTheLimitParses() {
        Object v = Json.parse("[".repeat(Json.MAX_DEPTH) + "]".repeat(Json.MAX_DEPTH));
        for (int d = 1; d < Json.MAX_DEPTH; d++) v = ((List<?>) v).get(0);
        assertThat((List<?>) v).isEmpty();
    }

    @Test
    void badTextInMessagesIsShortAndEscaped() {
        assertThatThrownBy(() -> Json.parse("\u001b[31m")).hasMessage("unexpected character '\\u001b' at character 1");
        String longNumber = "-" + "1e".repeat(100_000);
        assertThatThrownBy(() -> Json.parse(longNumber)).satisfies(e -> assertThat(e.getMessage().length()).isLessThan(100));
    }
}
