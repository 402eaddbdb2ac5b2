package dev.switchboard.bpmn.actions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OutputMappingTest {

    private static final Map<String, String> OUTPUTS = Map.of("status", "200",
            "response", "{\"data\": {\"id\": \"crm-42\", \"score\": 7, \"ratio\": 0.5, \"ok\": true, \"tags\": [\"a\"], \"none\": null}}");

    @Test
    void readsAnOutputsTextOrAValueInsideItsJsonWithItsType() {
        assertThat(OutputMapping.of("code", "status").read(OUTPUTS)).isEqualTo("200");
        assertThat(OutputMapping.of("id", "response/data/id").read(OUTPUTS)).isEqualTo("crm-42");
        assertThat(OutputMapping.of("score", " response/data/score ").read(OUTPUTS)).isEqualTo(7L);
        assertThat(OutputMapping.of("ratio", "response/data/ratio").read(OUTPUTS)).isEqualTo(0.5);
        assertThat(OutputMapping.of("ok", "response/data/ok").read(OUTPUTS)).isEqualTo(true);
        assertThat(OutputMapping.of("tags", "response/data/tags").read(OUTPUTS)).isEqualTo("[\"a\"]");
        assertThat(OutputMapping.of("none", "response/data/none").read(OUTPUTS)).isNull();
    }

    @Test
    void whatIsNotThereIsNull() {
        assertThat(OutputMapping.of("x", "response/data/absent").read(OUTPUTS)).isNull();
        assertThat(OutputMapping.of("x", "status/not/json").read(Map.of("status", "<html>"))).isNull();
        assertThat(OutputMapping.of("x", "other").read(OUTPUTS)).isNull();
    }

    @Test
    void namesWhatKeepsItFromBeingUsed() {
        Set<String> outputs = Set.of("status", "response");
        assertThat(OutputMapping.of("id", "response/data/id").problems("webhook.post", outputs)).isEmpty();
        assertThat(OutputMapping.of("id", "answer/id").problems("webhook.post", outputs)).singleElement().asString()
                .contains("'answer', which is not an output of webhook.post; its outputs are [response, status]");
        assertThat(OutputMapping.of("contactId", "status").problems("webhook.post", outputs)).singleElement().asString()
                .contains("set by the platform");
        assertThat(OutputMapping.of("1st", "status").problems("webhook.post", outputs)).singleElement().asString()
                .contains("a variable's name");
        assertThat(OutputMapping.of(null, "status").problems("webhook.post", outputs)).hasSize(1);
    }
}
