package dev.switchboard.bpmn.actions;

import dev.switchboard.core.json.Json;
import dev.switchboard.core.plugins.actions.BuiltInStep;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A step's output kept in a run variable of the modeller's choosing:
 * {@code <sb:output name="crmId">response/data/id</sb:output>}. The text names one of the action's
 * outputs, optionally followed by a JSON Pointer into it (the output read as JSON): {@code status} is
 * the output's text; {@code response/data/id} the value at {@code /data/id} of the JSON in
 * {@code response}, as text, number or boolean ({@code null} when the answer has no such member; an
 * object or a list as its JSON text). The step's outputs stay as {@code <taskId>_<output>} as well.
 *
 * @param pointer the JSON Pointer into the output, or empty for the output's text
 */
public record OutputMapping(String variable, String output, String pointer) {

    /** Longest text a mapping keeps in its variable, like any step's variable. */
    static final int MAX_VALUE = BuiltInStep.MAX_VARIABLE_VALUE;

    /** Reads {@code output[/pointer…]}. */
    public static OutputMapping of(String variable, String path) {
        String text = path == null ? "" : path.strip();
        int slash = text.indexOf('/');
        return slash < 0 ? new OutputMapping(variable, text, "") : new OutputMapping(variable, text.substring(0, slash),
                text.substring(slash));
    }

    /** What keeps the mapping from being used with an action whose outputs are {@code outputs}. */
    public List<String> problems(String actionId, Set<String> outputs) {
        List<String> problems = new ArrayList<>();
        if (variable == null || !BuiltInStep.VARIABLE.matcher(variable).matches()) {
            problems.add("<sb:output name=\"" + variable + "\">: a variable's name is a letter or _ followed by up to 63"
                    + " letters, digits or _");
        } else if (BuiltInStep.RESERVED.contains(variable)) {
            problems.add("<sb:output name=\"" + variable + "\">: " + variable + " is set by the platform on every run");
        }
        if (!outputs.contains(output)) {
            problems.add("<sb:output name=\"" + variable + "\"> reads '" + output + "', which is not an output of " + actionId
                    + "; its outputs are " + new TreeSet<>(outputs));
        }
        if (!pointer.isEmpty()) {
            try {
                Json.createPointer(pointer);
            } catch (JsonException e) {
                problems.add("<sb:output name=\"" + variable + "\">: '" + pointer + "' is not a JSON Pointer");
            }
        }
        return problems;
    }

    /** The variable's value from the step's outputs (as text, the way steps keep them). */
    public Object read(Map<String, String> outputs) {
        String text = outputs.get(output);
        if (text == null || pointer.isEmpty()) {
            return cut(text);
        }
        JsonValue document;
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            document = reader.readValue();
        } catch (JsonException notJson) {
            return null;
        }
        if (!(document instanceof JsonStructure structure)) {
            return null;
        }
        JsonValue value;
        try {
            value = Json.createPointer(pointer).getValue(structure);
        } catch (JsonException absent) {
            return null;
        }
        return switch (value.getValueType()) {
            case STRING -> cut(((JsonString) value).getString());
            case NUMBER -> number((JsonNumber) value);
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case NULL -> null;
            case OBJECT, ARRAY -> cut(value.toString());
        };
    }

    private static Object number(JsonNumber number) {
        if (number.isIntegral()) {
            try {
                return number.longValueExact();
            } catch (ArithmeticException tooLarge) {
                return number.toString();
            }
        }
        return number.doubleValue();
    }

    private static String cut(String text) {
        return text == null || text.length() <= MAX_VALUE ? text : text.substring(0, MAX_VALUE);
    }
}
