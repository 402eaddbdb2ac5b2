package dev.switchboard.core.crm.imports;

import dev.switchboard.core.crm.Tags;
import dev.switchboard.core.crm.contacts.Contacts;
import dev.switchboard.core.crm.fields.CustomField;
import dev.switchboard.core.crm.fields.CustomFields;
import dev.switchboard.core.crm.fields.FieldModel;
import dev.switchboard.core.jobs.Job;
import dev.switchboard.core.jobs.Jobs;
import dev.switchboard.core.json.Json;
import dev.switchboard.core.problems.FieldError;
import dev.switchboard.core.problems.Problem;
import dev.switchboard.core.problems.ProblemException;
import dev.switchboard.core.problems.ProblemType;
import dev.switchboard.core.problems.Texts;
import dev.switchboard.core.problems.Violations;
import dev.switchboard.core.tenancy.LocationId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Starts imports of an uploaded file ({@code {file, mapping, duplicates, tags}}): checks the request
 * against the file and the location's fields, then queues it as a background job of kind {@value #KIND}
 * ({@link FileImportJob}).
 */
@ApplicationScoped
public class FileImports {

    public static final String KIND = "file-import";
    /** Most tags an import adds to every row. */
    public static final int MAX_TAGS = 20;
    private static final Set<String> MEMBERS = Set.of("file", "mapping", "duplicates", "tags");
    private static final Set<ImportTarget> IDENTIFYING = Set.of(ImportTarget.FIRST_NAME, ImportTarget.LAST_NAME,
            ImportTarget.NAME, ImportTarget.EMAIL, ImportTarget.PHONE);

    @Inject
    ImportFiles files;

    @Inject
    CustomFields customFields;

    @Inject
    Jobs jobs;

    /**
     * Queues the import of a file.
     *
     * @param body {@code file} (its id), {@code mapping} (column → {@code firstName}, {@code customFields.<key>}, … or
     *     null to leave it out; absent: the suggested mapping), {@code duplicates} ({@code skip}, {@code update} (default),
     *     {@code create}), {@code tags} (added to every imported contact)
     */
    @Transactional
    public Job start(LocationId locationId, JsonObject body, UUID userId) {
        Violations violations = new Violations();
        body.keySet().stream().filter(member -> !MEMBERS.contains(member)).sorted().forEach(member -> violations.field(member,
                "not a member of an import from a file; it has file, mapping, duplicates and tags"));
        UUID fileId = null;
        JsonValue file = body.get("file");
        if (!(file instanceof JsonString text)) {
            violations.field("file", "file is the id of an uploaded file (POST …/import-files)");
        } else {
            try {
                fileId = UUID.fromString(text.getString());
            } catch (IllegalArgumentException e) {
                violations.field("file", Texts.quote(text.getString()) + " is not a file id");
            }
        }
        String duplicates = duplicates(body, violations);
        List<String> tags = tags(body, violations);
        violations.throwIfAny();
        UUID id = fileId;
        ImportFile imported = files.find(locationId, fileId).orElseThrow(() -> new ProblemException(Problem.of(
                ProblemType.NOT_FOUND, "import file " + id + " does not exist (or has expired)",
                List.of(FieldError.field("file", "no file " + id + " in this location")))));
        List<CustomField> fields = customFields.list(locationId, FieldModel.CONTACT);
        Map<String, String> mapping = mapping(body.get("mapping"), imported, fields, violations);
        violations.throwIfAny();
        JsonObjectBuilder mapped = Json.createObjectBuilder();
        mapping.forEach(mapped::add);
        JsonObject parameters = Json.createObjectBuilder().add("file", fileId.toString()).add("fileName", imported.name())
                .add("format", imported.format().name()).add("mapping", mapped).add("duplicates", duplicates)
                .add("tags", Json.createArrayBuilder(tags)).build();
        if (parameters.toString().length() > Jobs.MAX_PARAMETERS) {
            violations.field("mapping", "the mapping is more than an import keeps (" + Jobs.MAX_PARAMETERS
                    + " characters of JSON with the import's other members): map fewer columns");
            violations.throwIfAny();
        }
        return jobs.submit(locationId, KIND, parameters, userId);
    }

    /**
     * The columns mapped, in the file's order: the request's mapping checked against the file's columns and
     * the location's fields, or the suggestions when the request has none.
     */
    static Map<String, String> mapping(JsonValue given, ImportFile file, List<CustomField> fields, Violations violations) {
        Map<String, String> mapping = new LinkedHashMap<>();
        if (given == null || given.getValueType() == JsonValue.ValueType.NULL) {
            file.columns().forEach(column -> column.suggestion().ifPresent(target -> mapping.put(column.name(), target)));
        } else if (given.getValueType() != JsonValue.ValueType.OBJECT) {
            violations.field("mapping", "mapping is an object: each column's name to a contact field (firstName, "
                    + "customFields.<key>, …) or null to leave the column out");
            return mapping;
        } else {
            Set<String> keys = fields.stream().map(CustomField::key).collect(Collectors.toSet());
            Map<String, String> takenBy = new HashMap<>();
            for (ImportFile.Column column : file.columns()) {
                JsonValue target = given.asJsonObject().get(column.name());
                if (target == null || target.getValueType() == JsonValue.ValueType.NULL) {
                    continue;
                }
                String pointer = "/mapping/" + column.name().replace("~", "~0").replace("/", "~1");
                if (!(target instanceof JsonString name)) {
                    violations.at(pointer, "a contact field's name, or null to leave the column out");
                    continue;
                }
                String field = name.getString();
                Optional<ImportTarget> standard = ImportTarget.ofApiName(field);
                if (standard.isEmpty() && !(field.startsWith(ImportTarget.CUSTOM)
                        && keys.contains(field.substring(ImportTarget.CUSTOM.length())))) {
                    violations.at(pointer, Texts.quote(field) + " is not a field a column can go to: "
                            + Arrays.stream(ImportTarget.values()).map(ImportTarget::apiName).collect(Collectors.joining(", "))
                            + (field.startsWith(ImportTarget.CUSTOM) ? "; the location has no contact custom field with key "
                            + Texts.quote(field.substring(ImportTarget.CUSTOM.length())) : ", or customFields.<key>"));
                    continue;
                }
                boolean several = standard.map(t -> t.kind() == ImportTarget.Kind.LIST).orElse(false);
                String other = takenBy.putIfAbsent(field, column.name());
                if (other != null && !several) {
                    violations.at(pointer, "column " + Texts.quote(other) + " goes to " + field + " already; a field takes "
                            + "one column (tags, additionalEmails and additionalPhones take several)");
                    continue;
                }
                mapping.put(column.name(), field);
            }
            Set<String> columns = file.columns().stream().map(ImportFile.Column::name).collect(Collectors.toSet());
            given.asJsonObject().keySet().stream().filter(name -> !columns.contains(name)).sorted().forEach(name ->
                    violations.at("/mapping/" + name.replace("~", "~0").replace("/", "~1"), "the file has no column "
                            + Texts.quote(name)));
        }
        boolean identifies = mapping.values().stream().map(ImportTarget::ofApiName).flatMap(Optional::stream)
                .anyMatch(IDENTIFYING::contains);
        if (violations.isEmpty() && !identifies) {
            violations.field("mapping", "map a column to at least one of firstName, lastName, name, email or phone: "
                    + "a contact needs one of them");
        }
        return mapping;
    }

    private static String duplicates(JsonObject body, Violations violations) {
        JsonValue value = body.get("duplicates");
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return "update";
        }
        String choice = value instanceof JsonString text ? text.getString() : null;
        if (choice == null || Arrays.stream(Contacts.OnDuplicate.values())
                .noneMatch(option -> option.name().toLowerCase(Locale.ROOT).equals(choice))) {
            violations.field("duplicates", "duplicates is skip, update or create (what to do with a row matching a contact "
                    + "under the location's duplicate policy, or an earlier row of the file)");
            return null;
        }
        return choice;
    }

    private static List<String> tags(JsonObject body, Violations violations) {
        JsonValue value = body.get("tags");
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return List.of();
        }
        if (!(value instanceof JsonArray array)) {
            violations.field("tags", "tags is an array of tags added to every imported contact");
            return List.of();
        }
        if (array.size() > MAX_TAGS) {
            violations.field("tags", "an import adds at most " + MAX_TAGS + " tags");
            return List.of();
        }
        Set<String> tags = new LinkedHashSet<>();
        for (int i = 0; i < array.size(); i++) {
            if (array.get(i) instanceof JsonString tag) {
                tags.add(Tags.normalize(tag.getString(), "/tags/" + i, violations));
            } else {
                violations.at("/tags/" + i, "a tag is text");
            }
        }
        return new ArrayList<>(tags);
    }
}
