package dev.switchboard.plugins.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void readsAndWritesBackTheSameDocument() throws Exception {
        String text = "{\"a\":\"x\\\"y\\n\",\"b\":[1,2.5,-3e2,true,false,null],\"c\":{\"d\":{}}}";

        Object parsed = Json.parse(text);

        assertThat(Json.write(parsed)).isEqualTo("{\"a\":\"x\\\"y\\n\",\"b\":[1,2.5,-3E+2,true,false,null],\"c\":{\"d\":{}}}");
        assertThat(Json.parse(Json.write(parsed))).isEqualTo(parsed);
    }

    @Test
    void findsValuesByJsonPointer() throws Exception {
        Object document = Json.parse("{\"id\": 42, \"customer\": {\"tier\": \"gold\"}, \"a/b\": [\"x\", \"y\"]}");

        assertThat(Json.at(document, "/id")).isEqualTo(new BigDecimal("42"));
        assertThat(Json.at(document, "/customer/tier")).isEqualTo("gold");
        assertThat(Json.at(document, "/a~1b/1")).isEqualTo("y");
        assertThat(Json.at(document, "/customer")).isEqualTo(Map.of("tier", "gold"));
        assertThat(Json.at(document, "/missing/deeper")).isNull();
        assertThat(Json.at(document, "/a~1b/7")).isNull();
    }

    @Test
    void refusesWhatIsNotJsonSayingWhere() {
        for (String bad : List.of("", "{", "{\"a\" 1}", "[1,]", "tru", "{\"a\":1} x", "\"open", "01", "{a:1}")) {
            assertThatThrownBy(() -> Json.parse(bad)).as(bad).isInstanceOf(Json.Malformed.class)
                    .hasMessageContaining("at character");
        }
    }

    @Test
    void refusesDeepNestingInsteadOfOverflowingTheStack() {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);

        assertThatThrownBy(() -> Json.parse(deep)).isInstanceOf(Json.Malformed.class).hasMessageContaining("deeper");
    }
}
