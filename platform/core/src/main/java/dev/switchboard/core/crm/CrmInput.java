package dev.switchboard.core.crm;

import dev.switchboard.core.json.Json;
import dev.switchboard.core.problems.FieldError;
import dev.switchboard.core.problems.InputValidation;
import dev.switchboard.core.problems.JsonInput;
import dev.switchboard.core.problems.ProblemException;
import dev.switchboard.core.problems.Texts;
import dev.switchboard.core.problems.Violations;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How the CRM's records read a request body: {@link JsonInput} checks each member's JSON type, the
 * texts are trimmed and checked for characters that cannot be stored, and the request record's Bean
 * Validation constraints ({@code @NotBlank}, {@code @Size}, {@code @Pattern}) check the rest. A member
 * gets one error: the first found.
 */
public final class CrmInput {

    private CrmInput() {
    }

    /** A text member, trimmed; null when absent, blank, not a string or not storable (the last two reported). */
    public static String text(JsonInput input, String member) {
        return Texts.optional(input.string(member), input.pointer(member), Integer.MAX_VALUE, input.violations());
    }

    /** A text member as sent (not trimmed); null when absent, not a string or not storable. */
    public static String verbatim(JsonInput input, String member) {
        String value = input.string(member);
        return value == null || !Texts.check(value, input.pointer(member), Integer.MAX_VALUE, input.violations()) ? null : value;
    }

    /** Adds the constraint violations of {@code request} for members that have no error yet. */
    public static void validate(InputValidation validation, Object request, Violations violations) {
        Set<String> reported = violations.errors().stream().map(FieldError::pointer).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        Violations found = new Violations();
        validation.check(request, "", found);
        found.errors().stream().filter(error -> !reported.contains(error.pointer())).forEach(violations::add);
    }

    /**
     * Refuses the members the platform sets when a request gives them a value; {@code id} may be sent
     * back as it is.
     */
    public static void refuseReadOnly(JsonObject body, Collection<String> readOnly, Violations violations) {
        if (body == null) {
            throw ProblemException.badRequest("the request body is empty; send a JSON object");
        }
        for (String member : readOnly) {
            if (!member.equals("id") && body.containsKey(member) && body.get(member).getValueType() != JsonValue.ValueType.NULL) {
                violations.field(member, member + " is set by the platform and cannot be written");
            }
        }
    }

    /** The body without the read-only members and those named in {@code also}. */
    public static JsonObject without(JsonObject body, Collection<String> readOnly, String... also) {
        JsonObjectBuilder copy = Json.createObjectBuilder(body);
        readOnly.forEach(copy::remove);
        for (String member : also) {
            copy.remove(member);
        }
        return copy.build();
    }

    /** The {@code customFields} member as an object, or null when absent (a non-object is reported). */
    public static JsonObject customFields(JsonObject body, Violations violations) {
        JsonValue custom = body.get("customFields");
        if (custom == null) {
            return null;
        }
        if (custom.getValueType() == JsonValue.ValueType.OBJECT) {
            return custom.asJsonObject();
        }
        if (custom.getValueType() != JsonValue.ValueType.NULL) {
            violations.field("customFields", "customFields must be an object of values by field key");
        }
        return null;
    }
}
