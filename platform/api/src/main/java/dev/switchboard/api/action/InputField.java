package dev.switchboard.api.action;

import java.util.Objects;

/**
 * One input of a {@link WorkflowAction}, configured on the service task.
 *
 * @param name the input's key, as written in {@code <sb:input name="…">}
 * @param label human label for the modeler's form
 * @param type how the modeler edits it
 * @param required whether a workflow naming this action must set it
 */
public record InputField(String name, String label, Type type, boolean required) {

    /** How the modeler edits an input. */
    public enum Type { TEXT, MULTILINE_TEXT }

    public InputField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(type, "type");
    }

    public static InputField text(String name, String label, boolean required) {
        return new InputField(name, label, Type.TEXT, required);
    }

    public static InputField multilineText(String name, String label, boolean required) {
        return new InputField(name, label, Type.MULTILINE_TEXT, required);
    }
}
