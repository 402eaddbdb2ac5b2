package dev.switchboard.bpmn.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeelTest {

    @Test
    void evaluatesConditionsOverContactFieldsAndVariables() {
        Map<String, Object> variables = Map.of("contact", Map.of("firstName", "Ada", "tags", List.of("lead", "vip")),
                "score", 42);

        assertThat(Feel.evaluate("contact.firstName = \"Ada\" and list contains(contact.tags, \"vip\")", variables))
                .isEqualTo(true);
        assertThat(Feel.evaluate("score > 40", variables)).isEqualTo(true);
        assertThat(Feel.evaluate("score + 1", variables)).isEqualTo(43L);
        assertThat(Feel.evaluate("duration(\"PT5M\")", variables)).isEqualTo(Duration.ofMinutes(5).toString());
    }

    @Test
    void aJavaObjectInAVariableIsOnlyItsTextSoNoGetterOrClassIsReachable() {
        Map<String, Object> variables = Map.of("file", new File("/etc"), "self", new Object());

        assertThat(Feel.evaluate("file", variables)).isEqualTo("/etc");
        for (String getter : List.of("file.absolutePath", "file.parentFile", "self.class", "self.class.classLoader")) {
            assertThatThrownBy(() -> Feel.evaluate(getter, variables)).as(getter).hasMessageContaining("No property found");
        }
    }

    @Test
    void externalJavaFunctionsCannotBeDefined() {
        String external = "(function(x) external { java: { class: \"java.lang.System\", "
                + "method signature: \"exit(int)\" } })(1)";

        assertThatThrownBy(() -> Feel.evaluate(external, Map.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anExpressionWithoutValueBecauseSomethingIsMissingSaysWhat() {
        assertThatThrownBy(() -> Feel.evaluate("noSuchVariable", Map.of()))
                .hasMessageContaining("noSuchVariable");
        assertThat(Feel.evaluate("contact.firstName = \"Ada\"", Map.of("contact", Map.of()))).isEqualTo(false);
    }

    @Test
    void regularExpressionsAreRefusedBecauseACraftedValueCouldHoldAThreadForMinutes() {
        assertThat(Feel.check("matches(contact.firstName, \"(a+)+$\")")).hasValueSatisfying(why ->
                assertThat(why).contains("matches()", "unbounded time"));
        assertThat(Feel.check("replace(x, \"a\", \"b\")")).isPresent();
        assertThat(Feel.check("split (x, \",\")")).isPresent();
        assertThatThrownBy(() -> Feel.evaluate("matches(\"aaaa\", \"(a+)+$\")", Map.of()))
                .hasMessageContaining("not part of the platform's profile");

        assertThat(Feel.check("contains(x, \"matches(\")")).as("inside a string").isEmpty();
        assertThat(Feel.check("contact.matches = 1")).as("a field called matches").isEmpty();
    }

    @Test
    void reportsParseErrors() {
        assertThat(Feel.check("a = ")).hasValueSatisfying(why -> assertThat(why).contains("not a valid FEEL expression"));
        assertThat(Feel.check("a = 1")).isEmpty();
        assertThat(Feel.check(" ")).isPresent();
    }
}
