package org.inkling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.inkling.json.Json;
import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void roundTripsNestedValues() {
        String text = "{\"a\": [1, 2.5, -3.5e2, \"x\\ny\"], \"b\": {\"c\": true, \"d\": null}}";
        Map<String, Object> m = Json.parseObject(text);
        assertThat(m.get("a")).isEqualTo(List.of(1L, 2.5, -350.0, "x\ny"));
        assertThat(Json.parseObject(Json.write(m))).isEqualTo(m);
        assertThat(Json.parseObject(Json.writePretty(m))).isEqualTo(m);
    }

    @Test
    void writesPrimitiveArrays() {
        assertThat(Json.write(new float[] {0.5f, 1f})).isEqualTo("[0.5,1.0]");
        assertThat(Json.write(new int[][] {{1, 2}, {3, 4}})).isEqualTo("[[1,2],[3,4]]");
    }

    @Test
    void reportsWhereInputIsBroken() {
        assertThatThrownBy(() -> Json.parse("{\"a\": [1, 2}")).hasMessageContaining("character 12");
        assertThatThrownBy(() -> Json.parse("[1] x")).hasMessageContaining("trailing");
    }
}
