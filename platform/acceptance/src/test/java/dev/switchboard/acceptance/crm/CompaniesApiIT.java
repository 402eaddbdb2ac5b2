package dev.switchboard.acceptance.crm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.acceptance.support.Problems;
import dev.switchboard.testkit.ApiClient;
import dev.switchboard.testkit.ApiClient.Response;
import dev.switchboard.testkit.PlatformExtension;
import dev.switchboard.testkit.TestLocation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Companies through the API: normalised fields, merge patch, name search and paging, linked contacts, bad input. */
@ExtendWith(PlatformExtension.class)
class CompaniesApiIT {

    @Test
    void aCompanyKeepsEveryFieldNormalised(TestLocation location) {
        ApiClient api = location.api();
        employeesField(location);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "  Analytical Engines Ltd ");
        body.put("domain", "https://Engines.EXAMPLE/about");
        body.put("phone", "(415) 555-0123");
        body.put("email", " Hello@Engines.example ");
        body.put("website", "engines.example/home");
        body.put("address1", "12 St James's Square");
        body.put("city", "London");
        body.put("state", "Greater London");
        body.put("postalCode", "SW1Y 4JH");
        body.put("country", "gb");
        body.put("customFields", Map.of("employees", 40));
        Response created = api.postJson(location.path("companies"), body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode company = created.json();
        assertThat(company.get("name").asText()).isEqualTo("Analytical Engines Ltd");
        assertThat(company.get("domain").asText()).isEqualTo("engines.example");
        assertThat(company.get("phone").asText()).isEqualTo("+14155550123");
        assertThat(company.get("email").asText()).isEqualTo("hello@engines.example");
        assertThat(company.get("website").asText()).isEqualTo("engines.example/home");
        assertThat(company.get("country").asText()).isEqualTo("GB");
        assertThat(company.get("customFields").get("employees").asInt()).isEqualTo(40);
        assertThat(company.get("contactCount").asLong()).isZero();
        assertThat(company.get("locationId").asText()).isEqualTo(location.id());
        assertThat(company.get("createdAt").asText()).isNotBlank();

        assertThat(api.get(location.path("companies/" + company.get("id").asText())).json()).isEqualTo(company);
    }

    @Test
    void aMergePatchSetsClearsAndKeeps(TestLocation location) {
        ApiClient api = location.api();
        employeesField(location);
        String id = create(api, location, Map.of("name", "Babbage & Co", "city", "London", "domain", "babbage.example",
                "customFields", Map.of("employees", 3)));
        Map<String, Object> patch = new HashMap<>();
        patch.put("city", null);
        patch.put("phone", "+44 20 7946 0958");
        patch.put("customFields", Map.of("employees", 4));
        Response patched = api.patchJson(location.path("companies/" + id), patch);
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        JsonNode company = patched.json();
        assertThat(company.has("city")).isFalse();
        assertThat(company.get("phone").asText()).isEqualTo("+442079460958");
        assertThat(company.get("name").asText()).isEqualTo("Babbage & Co");
        assertThat(company.get("domain").asText()).isEqualTo("babbage.example");
        assertThat(company.get("customFields").get("employees").asInt()).isEqualTo(4);

        Map<String, Object> clear = new HashMap<>();
        clear.put("customFields", null);
        assertThat(api.patchJson(location.path("companies/" + id), clear).json().get("customFields").isEmpty()).isTrue();

        Map<String, Object> noName = new HashMap<>();
        noName.put("name", null);
        Problems.assertFieldError(api.patchJson(location.path("companies/" + id), noName), "/name", "required");
        Problems.assertFieldError(api.patchJson(location.path("companies/" + id), Map.of("city", "Paris", "email", "broken")),
                "/email", "not an email");
        JsonNode unchanged = api.get(location.path("companies/" + id)).json();
        assertThat(unchanged.get("name").asText()).isEqualTo("Babbage & Co");
        assertThat(unchanged.has("city")).isFalse();
    }

    @Test
    void companiesAreListedByNameAndFoundByTheStartOfIt(TestLocation location) {
        ApiClient api = location.api();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            ids.add(create(api, location, Map.of("name", "Listed " + i + " Books")));
        }
        String zeta = create(api, location, Map.of("name", "Zeta Holdings"));
        String zebra = create(api, location, Map.of("name", "zebra%_co"));

        List<String> seen = new ArrayList<>();
        List<String> names = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = ok(api.get(location.path("companies?query=listed&limit=3" + (cursor == null ? "" : "&cursor=" + cursor))));
            page.get("items").forEach(item -> {
                seen.add(item.get("id").asText());
                names.add(item.get("name").asText());
            });
            cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asText() : null;
        } while (cursor != null);
        assertThat(seen).containsExactlyElementsOf(ids);
        assertThat(names).isSorted();

        assertThat(ids(api.get(location.path("companies?query=zE")))).containsExactly(zebra, zeta);
        assertThat(ids(api.get(location.path("companies?query=zebra%25")))).containsExactly(zebra);
        assertThat(ids(api.get(location.path("companies?query=%25")))).isEmpty();
        assertThat(ids(api.get(location.path("companies?query=zebra%25_")))).containsExactly(zebra);

        Problems.assertProblem(api.get(location.path("companies?query=" + "x".repeat(201))), 400, "query");
        Problems.assertProblem(api.get(location.path("companies?cursor=bm9wZQ")), 400, "cursor");
        Problems.assertProblem(api.get(location.path("companies?limit=0")), 400, "limit");
    }

    @Test
    void contactsLinkToACompanyAndKeepItsNameWhenItIsDeleted(TestLocation location) {
        ApiClient api = location.api();
        String analytical = create(api, location, Map.of("name", "Analytical Engines"));
        String difference = create(api, location, Map.of("name", "Difference Engines"));

        JsonNode ada = contact(api, location, Map.of("firstName", "Ada", "companyId", analytical));
        assertThat(ada.get("companyName").asText()).as("taken from the company").isEqualTo("Analytical Engines");
        JsonNode charles = contact(api, location, Map.of("firstName", "Charles", "companyId", analytical,
                "companyName", "AE (London)"));
        assertThat(charles.get("companyName").asText()).as("its own").isEqualTo("AE (London)");
        JsonNode mary = contact(api, location, Map.of("firstName", "Mary"));
        String maryId = mary.get("id").asText();
        assertThat(ok(api.patchJson(location.path("contacts/" + maryId), Map.of("companyId", analytical)))
                .get("companyName").asText()).isEqualTo("Analytical Engines");
        assertThat(ok(api.patchJson(location.path("contacts/" + maryId), Map.of("companyId", difference)))
                .get("companyName").asText()).as("the name of the company it followed").isEqualTo("Difference Engines");
        assertThat(ok(api.patchJson(location.path("contacts/" + maryId), Map.of("city", "London")))
                .get("companyName").asText()).isEqualTo("Difference Engines");

        assertThat(ok(api.get(location.path("companies/" + analytical))).get("contactCount").asLong()).isEqualTo(2);
        assertThat(ok(api.get(location.path("companies/" + difference))).get("contactCount").asLong()).isEqualTo(1);
        JsonNode firstPage = ok(api.get(location.path("companies/" + analytical + "/contacts?limit=1")));
        assertThat(firstPage.get("items")).hasSize(1);
        JsonNode secondPage = ok(api.get(location.path("companies/" + analytical + "/contacts?limit=1&cursor="
                + firstPage.get("nextCursor").asText())));
        assertThat(secondPage.has("nextCursor")).isFalse();
        assertThat(List.of(firstPage.get("items").get(0).get("id").asText(), secondPage.get("items").get(0).get("id").asText()))
                .containsExactly(ada.get("id").asText(), charles.get("id").asText());

        String adaId = ada.get("id").asText();
        String charlesId = charles.get("id").asText();
        assertThat(api.delete(location.path("contacts/" + adaId)).status()).isEqualTo(204);
        assertThat(ok(api.get(location.path("companies/" + analytical))).get("contactCount").asLong()).isEqualTo(1);
        assertThat(ids(api.get(location.path("companies/" + analytical + "/contacts")))).containsExactly(charlesId);

        assertThat(api.delete(location.path("companies/" + analytical)).status()).isEqualTo(204);
        Problems.assertProblem(api.get(location.path("companies/" + analytical)), 404, "company");
        Problems.assertProblem(api.get(location.path("companies/" + analytical + "/contacts")), 404, "company");
        JsonNode charlesAfter = ok(api.get(location.path("contacts/" + charlesId)));
        assertThat(charlesAfter.has("companyId")).isFalse();
        assertThat(charlesAfter.get("companyName").asText()).isEqualTo("AE (London)");
        JsonNode adaAfter = ok(api.get(location.path("contacts/" + adaId)));
        assertThat(adaAfter.has("companyId")).as("a deleted contact is unlinked too").isFalse();
        assertThat(adaAfter.get("companyName").asText()).isEqualTo("Analytical Engines");
        JsonNode unlinked = null;
        for (JsonNode item : ok(api.get(location.path("contacts/" + charlesId + "/timeline"))).get("items")) {
            if ("change".equals(item.get("kind").asText()) && "companyId".equals(item.get("field").asText())) {
                unlinked = item;
            }
        }
        assertThat(unlinked).as("the timeline says the company went").isNotNull();
        assertThat(unlinked.get("before").asText()).isEqualTo(analytical);
        assertThat(unlinked.get("actorType").asText()).isEqualTo("USER");
        Problems.assertFieldError(api.patchJson(location.path("contacts/" + charlesId), Map.of("companyId", analytical)),
                "/companyId", "no company");
    }

    @Test
    void badInputIsAProblemNamingTheFieldAndNothingIsWritten(TestLocation location) {
        ApiClient api = location.api();
        employeesField(location);
        String companies = location.path("companies");
        Problems.assertFieldError(api.postJson(companies, Map.of("city", "London")), "/name", "required");
        Problems.assertFieldError(api.postJson(companies, Map.of("name", "   ")), "/name", "required");
        Response tooLong = api.postJson(companies, Map.of("name", "x".repeat(201)));
        Problems.assertFieldError(tooLong, "/name", "longer than 200");
        assertThat(tooLong.json().get("errors")).as("one error per member").hasSize(1);
        Response notAString = api.postJson(companies, Map.of("name", 42));
        Problems.assertFieldError(notAString, "/name", "string");
        assertThat(notAString.json().get("errors")).as("one error per member").hasSize(1);
        Problems.assertFieldError(api.postJson(companies, Map.of("name", "Nul\u0000Ltd")), "/name", "NUL");
        Problems.assertFieldError(api.postJson(companies, Map.of("name", "X", "domain", "not a domain")), "/domain", "domain");
        Problems.assertFieldError(api.postJson(companies, Map.of("name", "X", "domain", "x".repeat(2001))), "/domain", "longer");
        Problems.assertFieldError(api.postJson(companies, Map.of("name", "X", "phone", "12")), "/phone", "phone");
        Problems.assertFieldError(api.postJson(companies, Map.of("name", "X", "email", "nope")), "/email", "not an email");
        Problems.assertFieldError(api.postJson(companies, Map.of("name", "X", "website", "https://")), "/website", "web address");
        Problems.assertFieldError(api.postJson(companies, Map.of("name", "X", "country", "XX")), "/country", "country");
        Problems.assertFieldError(api.postJson(companies, Map.of("name", "X", "postalCode", "1".repeat(21))), "/postalCode",
                "longer than 20");
        Problems.assertFieldError(api.postJson(companies, Map.of("name", "X", "city", List.of("London"))), "/city", "string");
        Problems.assertFieldError(api.postJson(companies, Map.of("name", "X", "shoeSize", 42)), "/shoeSize", "unknown field");
        Problems.assertFieldError(api.postJson(companies, Map.of("name", "X", "customFields", Map.of("nope", 1))),
                "/customFields/nope", "unknown custom field");
        Problems.assertFieldError(api.postJson(companies, Map.of("name", "X", "customFields", Map.of("employees", "many"))),
                "/customFields/employees", "number");
        Problems.assertFieldError(api.postJson(companies, Map.of("name", "X", "customFields", List.of())), "/customFields",
                "object");
        Problems.assertFieldError(api.postJson(companies, Map.of("name", "X", "contactCount", 5)), "/contactCount",
                "cannot be written");
        Problems.assertFieldError(api.postJson(companies, Map.of("name", "X", "createdAt", "2020-01-01T00:00:00Z")),
                "/createdAt", "cannot be written");
        Problems.assertProblem(api.post(companies, "application/json", "[1]".getBytes(StandardCharsets.UTF_8)), 400, "");
        Problems.assertProblem(api.get(location.path("companies/" + UUID.randomUUID())), 404, "company");
        Problems.assertProblem(api.get(location.path("companies/not-an-id")), 404, "company");
        assertThat(ids(api.get(location.path("companies?query=x")))).isEmpty();

        Response otherLocation = api.postJson("locations", Map.of("name", "CompaniesApiIT elsewhere"));
        assertThat(otherLocation.status()).as(otherLocation.body()).isEqualTo(201);
        String other = otherLocation.json().get("id").asText();
        Response elsewhere = api.postJson("locations/" + other + "/companies", Map.of("name", "Elsewhere Ltd"));
        assertThat(elsewhere.status()).as(elsewhere.body()).isEqualTo(201);
        String foreign = elsewhere.json().get("id").asText();
        Problems.assertProblem(api.get(location.path("companies/" + foreign)), 404, "company");
        Problems.assertProblem(api.patchJson(location.path("companies/" + foreign), Map.of("city", "Here")), 404, "company");
        Problems.assertProblem(api.delete(location.path("companies/" + foreign)), 404, "company");
        Problems.assertProblem(api.get(location.path("companies/" + foreign + "/contacts")), 404, "company");
        Problems.assertFieldError(api.postJson(location.path("contacts"), Map.of("firstName", "X", "companyId", foreign)),
                "/companyId", "no company");
        assertThat(ids(api.get(location.path("companies?query=elsewhere")))).isEmpty();
        assertThat(ok(api.get("locations/" + other + "/companies/" + foreign)).has("city")).isFalse();
    }

    /** A number field "employees" of companies, created once per location. */
    private static void employeesField(TestLocation location) {
        ApiClient api = location.api();
        for (JsonNode field : ok(api.get(location.path("custom-fields?model=company")))) {
            if (field.get("key").asText().equals("employees")) {
                return;
            }
        }
        Response created = api.postJson(location.path("custom-fields"), Map.of("model", "company", "key", "employees",
                "name", "Employees", "type", "number"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    static String create(ApiClient api, TestLocation location, Map<String, ?> body) {
        Response created = api.postJson(location.path("companies"), body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private static JsonNode contact(ApiClient api, TestLocation location, Map<String, ?> body) {
        Response created = api.postJson(location.path("contacts"), body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    private static JsonNode ok(Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static List<String> ids(Response page) {
        List<String> ids = new ArrayList<>();
        ok(page).get("items").forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }
}
