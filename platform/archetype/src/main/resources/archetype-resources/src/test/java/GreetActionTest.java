package ${package};

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.api.PluginException;
import dev.switchboard.testkit.TestActionContext;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The action in the test kit's in-memory host: inputs and settings are converted and validated against
 * the records as the platform does it, and what the action reports can be read back.
 */
class GreetActionTest {

    private final GreetAction action = new GreetAction();

    @Test
    void greetsByNameInTheLocationsWords() throws Exception {
        TestActionContext context = TestActionContext.of(Map.of("name", "Ada", "excited", "true"))
                .withSettings(Map.of("salutation", "Howdy"));

        Greeting greeting = context.run(action);

        assertThat(greeting.text()).isEqualTo("Howdy, Ada!");
        assertThat(context.summary()).isEqualTo("Howdy, Ada!");
        assertThat(context.logLines()).containsExactly("INFO greeted Ada");
    }

    @Test
    void aLocationWithoutSettingsGetsTheDefaultSalutation() throws Exception {
        Greeting greeting = TestActionContext.of(Map.of("name", "Ada")).run(action);

        assertThat(greeting.text()).isEqualTo("Hello, Ada.");
    }

    @Test
    void aTaskWithoutANameIsRefusedBeforeTheActionRuns() {
        TestActionContext context = TestActionContext.of(Map.of("excited", "true"));

        assertThatThrownBy(() -> context.run(action))
                .isInstanceOf(PluginException.class)
                .hasMessageContaining("name");
        assertThat(context.summary()).isNull();
    }
}
