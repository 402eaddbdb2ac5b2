package dev.switchboard.core.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MergeFieldsTest {

    private static final Map<String, String> ADA = Map.of("contact.firstName", "Ada", "location.name", "Acme");

    @Test
    void replacesKnownFields() {
        assertThat(MergeFields.render("Hello {{contact.firstName}} from {{ location.name }}", ADA))
                .isEqualTo("Hello Ada from Acme");
    }

    @Test
    void rendersALocationsCustomValues() {
        assertThat(MergeFields.render("Hello from {{custom_values.company_name}}",
                Map.of("custom_values.company_name", "Analytical Engines"))).isEqualTo("Hello from Analytical Engines");
    }

    @Test
    void missingFieldsRenderEmptyOrTheirFallback() {
        assertThat(MergeFields.render("Hi {{contact.lastName}}!", ADA)).isEqualTo("Hi !");
        assertThat(MergeFields.render("Hi {{contact.lastName | \"friend\"}}!", ADA)).isEqualTo("Hi friend!");
        assertThat(MergeFields.render("Hi {{contact.firstName | \"friend\"}}!", ADA)).isEqualTo("Hi Ada!");
    }

    @Test
    void valuesAreInsertedLiterallyNotAsPatterns() {
        assertThat(MergeFields.render("{{contact.firstName}}", Map.of("contact.firstName", "$1 \\ {{x}}")))
                .isEqualTo("$1 \\ {{x}}");
    }

    @Test
    void textWithoutFieldsOrWithBrokenBracesIsUnchanged() {
        assertThat(MergeFields.render("no fields", ADA)).isEqualTo("no fields");
        assertThat(MergeFields.render("{{ not closed", ADA)).isEqualTo("{{ not closed");
        assertThat(MergeFields.render("{{1bad}}", ADA)).isEqualTo("{{1bad}}");
        assertThat(MergeFields.render(null, ADA)).isNull();
    }
}
