package dev.switchboard.acceptance.crm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.acceptance.support.Problems;
import dev.switchboard.testkit.ApiClient.Response;
import dev.switchboard.testkit.ApiClient;
import dev.switchboard.testkit.PlatformExtension;
import dev.switchboard.testkit.TestLocation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Contacts through the API: every field, merge patch, search, paging, soft delete, duplicates and bad input. */
@ExtendWith(PlatformExtension.class)
class ContactsApiIT {

    @Test
    void aContactKeepsEveryFieldNormalised(TestLocation location) {
        ApiClient api = location.api();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("firstName", "Ada");
        body.put("lastName", "Lovelace");
        body.put("email", " Ada@Example.COM ");
        body.put("additionalEmails", List.of("ada@engines.test", "ADA@example.com"));
        body.put("phone", "(415) 555-0123");
        body.put("additionalPhones", List.of("+44 20 7946 0958"));
        body.put("companyName", "Analytical Engines");
        body.put("address1", "12 St James's Square");
        body.put("city", "London");
        body.put("postalCode", "SW1Y 4JH");
        body.put("country", "gb");
        body.put("timezone", "Europe/London");
        body.put("website", "https://engines.test");
        body.put("dateOfBirth", "1815-12-10");
        body.put("source", "webinar");
        body.put("tags", List.of("Lead", "webinar", "lead"));
        body.put("dndSettings", Map.of("sms", true));
        Response created = api.postJson(location.path("contacts"), body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode contact = created.json();
        assertThat(contact.get("name").asText()).isEqualTo("Ada Lovelace");
        assertThat(contact.get("email").asText()).isEqualTo("ada@example.com");
        assertThat(contact.get("additionalEmails")).extracting(JsonNode::asText).containsExactly("ada@engines.test");
        assertThat(contact.get("phone").asText()).isEqualTo("+14155550123");
        assertThat(contact.get("additionalPhones")).extracting(JsonNode::asText).containsExactly("+442079460958");
        assertThat(contact.get("country").asText()).isEqualTo("GB");
        assertThat(contact.get("dateOfBirth").asText()).isEqualTo("1815-12-10");
        assertThat(contact.get("tags")).extracting(JsonNode::asText).containsExactly("lead", "webinar");
        assertThat(contact.get("dnd").asBoolean()).isFalse();
        assertThat(contact.get("dndSettings").get("sms").asBoolean()).isTrue();
        assertThat(contact.get("dndSettings").get("email").asBoolean()).isFalse();
        assertThat(contact.get("createdAt").asText()).isNotBlank();

        JsonNode read = api.get(location.path("contacts/" + contact.get("id").asText())).json();
        assertThat(read).isEqualTo(contact);
    }

    @Test
    void aMergePatchSetsClearsAndKeepsAndHistoryNamesWhoChangedWhat(TestLocation location) {
        ApiClient api = location.api();
        String id = create(api, location, Map.of("firstName", "Grace", "lastName", "Hopper", "email", "grace@navy.test",
                "city", "Arlington", "tags", List.of("navy")));
        Map<String, Object> patch = new LinkedHashMap<>();
        patch.put("lastName", "Murray Hopper");
        patch.put("city", null);
        patch.put("phone", "+1 202 555 0147");
        Response patched = api.patchJson(location.path("contacts/" + id), patch);
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        JsonNode contact = patched.json();
        assertThat(contact.get("name").asText()).isEqualTo("Grace Murray Hopper");
        assertThat(contact.has("city")).isFalse();
        assertThat(contact.get("email").asText()).isEqualTo("grace@navy.test");
        assertThat(contact.get("phone").asText()).isEqualTo("+12025550147");
        assertThat(contact.get("tags")).extracting(JsonNode::asText).containsExactly("navy");

        JsonNode history = api.get(location.path("contacts/" + id + "/timeline")).json().get("items");
        List<String> fields = new ArrayList<>();
        history.forEach(item -> {
            if ("change".equals(item.get("kind").asText())) {
                fields.add(item.get("field").asText());
                assertThat(item.get("actorType").asText()).isEqualTo("USER");
            }
        });
        assertThat(fields).contains("lastName", "name", "city", "phone", "created");
        JsonNode cityChange = find(history, "city");
        assertThat(cityChange.get("before").asText()).isEqualTo("Arlington");
        assertThat(cityChange.hasNonNull("after")).isFalse();
    }

    @Test
    void searchFiltersSortsAndPagesWithoutLosingOrRepeatingAContact(TestLocation location) {
        ApiClient api = location.api();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ids.add(create(api, location, Map.of("firstName", "Page" + i, "lastName", "Turner",
                    "email", "page" + i + "@books.test", "tags", i % 2 == 0 ? List.of("even", "book") : List.of("book"))));
        }
        String special = create(api, location, Map.of("firstName", "Zelda", "email", "zelda@castle.test",
                "phone", "415-555-0199", "companyName", "Hyrule Holdings"));

        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = api.get(location.path("contacts?tag=book&limit=5&sort=name&order=asc"
                    + (cursor == null ? "" : "&cursor=" + cursor))).json();
            page.get("items").forEach(item -> seen.add(item.get("id").asText()));
            cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asText() : null;
        } while (cursor != null);
        assertThat(seen).containsExactlyInAnyOrderElementsOf(ids).doesNotHaveDuplicates();

        assertThat(ids(api.get(location.path("contacts?tag=even&tag=book")))).hasSize(6);
        assertThat(ids(api.get(location.path("contacts?query=zel")))).containsExactly(special);
        assertThat(ids(api.get(location.path("contacts?query=castle")))).containsExactly(special);
        assertThat(ids(api.get(location.path("contacts?query=4155550199")))).containsExactly(special);
        assertThat(ids(api.get(location.path("contacts?query=(415)%20555-0199")))).containsExactly(special);
        assertThat(ids(api.get(location.path("contacts?query=hyrule")))).containsExactly(special);
        assertThat(ids(api.get(location.path("contacts?query=page3%40books.test")))).containsExactly(ids.get(3));

        Problems.assertProblem(api.get(location.path("contacts?cursor=bm9wZQ")), 400, "cursor");
        Problems.assertProblem(api.get(location.path("contacts?sort=shoeSize")), 400, "sort");
        Problems.assertProblem(api.get(location.path("contacts?query=" + "x".repeat(300))), 400, "query");
        // search text never becomes query syntax
        assertThat(api.get(location.path("contacts?query=a%27%20%7C%20!b%20%26%20(c")).status()).isEqualTo(200);
    }

    @Test
    void aDeletedContactLeavesTheListsAndCanBeRestored(TestLocation location) {
        ApiClient api = location.api();
        String id = create(api, location, Map.of("firstName", "Temporary", "email", "temp@trash.test"));
        assertThat(api.delete(location.path("contacts/" + id)).status()).isEqualTo(204);
        assertThat(ids(api.get(location.path("contacts?query=temporary")))).isEmpty();
        assertThat(ids(api.get(location.path("contacts?deleted=true")))).contains(id);
        assertThat(api.get(location.path("contacts/" + id)).json().get("deletedAt").asText()).isNotBlank();
        Problems.assertProblem(api.patchJson(location.path("contacts/" + id), Map.of("city", "Nowhere")), 404, "contact");

        Response restored = api.postJson(location.path("contacts/" + id + "/restore"), Map.of());
        assertThat(restored.status()).as(restored.body()).isEqualTo(200);
        assertThat(restored.json().has("deletedAt")).isFalse();
        assertThat(ids(api.get(location.path("contacts?query=temporary")))).containsExactly(id);
    }

    @Test
    void theDuplicatePolicyTurnsASecondCreateIntoAnUpdate(TestLocation location) {
        ApiClient api = location.api();
        assertThat(api.patchJson(location.path("crm-settings"), Map.of("duplicatePolicy", "emailOrPhone")).status()).isEqualTo(200);
        String first = create(api, location, Map.of("firstName", "Linus", "email", "linus@kernel.test", "tags", List.of("a")));
        Response again = api.postJson(location.path("contacts"), Map.of("email", "LINUS@kernel.test", "city", "Portland",
                "tags", List.of("b")));
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().get("id").asText()).isEqualTo(first);
        assertThat(again.json().get("firstName").asText()).isEqualTo("Linus");
        assertThat(again.json().get("city").asText()).isEqualTo("Portland");
        assertThat(again.json().get("tags")).extracting(JsonNode::asText).containsExactly("a", "b");

        String byPhone = create(api, location, Map.of("firstName", "Margaret", "phone", "+1 617 555 0100"));
        Response samePhone = api.postJson(location.path("contacts"), Map.of("firstName", "Maggie", "phone", "617-555-0100"));
        assertThat(samePhone.status()).isEqualTo(200);
        assertThat(samePhone.json().get("id").asText()).isEqualTo(byPhone);

        // changing a contact's email to another contact's is refused rather than making a duplicate
        Problems.assertProblem(api.patchJson(location.path("contacts/" + byPhone), Map.of("email", "linus@kernel.test")),
                409, "merge");
        assertThat(api.patchJson(location.path("crm-settings"), Map.of("duplicatePolicy", "none")).status()).isEqualTo(200);
        assertThat(api.postJson(location.path("contacts"), Map.of("email", "linus@kernel.test")).status()).isEqualTo(201);
    }

    @Test
    void aMergeKeepsThePrimaryAndLosesNothingOfTheDuplicate(TestLocation location) {
        ApiClient api = location.api();
        CustomFieldsApiIT.field(api, location, Map.of("key", "plan", "name", "Plan", "type", "text"));
        CustomFieldsApiIT.field(api, location, Map.of("key", "seats", "name", "Seats", "type", "number"));
        String primary = create(api, location, Map.of("firstName", "Ada", "email", "ada@first.test", "tags", List.of("x"),
                "customFields", Map.of("plan", "gold")));
        String duplicate = create(api, location, Map.of("firstName", "Augusta", "lastName", "King", "email", "ada@second.test",
                "phone", "+1 415 555 0111", "city", "London", "tags", List.of("y", "x"),
                "customFields", Map.of("plan", "silver", "seats", 4)));
        assertThat(api.patchJson(location.path("contacts/" + duplicate), Map.of("source", "import")).status()).isEqualTo(200);

        Response merged = api.postJson(location.path("contacts/" + primary + "/merge"), Map.of("duplicateId", duplicate));
        assertThat(merged.status()).as(merged.body()).isEqualTo(200);
        assertThat(merged.json().get("moved").get("tags")).extracting(JsonNode::asText).containsExactly("y");
        assertThat(merged.json().get("moved").get("customValues").asInt()).isEqualTo(1);

        JsonNode contact = api.get(location.path("contacts/" + primary)).json();
        assertThat(contact.get("firstName").asText()).isEqualTo("Ada");
        assertThat(contact.get("lastName").asText()).isEqualTo("King");
        assertThat(contact.get("email").asText()).isEqualTo("ada@first.test");
        assertThat(contact.get("additionalEmails")).extracting(JsonNode::asText).containsExactly("ada@second.test");
        assertThat(contact.get("phone").asText()).isEqualTo("+14155550111");
        assertThat(contact.get("city").asText()).isEqualTo("London");
        assertThat(contact.get("source").asText()).isEqualTo("import");
        assertThat(contact.get("tags")).extracting(JsonNode::asText).containsExactly("x", "y");
        assertThat(contact.get("customFields").get("plan").asText()).isEqualTo("gold");
        assertThat(contact.get("customFields").get("seats").asInt()).isEqualTo(4);

        JsonNode gone = api.get(location.path("contacts/" + duplicate)).json();
        assertThat(gone.get("deletedAt").asText()).isNotBlank();
        Problems.assertProblem(api.postJson(location.path("contacts/" + duplicate + "/restore"), Map.of()), 409, "merged");
        assertThat(api.get(location.path("contacts/" + primary + "/merges")).json()).hasSize(1);
        JsonNode timeline = api.get(location.path("contacts/" + primary + "/timeline")).json().get("items");
        assertThat(timeline).anySatisfy(item -> {
            assertThat(item.get("kind").asText()).isEqualTo("merge");
            assertThat(item.get("refId").asText()).isEqualTo(duplicate);
        });
        assertThat(timeline).as("the duplicate's history moved with it").anySatisfy(item -> {
            assertThat(item.path("field").asText()).isEqualTo("source");
            assertThat(item.path("refId").asText()).isEqualTo(duplicate);
        });

        Problems.assertFieldError(api.postJson(location.path("contacts/" + primary + "/merge"), Map.of("duplicateId", primary)),
                "/duplicateId", "itself");
        Problems.assertFieldError(api.postJson(location.path("contacts/" + primary + "/merge"), Map.of("duplicateId", duplicate)),
                "/duplicateId", "no contact");
        Problems.assertFieldError(api.postJson(location.path("contacts/" + primary + "/merge"), Map.of("duplicateId", "nope")),
                "/duplicateId", "contact id");
    }

    @Test
    void concurrentChangesOfOneContactAreEitherAppliedOrRefusedNeverLost(TestLocation location) throws Exception {
        ApiClient api = location.api();
        String id = create(api, location, Map.of("firstName", "Contended"));
        List<String> fields = List.of("city", "state", "source", "address1", "postalCode", "companyName", "lastName", "website");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(fields.size());
        Map<String, java.util.concurrent.Future<Response>> answers = new LinkedHashMap<>();
        for (String field : fields) {
            String value = field.equals("website") ? "https://contended.test" : "v-" + field;
            answers.put(field, pool.submit(() -> api.patchJson(location.path("contacts/" + id), Map.of(field, value))));
        }
        pool.shutdown();
        Map<String, Response> responses = new LinkedHashMap<>();
        for (Map.Entry<String, java.util.concurrent.Future<Response>> answer : answers.entrySet()) {
            responses.put(answer.getKey(), answer.getValue().get());
        }
        JsonNode contact = api.get(location.path("contacts/" + id)).json();
        int applied = 0;
        for (Map.Entry<String, Response> answer : responses.entrySet()) {
            Response response = answer.getValue();
            assertThat(response.status()).as(response.body()).isIn(200, 409);
            if (response.status() == 200) {
                applied++;
                assertThat(contact.has(answer.getKey())).as("an applied change is kept: " + answer.getKey()).isTrue();
            } else {
                Problems.assertProblem(response, 409, "retry");
            }
        }
        assertThat(applied).isPositive();
    }

    @Test
    void badInputIsAProblemNamingTheFieldAndNothingIsWritten(TestLocation location) {
        ApiClient api = location.api();
        String contacts = location.path("contacts");
        Problems.assertFieldError(api.postJson(contacts, Map.of("email", "not-an-email")), "/email", "not an email");
        Problems.assertFieldError(api.postJson(contacts, Map.of("firstName", "X", "phone", "12")), "/phone", "phone");
        Problems.assertFieldError(api.postJson(contacts, Map.of("firstName", "X", "additionalPhones", List.of("+14155550123", "abc"))),
                "/additionalPhones/1", "phone");
        Problems.assertFieldError(api.postJson(contacts, Map.of("firstName", "X", "timezone", "Mars/Olympus")), "/timezone", "time zone");
        Problems.assertFieldError(api.postJson(contacts, Map.of("firstName", "X", "country", "XX")), "/country", "country");
        Problems.assertFieldError(api.postJson(contacts, Map.of("firstName", "X", "dateOfBirth", "tomorrow")), "/dateOfBirth", "date");
        Problems.assertFieldError(api.postJson(contacts, Map.of("firstName", "X", "dateOfBirth", "2999-01-01")), "/dateOfBirth", "today");
        Problems.assertFieldError(api.postJson(contacts, Map.of("firstName", 42)), "/firstName", "string");
        Problems.assertFieldError(api.postJson(contacts, Map.of("firstName", "X", "shoeSize", 42)), "/shoeSize", "unknown field");
        Problems.assertFieldError(api.postJson(contacts, Map.of("firstName", "X", "customFields", Map.of("nope", 1))),
                "/customFields/nope", "unknown custom field");
        Problems.assertFieldError(api.postJson(contacts, Map.of("firstName", "x".repeat(201))), "/firstName", "longer than 200");
        Problems.assertFieldError(api.postJson(contacts, Map.of("firstName", "X", "assignedTo", UUID.randomUUID().toString())),
                "/assignedTo", "no user");
        Problems.assertFieldError(api.postJson(contacts, Map.of("firstName", "X", "companyId", UUID.randomUUID().toString())),
                "/companyId", "no company");
        Problems.assertFieldError(api.postJson(contacts, Map.of("firstName", "X", "createdAt", "2020-01-01T00:00:00Z")),
                "/createdAt", "cannot be written");
        Problems.assertProblem(api.postJson(contacts, Map.of()), 400, "at least one");
        Problems.assertProblem(api.post(contacts, "application/json", "[1]".getBytes(StandardCharsets.UTF_8)), 400, "");
        Problems.assertProblem(api.get(location.path("contacts/" + UUID.randomUUID())), 404, "contact");

        String id = create(api, location, Map.of("firstName", "Stable", "email", "stable@example.test"));
        Problems.assertFieldError(api.patchJson(location.path("contacts/" + id), Map.of("city", "Paris", "email", "broken")),
                "/email", "not an email");
        JsonNode unchanged = api.get(location.path("contacts/" + id)).json();
        assertThat(unchanged.has("city")).isFalse();
        assertThat(unchanged.get("email").asText()).isEqualTo("stable@example.test");
        assertThat(ids(api.get(location.path("contacts?query=broken")))).isEmpty();
    }

    static String create(ApiClient api, TestLocation location, Map<String, ?> body) {
        Response created = api.postJson(location.path("contacts"), body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    static List<String> ids(Response page) {
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        page.json().get("items").forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }

    private static JsonNode find(JsonNode history, String field) {
        for (JsonNode item : history) {
            if ("change".equals(item.get("kind").asText()) && field.equals(item.get("field").asText())) {
                return item;
            }
        }
        throw new AssertionError("no change of " + field + " in " + history);
    }
}
