package dev.switchboard.testkit;

import dev.switchboard.api.action.ActionContext;
import dev.switchboard.api.action.ContactView;
import dev.switchboard.api.settings.PluginSettings;
import java.util.Map;
import java.util.Optional;

/**
 * An {@link ActionContext} for testing a {@code WorkflowAction} on its own, without a platform:
 * <pre>{@code
 * ActionResult result = new SendEmailAction(...).execute(TestActionContext.of(Map.of("subject", "Hi"))
 *         .withContact(new ContactView("c-1", "Ada", null, "ada@example.com", Set.of()))
 *         .withSettings(Map.of("host", "127.0.0.1", "port", "3025", "from", "hello@agency.test")));
 * }</pre>
 */
public record TestActionContext(String locationId, String executionId, Map<String, String> inputs,
                                Optional<ContactView> contact, Map<String, String> settingValues)
        implements ActionContext {

    public TestActionContext {
        inputs = Map.copyOf(inputs);
        settingValues = Map.copyOf(settingValues);
    }

    /** A context with these inputs, no contact and no settings, in location {@code test-location}. */
    public static TestActionContext of(Map<String, String> inputs) {
        return new TestActionContext("test-location", "test-run:test-step", inputs, Optional.empty(), Map.of());
    }

    public TestActionContext withContact(ContactView contact) {
        return new TestActionContext(locationId, executionId, inputs, Optional.of(contact), settingValues);
    }

    public TestActionContext withSettings(Map<String, String> settings) {
        return new TestActionContext(locationId, executionId, inputs, contact, settings);
    }

    public TestActionContext withExecutionId(String id) {
        return new TestActionContext(locationId, id, inputs, contact, settingValues);
    }

    @Override
    public PluginSettings settings() {
        return field -> Optional.ofNullable(settingValues.get(field));
    }
}
