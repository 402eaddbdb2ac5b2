package dev.switchboard.core.crm.imports;

import dev.switchboard.core.crm.Emails;
import dev.switchboard.core.crm.PhoneNumbers;
import dev.switchboard.core.crm.Tags;
import dev.switchboard.core.crm.contacts.Contacts;
import dev.switchboard.core.crm.contacts.ImportedContact;
import dev.switchboard.core.crm.fields.CustomField;
import dev.switchboard.core.crm.fields.CustomFieldValues;
import dev.switchboard.core.crm.fields.FieldType;
import dev.switchboard.core.crm.settings.LocationCrmSettings;
import dev.switchboard.core.json.Json;
import dev.switchboard.core.problems.FieldError;
import dev.switchboard.core.problems.Texts;
import dev.switchboard.core.problems.Violations;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns a row's mapped values into an {@link ImportedContact} with the contact API's rules: texts trimmed
 * and within the API's lengths, emails, phones (the location's country for numbers without +), tags,
 * countries, time zones, web addresses and dates of birth checked, custom field values checked by type
 * ({@link CustomFieldValues#normalize}). A CSV file's cells are text: numbers, checkboxes, dates and lists
 * are read from it ({@code 12.5}, {@code yes}, {@code 2026-11-26}, {@code a, b}); a JSON lines row may
 * give them typed. Whatever is wrong with a row becomes its reason, naming each column. What a column's
 * text value gives is kept for the next row with the same value (tags, options, places and dates repeat),
 * until a column turns out to hold values of their own (emails, phones). One normaliser is used by one
 * thread at a time.
 */
final class RowNormalizer {

    private static final Pattern LIST_SEPARATOR = Pattern.compile("\\s*[,;]\\s*");
    private static final Set<String> TRUE = Set.of("true", "yes", "y", "1", "on", "x", "checked");
    private static final Set<String> FALSE = Set.of("false", "no", "n", "0", "off", "unchecked");
    private static final DateTimeFormatter SPACED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]");

    /** A column and where it goes: a standard field, or a custom field. */
    record Mapped(int column, String columnName, ImportTarget target, CustomField field) {
    }

    /** What became of a row. */
    sealed interface Outcome permits Good, Rejected, Blank {
    }

    record Good(ImportedContact contact) implements Outcome {
    }

    record Rejected(long row, String reason) implements Outcome {
    }

    /** Every cell of the row is empty: it is passed over. */
    record Blank(long row) implements Outcome {
    }

    /** Distinct values of a column whose outcome is kept, and the misses after which a column of unique values stops looking. */
    private static final int MEMO_SIZE = 4_096;

    private final List<Mapped> mapping;
    private final String country;
    /** Per column of the mapping: what each of its values became (tags, options, cities repeat from row to row). */
    private final List<Map<String, Memo>> memos = new ArrayList<>();
    private final long[] hits;
    private final long[] misses;

    /** What a value of a column gives a row, and what is wrong with it. */
    private record Memo(Draft effect, List<FieldError> errors) {
    }

    RowNormalizer(List<Mapped> mapping, String country) {
        this.mapping = List.copyOf(mapping);
        this.country = country;
        mapping.forEach(mapped -> memos.add(new HashMap<>()));
        this.hits = new long[mapping.size()];
        this.misses = new long[mapping.size()];
    }

    Outcome normalize(long row, JsonValue[] values) {
        boolean blank = true;
        for (JsonValue value : values) {
            if (!empty(value)) {
                blank = false;
                break;
            }
        }
        if (blank) {
            return new Blank(row);
        }
        Violations violations = new Violations();
        Draft draft = new Draft();
        for (int i = 0; i < mapping.size(); i++) {
            Mapped mapped = mapping.get(i);
            JsonValue value = mapped.column() < values.length ? values[mapped.column()] : null;
            if (empty(value)) {
                continue;
            }
            if (value instanceof JsonString text && (misses[i] < MEMO_SIZE || hits[i] > misses[i])) {
                Memo memo = memos.get(i).get(text.getString());
                if (memo == null) {
                    misses[i]++;
                    Draft effect = new Draft();
                    Violations found = new Violations();
                    convert(mapped, value, effect, found);
                    memo = new Memo(effect, found.errors());
                    if (memos.get(i).size() < MEMO_SIZE) {
                        memos.get(i).put(text.getString(), memo);
                    }
                } else {
                    hits[i]++;
                }
                memo.errors().forEach(violations::add);
                draft.add(memo.effect());
            } else {
                convert(mapped, value, draft, violations);
            }
        }
        limit(draft.additionalEmails, Contacts.MAX_ADDITIONAL, "additional emails", violations);
        limit(draft.additionalPhones, Contacts.MAX_ADDITIONAL, "additional phones", violations);
        limit(draft.tags, Tags.MAX_PER_CONTACT, "tags", violations);
        if (violations.isEmpty() && draft.firstName == null && draft.lastName == null && draft.name == null
                && draft.email == null && draft.phone == null) {
            violations.add(FieldError.general("a contact needs at least one of firstName, lastName, name, email, phone; "
                    + "the row has none"));
        }
        if (!violations.isEmpty()) {
            return new Rejected(row, violations.errors().stream().map(FieldError::describe).collect(Collectors.joining("; ")));
        }
        List<String> additionalEmails = draft.additionalEmails.stream().filter(e -> !e.equals(draft.email)).distinct().toList();
        List<String> additionalPhones = draft.additionalPhones.stream().filter(p -> !p.equals(draft.phone)).distinct().toList();
        return new Good(new ImportedContact(row, draft.firstName, draft.lastName, draft.name, draft.email, additionalEmails,
                draft.phone, additionalPhones, draft.companyName, draft.address1, draft.city, draft.state, draft.postalCode,
                draft.country, draft.timezone, draft.website, draft.dateOfBirth, draft.source,
                draft.tags.stream().distinct().toList(), draft.dnd, customFields(draft), draft.createdAt));
    }

    private void convert(Mapped mapped, JsonValue value, Draft draft, Violations violations) {
        if (mapped.field() != null) {
            custom(mapped.field(), value, mapped.columnName(), draft, violations);
        } else {
            standard(mapped.target(), value, mapped.columnName(), draft, violations);
        }
    }

    private static JsonObject customFields(Draft draft) {
        JsonObjectBuilder custom = Json.createObjectBuilder();
        draft.customFields.forEach(custom::add);
        return custom.build();
    }

    @SuppressWarnings("checkstyle:CyclomaticComplexity")
    private void standard(ImportTarget target, JsonValue value, String at, Draft draft, Violations violations) {
        switch (target) {
            case FIRST_NAME -> draft.firstName = Texts.optional(text(value, at, violations), at, Contacts.MAX_NAME, violations);
            case LAST_NAME -> draft.lastName = Texts.optional(text(value, at, violations), at, Contacts.MAX_NAME, violations);
            case NAME -> draft.name = Texts.optional(text(value, at, violations), at, Contacts.MAX_FULL_NAME, violations);
            case EMAIL -> draft.email = Emails.normalize(text(value, at, violations), at, violations);
            case PHONE -> draft.phone = PhoneNumbers.normalize(text(value, at, violations), country, at, violations);
            case ADDITIONAL_EMAILS -> {
                for (String email : list(value, at, violations)) {
                    String normalized = Emails.normalize(email, at, violations);
                    if (normalized != null) {
                        draft.additionalEmails.add(normalized);
                    }
                }
            }
            case ADDITIONAL_PHONES -> {
                for (String phone : list(value, at, violations)) {
                    String normalized = PhoneNumbers.normalize(phone, country, at, violations);
                    if (normalized != null) {
                        draft.additionalPhones.add(normalized);
                    }
                }
            }
            case TAGS -> {
                for (String tag : list(value, at, violations)) {
                    draft.tags.add(Tags.normalize(tag, at, violations));
                }
            }
            case COMPANY_NAME -> draft.companyName = Texts.optional(text(value, at, violations), at, Contacts.MAX_COMPANY_NAME,
                    violations);
            case ADDRESS1 -> draft.address1 = Texts.optional(text(value, at, violations), at, Contacts.MAX_ADDRESS, violations);
            case CITY -> draft.city = Texts.optional(text(value, at, violations), at, Contacts.MAX_PLACE, violations);
            case STATE -> draft.state = Texts.optional(text(value, at, violations), at, Contacts.MAX_PLACE, violations);
            case POSTAL_CODE -> draft.postalCode = Texts.optional(text(value, at, violations), at, Contacts.MAX_POSTAL_CODE,
                    violations);
            case COUNTRY -> {
                String code = text(value, at, violations);
                if (code != null) {
                    code = code.strip().toUpperCase(Locale.ROOT);
                    if (PhoneNumbers.knownCountry(code)) {
                        draft.country = code;
                    } else {
                        violations.at(at, Texts.quote(code) + " is not an ISO 3166 country code such as US or GB");
                    }
                }
            }
            case TIMEZONE -> {
                String zone = text(value, at, violations);
                draft.timezone = zone == null ? null : LocationCrmSettings.checkTimezone(zone.strip(), at, violations);
            }
            case WEBSITE -> {
                String website = Texts.optional(text(value, at, violations), at, Contacts.MAX_WEBSITE, violations);
                if (website != null && !CustomFieldValues.isWebAddress(website.contains("://") ? website : "https://" + website)) {
                    violations.at(at, Texts.quote(website) + " is not a web address");
                } else {
                    draft.website = website;
                }
            }
            case DATE_OF_BIRTH -> {
                LocalDate born = date(value, at, violations);
                if (born != null && (born.isAfter(LocalDate.now(ZoneOffset.UTC)) || born.getYear() < 1800)) {
                    violations.at(at, "a date of birth is between 1800-01-01 and today");
                } else {
                    draft.dateOfBirth = born;
                }
            }
            case SOURCE -> draft.source = Texts.optional(text(value, at, violations), at, Contacts.MAX_SOURCE, violations);
            case DND -> draft.dnd = bool(value, at, violations);
            case CREATED_AT -> draft.createdAt = timestamp(value, at, violations);
            default -> throw new IllegalStateException(target.name());
        }
    }

    private void custom(CustomField field, JsonValue value, String at, Draft draft, Violations violations) {
        FieldType type = FieldType.fromApi(field.type()).orElseThrow();
        JsonValue typed = value;
        if (value instanceof JsonString text) {
            String cell = text.getString().strip();
            typed = switch (type) {
                case NUMBER, MONEY -> number(cell);
                case CHECKBOX -> {
                    Boolean flag = flag(cell);
                    yield flag == null ? value : flag ? JsonValue.TRUE : JsonValue.FALSE;
                }
                case DATE -> Json.createValue(dateText(cell));
                case MULTIPLE_OPTIONS -> options(field, cell);
                case LARGE_TEXT, TEXT -> value;
                default -> Json.createValue(cell);
            };
        } else if (type == FieldType.MULTIPLE_OPTIONS && value.getValueType() != JsonValue.ValueType.ARRAY) {
            typed = Json.createArrayBuilder().add(value).build();
        }
        JsonValue stored = CustomFieldValues.normalize(field, typed, country, at, violations);
        if (stored != null) {
            draft.customFields.put(field.id().toString(), stored);
        }
    }

    /** A number cell as a JSON number; one that is not a number stays text, for the field's own check to refuse. */
    private static JsonValue number(String cell) {
        try {
            return Json.createValue(new BigDecimal(cell));
        } catch (NumberFormatException e) {
            return Json.createValue(cell);
        }
    }

    /** The options of a cell: the whole cell when it is an option (one with a comma in it), else split at commas and semicolons. */
    private static JsonArray options(CustomField field, String cell) {
        JsonArrayBuilder chosen = Json.createArrayBuilder();
        if (field.options().contains(cell)) {
            return chosen.add(cell).build();
        }
        for (String option : LIST_SEPARATOR.split(cell)) {
            if (!option.isEmpty()) {
                chosen.add(option);
            }
        }
        return chosen.build();
    }

    private static String text(JsonValue value, String at, Violations violations) {
        if (value instanceof JsonString text) {
            return text.getString();
        }
        if (value instanceof JsonNumber || value.getValueType() == JsonValue.ValueType.TRUE
                || value.getValueType() == JsonValue.ValueType.FALSE) {
            return value.toString();
        }
        violations.at(at, "a text value, not " + value.getValueType().name().toLowerCase(Locale.ROOT));
        return null;
    }

    private static List<String> list(JsonValue value, String at, Violations violations) {
        List<String> items = new ArrayList<>();
        if (value instanceof JsonArray array) {
            for (JsonValue item : array) {
                String text = text(item, at, violations);
                if (text != null && !text.isBlank()) {
                    items.add(text.strip());
                }
            }
        } else {
            String text = text(value, at, violations);
            if (text != null) {
                for (String item : LIST_SEPARATOR.split(text.strip())) {
                    if (!item.isEmpty()) {
                        items.add(item);
                    }
                }
            }
        }
        return items;
    }

    private static void limit(List<String> items, int max, String what, Violations violations) {
        if (items.size() > max && items.stream().distinct().count() > max) {
            violations.add(FieldError.general("a contact has at most " + max + " " + what));
        }
    }

    private static Boolean bool(JsonValue value, String at, Violations violations) {
        if (value.getValueType() == JsonValue.ValueType.TRUE) {
            return true;
        }
        if (value.getValueType() == JsonValue.ValueType.FALSE) {
            return false;
        }
        Boolean flag = value instanceof JsonString text ? flag(text.getString()) : null;
        if (flag == null) {
            violations.at(at, "true or false (yes or no, 1 or 0), not " + Texts.quote(value instanceof JsonString text
                    ? text.getString() : value.toString()));
        }
        return flag;
    }

    private static Boolean flag(String cell) {
        String word = cell.strip().toLowerCase(Locale.ROOT);
        return TRUE.contains(word) ? Boolean.TRUE : FALSE.contains(word) ? Boolean.FALSE : null;
    }

    /** A date cell as {@code YYYY-MM-DD}: a date, or the date of a date and time; anything else as it is, to be refused. */
    private static String dateText(String cell) {
        try {
            return LocalDate.parse(cell).toString();
        } catch (DateTimeParseException e) {
            OffsetDateTime time = parseTimestamp(cell);
            return time == null ? cell : time.toLocalDate().toString();
        }
    }

    private static LocalDate date(JsonValue value, String at, Violations violations) {
        String text = text(value, at, violations);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(dateText(text.strip()));
        } catch (DateTimeParseException e) {
            violations.at(at, Texts.quote(text) + " is not a date like 1990-04-21");
            return null;
        }
    }

    private static OffsetDateTime timestamp(JsonValue value, String at, Violations violations) {
        String text = text(value, at, violations);
        if (text == null) {
            return null;
        }
        OffsetDateTime time = parseTimestamp(text.strip());
        if (time == null || time.getYear() < 1970 || time.isAfter(OffsetDateTime.now(ZoneOffset.UTC).plusDays(1))) {
            violations.at(at, Texts.quote(text) + " is not a time from 1970 to now like 2024-05-01T09:30:00Z, "
                    + "2024-05-01 09:30 (UTC) or 2024-05-01");
            return null;
        }
        return time;
    }

    /** ISO 8601 with an offset, a date and time without one (UTC), or a date (its start, UTC); null otherwise. */
    static OffsetDateTime parseTimestamp(String text) {
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            // next form
        }
        try {
            return LocalDateTime.parse(text).atOffset(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            // next form
        }
        try {
            return LocalDateTime.parse(text, SPACED).atOffset(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            // next form
        }
        try {
            return LocalDate.parse(text).atStartOfDay().atOffset(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static boolean empty(JsonValue value) {
        return value == null || value.getValueType() == JsonValue.ValueType.NULL
                || value instanceof JsonString text && text.getString().isBlank()
                || value instanceof JsonArray array && array.isEmpty();
    }

    /** The row's fields as they are read. */
    private static final class Draft {
        String firstName;
        String lastName;
        String name;
        String email;
        final List<String> additionalEmails = new ArrayList<>();
        String phone;
        final List<String> additionalPhones = new ArrayList<>();
        String companyName;
        String address1;
        String city;
        String state;
        String postalCode;
        String country;
        String timezone;
        String website;
        LocalDate dateOfBirth;
        String source;
        final List<String> tags = new ArrayList<>();
        Boolean dnd;
        final Map<String, JsonValue> customFields = new LinkedHashMap<>();
        OffsetDateTime createdAt;

        /** Takes what {@code other} (a column's values) gives: its fields set, its list items added. */
        void add(Draft other) {
            firstName = other.firstName != null ? other.firstName : firstName;
            lastName = other.lastName != null ? other.lastName : lastName;
            name = other.name != null ? other.name : name;
            email = other.email != null ? other.email : email;
            additionalEmails.addAll(other.additionalEmails);
            phone = other.phone != null ? other.phone : phone;
            additionalPhones.addAll(other.additionalPhones);
            companyName = other.companyName != null ? other.companyName : companyName;
            address1 = other.address1 != null ? other.address1 : address1;
            city = other.city != null ? other.city : city;
            state = other.state != null ? other.state : state;
            postalCode = other.postalCode != null ? other.postalCode : postalCode;
            country = other.country != null ? other.country : country;
            timezone = other.timezone != null ? other.timezone : timezone;
            website = other.website != null ? other.website : website;
            dateOfBirth = other.dateOfBirth != null ? other.dateOfBirth : dateOfBirth;
            source = other.source != null ? other.source : source;
            tags.addAll(other.tags);
            dnd = other.dnd != null ? other.dnd : dnd;
            customFields.putAll(other.customFields);
            createdAt = other.createdAt != null ? other.createdAt : createdAt;
        }
    }
}
