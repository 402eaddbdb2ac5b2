package dev.switchboard.api.action;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Identity and inputs of a {@link WorkflowAction}.
 *
 * @param id unique action id, lower case, dot separated, prefixed by the plugin's area
 *     ({@code email.send}, {@code sms.send})
 * @param name short human name shown in the modeler palette
 * @param description one sentence shown in the modeler
 * @param inputs the inputs a service task configures; string inputs may hold merge fields such as
 *     {@code {{contact.firstName}}}, rendered by the host before {@link WorkflowAction#execute}
 */
public record ActionDescriptor(String id, String name, String description, List<InputField> inputs) {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+");

    public ActionDescriptor {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("action id must look like 'area.verb', was: " + id);
        }
        name = Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        inputs = List.copyOf(inputs);
    }
}
