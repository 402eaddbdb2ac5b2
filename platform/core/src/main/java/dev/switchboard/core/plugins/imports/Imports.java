package dev.switchboard.core.plugins.imports;

import dev.switchboard.core.jobs.Job;
import dev.switchboard.core.jobs.Jobs;
import dev.switchboard.core.json.Json;
import dev.switchboard.core.plugins.schema.RecordValues;
import dev.switchboard.core.problems.FieldError;
import dev.switchboard.core.problems.Texts;
import dev.switchboard.core.problems.Violations;
import dev.switchboard.core.tenancy.LocationId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Starts imports: checks a request ({@code importer}, {@code source}, {@code duplicates}) against the
 * importer's declaration, then queues it as a background job of kind {@value ImportJob#KIND}.
 */
@ApplicationScoped
public class Imports {

    /** Longest text of one source choice. */
    static final int MAX_CHOICE = 4_096;
    private static final Set<String> MEMBERS = Set.of("importer", "source", "duplicates");
    private static final Pattern FIELD_PROBLEM = Pattern.compile("^'([^']+)': (.*)$", Pattern.DOTALL);

    @Inject
    ImporterCatalog importers;

    @Inject
    Jobs jobs;

    @Transactional
    public Job start(LocationId locationId, JsonObject body, UUID userId) {
        Violations violations = new Violations();
        body.keySet().stream().filter(member -> !MEMBERS.contains(member)).sorted()
                .forEach(member -> violations.field(member, "not a member of an import; it has importer, source and duplicates"));
        String importerId = text(body, "importer", violations);
        String duplicates = body.containsKey("duplicates") ? text(body, "duplicates", violations) : "update";
        if (duplicates != null && Arrays.stream(dev.switchboard.core.crm.contacts.Contacts.OnDuplicate.values())
                .noneMatch(choice -> choice.name().toLowerCase(Locale.ROOT).equals(duplicates))) {
            violations.field("duplicates", "duplicates is skip, update or create (what to do with a row matching a contact "
                    + "under the location's duplicate policy)");
        }
        ImporterSpec importer = null;
        if (importerId != null) {
            importer = importers.forLocation(locationId).stream().filter(spec -> spec.id().equals(importerId)).findFirst()
                    .orElse(null);
            if (importer == null) {
                violations.field("importer", "no importer '" + importerId + "' among those of the plugins this location uses");
            }
        }
        Map<String, String> choices = new LinkedHashMap<>();
        JsonValue source = body.getOrDefault("source", JsonValue.EMPTY_JSON_OBJECT);
        if (source.getValueType() != JsonValue.ValueType.OBJECT) {
            violations.field("source", "source is an object of the importer's choices");
        } else if (importer != null) {
            readChoices(importer, source.asJsonObject(), choices, violations);
        }
        violations.throwIfAny();
        JsonObjectBuilder sourceJson = Json.createObjectBuilder();
        choices.forEach(sourceJson::add);
        JsonObject parameters = Json.createObjectBuilder().add("importer", importerId).add("plugin", importer.pluginId())
                .add("source", sourceJson).add("duplicates", duplicates).build();
        int size = parameters.toString().length();
        if (size > Jobs.MAX_PARAMETERS) {
            // each choice is within its limit, but many of them together are more than a job keeps
            violations.at("/source", "the choices together are " + size + " characters of JSON with the import's other "
                    + "members; an import keeps at most " + Jobs.MAX_PARAMETERS);
            violations.throwIfAny();
        }
        return jobs.submit(locationId, ImportJob.KIND, parameters, userId);
    }

    private static void readChoices(ImporterSpec importer, JsonObject source, Map<String, String> choices, Violations violations) {
        Set<String> names = Arrays.stream(importer.source().getRecordComponents()).map(RecordComponent::getName)
                .collect(Collectors.toSet());
        source.forEach((name, value) -> {
            String pointer = "/source/" + name.replace("~", "~0").replace("/", "~1");
            if (!names.contains(name)) {
                violations.at(pointer, "not a choice of importer " + importer.id() + "; its choices are "
                        + names.stream().sorted().collect(Collectors.joining(", ")));
            } else if (value.getValueType() == JsonValue.ValueType.NULL) {
                return;
            } else if (value instanceof JsonString text) {
                if (text.getString().length() > MAX_CHOICE) {
                    violations.at(pointer, "at most " + MAX_CHOICE + " characters");
                } else {
                    choices.put(name, text.getString());
                }
            } else if (value.getValueType() == JsonValue.ValueType.OBJECT || value.getValueType() == JsonValue.ValueType.ARRAY) {
                violations.at(pointer, "a choice is text, a number or a boolean");
            } else {
                choices.put(name, value.toString());
            }
        });
        if (!violations.isEmpty()) {
            return;
        }
        JsonObject properties = importer.sourceSchema().getJsonObject("properties");
        choices.forEach((name, value) -> {
            JsonObject property = properties == null ? null : properties.getJsonObject(name);
            String format = property == null ? null : property.getString("format", null);
            if (format != null && !fitsFormat(format, value)) {
                violations.at("/source/" + name.replace("~", "~0").replace("/", "~1"), Texts.quote(value) + " is not a "
                        + format + (format.equals("date") ? " (YYYY-MM-DD)" : format.equals("date-time") ? " (ISO 8601 with an offset)" : ""));
            }
        });
        for (String problem : RecordValues.validate(importer.source(), choices)) {
            Matcher field = FIELD_PROBLEM.matcher(problem);
            if (field.matches()) {
                violations.at("/source/" + field.group(1), field.group(2));
            } else {
                violations.at("/source", problem);
            }
        }
    }

    /** The formats the SDK names for text ({@code @Field(format)}), which the schema validator does not assert. */
    private static boolean fitsFormat(String format, String value) {
        try {
            switch (format) {
                case "date" -> LocalDate.parse(value);
                case "date-time" -> OffsetDateTime.parse(value);
                case "email" -> {
                    return value.matches("[^@\\s]+@[^@\\s]+");
                }
                case "uri", "url" -> {
                    return URI.create(value).isAbsolute();
                }
                default -> {
                    return true;
                }
            }
            return true;
        } catch (DateTimeParseException | IllegalArgumentException e) {
            return false;
        }
    }

    private static String text(JsonObject body, String name, Violations violations) {
        JsonValue value = body.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            violations.field(name, name + " is required");
            return null;
        }
        if (!(value instanceof JsonString text) || text.getString().isBlank() || text.getString().length() > 200) {
            violations.field(name, name + " is text of at most 200 characters");
            return null;
        }
        return text.getString();
    }
}
