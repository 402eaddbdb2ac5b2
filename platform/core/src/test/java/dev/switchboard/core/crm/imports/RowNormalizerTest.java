package dev.switchboard.core.crm.imports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.crm.contacts.ImportedContact;
import dev.switchboard.core.crm.fields.CustomField;
import dev.switchboard.core.json.Json;
import jakarta.json.JsonValue;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RowNormalizerTest {

    private static final CustomField PLAN = field("plan", "singleOption", List.of("gold", "silver"));
    private static final CustomField SEATS = field("seats", "number", List.of());
    private static final CustomField BUDGET = field("budget", "money", List.of());
    private static final CustomField RENEWS = field("renews", "date", List.of());
    private static final CustomField OPT_IN = field("opt_in", "checkbox", List.of());
    private static final CustomField CHANNELS = field("channels", "multipleOptions", List.of("email", "sms", "a, b"));
    private static final List<String> COLUMNS = List.of("First Name", "Last Name", "Email", "Phone", "Tags", "More Tags",
            "Plan", "Seats", "Budget", "Renews", "Opt in", "Channels", "DND", "Created", "Birthday", "Country");
    private static final RowNormalizer NORMALIZER = new RowNormalizer(List.of(
            standard(0, ImportTarget.FIRST_NAME), standard(1, ImportTarget.LAST_NAME), standard(2, ImportTarget.EMAIL),
            standard(3, ImportTarget.PHONE), standard(4, ImportTarget.TAGS), standard(5, ImportTarget.TAGS),
            custom(6, PLAN), custom(7, SEATS), custom(8, BUDGET), custom(9, RENEWS), custom(10, OPT_IN), custom(11, CHANNELS),
            standard(12, ImportTarget.DND), standard(13, ImportTarget.CREATED_AT), standard(14, ImportTarget.DATE_OF_BIRTH),
            standard(15, ImportTarget.COUNTRY)), "US");

    @Test
    void aRowIsNormalisedAsTheContactApiWouldWithItsCellsReadByType() {
        ImportedContact contact = good(row("Ada", "Lovelace", " Ada@Example.COM ", "(415) 555-0101", "Lead, VIP", "vip;newsletter",
                "gold", "12.5", "99.9", "2026-11-26T10:00:00Z", "yes", "email, sms", "no", "2024-01-02 10:30", "1815-12-10", "gb"));

        assertThat(contact.row()).isEqualTo(7);
        assertThat(contact.firstName()).isEqualTo("Ada");
        assertThat(contact.name()).isNull();
        assertThat(contact.email()).isEqualTo("ada@example.com");
        assertThat(contact.phone()).isEqualTo("+14155550101");
        assertThat(contact.tags()).containsExactly("lead", "vip", "newsletter");
        assertThat(contact.customFields().get(PLAN.id().toString())).isEqualTo(Json.createValue("gold"));
        assertThat(contact.customFields().get(SEATS.id().toString()).toString()).isEqualTo("12.5");
        assertThat(contact.customFields().get(BUDGET.id().toString()).toString()).isEqualTo("99.90");
        assertThat(contact.customFields().get(RENEWS.id().toString())).isEqualTo(Json.createValue("2026-11-26"));
        assertThat(contact.customFields().get(OPT_IN.id().toString())).isEqualTo(JsonValue.TRUE);
        assertThat(contact.customFields().get(CHANNELS.id().toString()).toString()).isEqualTo("[\"email\",\"sms\"]");
        assertThat(contact.dnd()).isFalse();
        assertThat(contact.createdAt()).isEqualTo(OffsetDateTime.parse("2024-01-02T10:30:00Z"));
        assertThat(contact.dateOfBirth()).isEqualTo(LocalDate.parse("1815-12-10"));
        assertThat(contact.country()).isEqualTo("GB");
    }

    @Test
    void anOptionWithACommaInItIsTakenWhole() {
        ImportedContact contact = good(row("Ada", "", "", "", "", "", "", "", "", "", "", "a, b", "", "", "", ""));
        assertThat(contact.customFields().get(CHANNELS.id().toString()).toString()).isEqualTo("[\"a, b\"]");
    }

    @Test
    void everyWrongCellIsNamedByItsColumn() {
        RowNormalizer.Outcome outcome = NORMALIZER.normalize(9, row("Ada", "", "not-an-email", "123", "bad!tag", "", "platinum",
                "many", "1.234", "soon", "perhaps", "fax", "maybe", "yesterday", "2999-01-01", "Narnia"));

        assertThat(outcome).isInstanceOfSatisfying(RowNormalizer.Rejected.class, rejected -> {
            assertThat(rejected.row()).isEqualTo(9);
            assertThat(rejected.reason()).contains("Email: 'not-an-email' is not an email address")
                    .contains("Phone: '123' is not a valid phone number").contains("Tags: 'bad!tag'")
                    .contains("Plan: 'plan': 'platinum' is not one of its options").contains("Seats: 'seats' is a number field")
                    .contains("Budget: 'budget' is a money field: at most two decimal places").contains("Renews:")
                    .contains("Opt in:").contains("Channels").contains("DND: true or false").contains("Created:")
                    .contains("Birthday: a date of birth is between 1800-01-01 and today").contains("Country: 'NARNIA'");
        });
    }

    @Test
    void aRowWithoutNameEmailOrPhoneIsRefusedAndAnEmptyOneIsPassedOver() {
        assertThat(NORMALIZER.normalize(3, row("", "", "", "", "lead", "", "", "", "", "", "", "", "", "", "", "")))
                .isInstanceOfSatisfying(RowNormalizer.Rejected.class, rejected ->
                        assertThat(rejected.reason()).contains("a contact needs at least one of"));
        assertThat(NORMALIZER.normalize(4, new JsonValue[COLUMNS.size()])).isInstanceOf(RowNormalizer.Blank.class);
    }

    @Test
    void jsonLinesValuesMayBeTyped() {
        JsonValue[] values = new JsonValue[COLUMNS.size()];
        values[0] = Json.createValue("Grace");
        values[4] = Json.createArrayBuilder().add("Lead").add("lead").build();
        values[7] = Json.createValue(3);
        values[10] = JsonValue.FALSE;
        values[11] = Json.createArrayBuilder().add("sms").build();
        values[12] = JsonValue.TRUE;
        RowNormalizer.Outcome outcome = NORMALIZER.normalize(1, values);
        assertThat(outcome).isInstanceOfSatisfying(RowNormalizer.Good.class, good -> {
            assertThat(good.contact().tags()).containsExactly("lead");
            assertThat(good.contact().customFields().get(SEATS.id().toString()).toString()).isEqualTo("3");
            assertThat(good.contact().customFields().get(OPT_IN.id().toString())).isEqualTo(JsonValue.FALSE);
            assertThat(good.contact().dnd()).isTrue();
        });
    }

    private static ImportedContact good(JsonValue[] values) {
        RowNormalizer.Outcome outcome = NORMALIZER.normalize(7, values);
        assertThat(outcome).as(outcome.toString()).isInstanceOf(RowNormalizer.Good.class);
        return ((RowNormalizer.Good) outcome).contact();
    }

    private static JsonValue[] row(String... cells) {
        List<JsonValue> values = new ArrayList<>();
        for (String cell : cells) {
            values.add(cell.isEmpty() ? null : Json.createValue(cell));
        }
        return values.toArray(JsonValue[]::new);
    }

    private static RowNormalizer.Mapped standard(int column, ImportTarget target) {
        return new RowNormalizer.Mapped(column, COLUMNS.get(column), target, null);
    }

    private static RowNormalizer.Mapped custom(int column, CustomField field) {
        return new RowNormalizer.Mapped(column, COLUMNS.get(column), null, field);
    }

    private static CustomField field(String key, String type, List<String> options) {
        return new CustomField(UUID.randomUUID(), "contact", key, key, type, options, false, null, null, 0, null, null);
    }
}
