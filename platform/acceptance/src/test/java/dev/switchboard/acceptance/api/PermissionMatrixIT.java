package dev.switchboard.acceptance.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.acceptance.support.EmailPlugin;
import dev.switchboard.testkit.ApiClient;
import dev.switchboard.testkit.ApiClient.Response;
import dev.switchboard.testkit.PlatformExtension;
import dev.switchboard.testkit.RunningPlatform;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every operation of the OpenAPI document, called by every kind of principal, answers as the tables
 * below say (the same tables as docs/security.md): allowed (any answer but 401 and 403), 403
 * (signed in, not allowed), 404 (another agency's, or a location the caller does not see) or 401
 * (no token). An operation the tables do not list fails the test, so a new endpoint must say who may
 * call it.
 */
@ExtendWith(PlatformExtension.class)
class PermissionMatrixIT {

    /** What each operation needs; {@code public} needs no token. */
    private static final Map<String, String> OPERATIONS = Map.ofEntries(
            Map.entry("GET /health", "public"),
            Map.entry("GET /problems", "public"),
            Map.entry("GET /problems/{slug}", "public"),
            Map.entry("POST /auth/login", "public"),
            Map.entry("POST /auth/logout", "self"),
            Map.entry("GET /me", "self"),
            Map.entry("PUT /me/theme", "self"),
            Map.entry("GET /themes", "self"),
            Map.entry("GET /agency", "self"),
            Map.entry("PUT /agency/theme", "agency.theme"),
            Map.entry("GET /locations", "self"),
            Map.entry("POST /locations", "agency.locations"),
            Map.entry("GET /agencies", "platform.agencies"),
            Map.entry("POST /agencies", "platform.agencies"),
            Map.entry("GET /agencies/{agencyId}", "self"),
            Map.entry("GET /agencies/{agencyId}/locations", "self"),
            Map.entry("POST /agencies/{agencyId}/locations", "agency.locations"),
            Map.entry("GET /agencies/{agencyId}/users", "agency.users"),
            Map.entry("POST /agencies/{agencyId}/users", "agency.users"),
            Map.entry("GET /agencies/{agencyId}/users/{userId}", "agency.users"),
            Map.entry("PUT /agencies/{agencyId}/users/{userId}/roles", "agency.users"),
            Map.entry("POST /agencies/{agencyId}/users/{userId}/disable", "agency.users"),
            Map.entry("GET /plugins", "plugins.read"),
            Map.entry("GET /plugins/{pluginId}", "plugins.read"),
            Map.entry("POST /plugins", "platform.plugins"),
            Map.entry("DELETE /plugins/{pluginId}", "platform.plugins"),
            Map.entry("POST /plugins/{pluginId}/rollback", "platform.plugins"),
            Map.entry("GET /platform/signing-keys", "platform.plugins"),
            Map.entry("POST /platform/signing-keys", "platform.plugins"),
            Map.entry("DELETE /platform/signing-keys/{keyId}", "platform.plugins"),
            Map.entry("GET /platform/trusted-plugins", "platform.plugins"),
            Map.entry("PUT /platform/trusted-plugins/{pluginId}", "platform.plugins"),
            Map.entry("DELETE /platform/trusted-plugins/{pluginId}", "platform.plugins"),
            Map.entry("POST /invitations/accept", "public"),
            Map.entry("GET /agencies/{agencyId}/invitations", "agency.users"),
            Map.entry("POST /agencies/{agencyId}/invitations", "agency.users"),
            Map.entry("DELETE /agencies/{agencyId}/invitations/{invitationId}", "agency.users"),
            Map.entry("GET /locations/{locationId}/plugins", "location.read"),
            Map.entry("GET /locations/{locationId}/channels", "location.read"),
            Map.entry("GET /locations/{locationId}/contacts/{contactId}/messages", "location.read"),
            Map.entry("POST /locations/{locationId}/contacts/{contactId}/messages", "location.contacts"),
            Map.entry("GET /locations/{locationId}/element-templates", "location.read"),
            Map.entry("GET /locations/{locationId}/event-types", "location.read"),
            Map.entry("PUT /locations/{locationId}/plugins/{pluginId}", "location.settings"),
            Map.entry("DELETE /locations/{locationId}/plugins/{pluginId}", "location.settings"),
            Map.entry("GET /locations/{locationId}/plugins/{pluginId}/settings", "location.read"),
            Map.entry("GET /locations/{locationId}/plugins/{pluginId}/settings/schema", "location.read"),
            Map.entry("PUT /locations/{locationId}/plugins/{pluginId}/settings", "location.settings"),
            Map.entry("GET /locations/{locationId}/contacts", "location.read"),
            Map.entry("POST /locations/{locationId}/contacts", "location.contacts"),
            Map.entry("GET /locations/{locationId}/contacts/{contactId}", "location.read"),
            Map.entry("POST /locations/{locationId}/contacts/{contactId}/tags", "location.contacts"),
            Map.entry("PATCH /locations/{locationId}/contacts/{contactId}", "location.contacts"),
            Map.entry("DELETE /locations/{locationId}/contacts/{contactId}", "location.contacts"),
            Map.entry("POST /locations/{locationId}/contacts/{contactId}/restore", "location.contacts"),
            Map.entry("DELETE /locations/{locationId}/contacts/{contactId}/tags/{tag}", "location.contacts"),
            Map.entry("POST /locations/{locationId}/contacts/{contactId}/merge", "location.contacts"),
            Map.entry("GET /locations/{locationId}/contacts/{contactId}/merges", "location.read"),
            Map.entry("GET /locations/{locationId}/contacts/{contactId}/timeline", "location.read"),
            Map.entry("GET /locations/{locationId}/jobs", "location.read"),
            Map.entry("GET /locations/{locationId}/jobs/{jobId}", "location.read"),
            Map.entry("POST /locations/{locationId}/jobs/{jobId}/cancel", "location.contacts"),
            Map.entry("GET /locations/{locationId}/importers", "location.read"),
            Map.entry("POST /locations/{locationId}/imports", "location.contacts"),
            Map.entry("POST /locations/{locationId}/import-files", "location.contacts"),
            Map.entry("GET /locations/{locationId}/import-files/{fileId}", "location.read"),
            Map.entry("DELETE /locations/{locationId}/import-files/{fileId}", "location.contacts"),
            Map.entry("GET /locations/{locationId}/imports/{jobId}/errors", "location.read"),
            Map.entry("GET /locations/{locationId}/segments", "location.read"),
            Map.entry("GET /locations/{locationId}/bulk-actions", "location.read"),
            Map.entry("POST /locations/{locationId}/bulk-actions", "location.contacts"),
            Map.entry("GET /locations/{locationId}/jobs/{jobId}/errors", "location.read"),
            Map.entry("POST /locations/{locationId}/segments", "location.contacts"),
            Map.entry("GET /locations/{locationId}/segments/conditions", "location.read"),
            Map.entry("POST /locations/{locationId}/segments/preview", "location.read"),
            Map.entry("GET /locations/{locationId}/segments/{segmentId}", "location.read"),
            Map.entry("PATCH /locations/{locationId}/segments/{segmentId}", "location.contacts"),
            Map.entry("DELETE /locations/{locationId}/segments/{segmentId}", "location.contacts"),
            Map.entry("GET /locations/{locationId}/segments/{segmentId}/count", "location.read"),
            Map.entry("GET /locations/{locationId}/segments/{segmentId}/contacts", "location.read"),
            Map.entry("GET /locations/{locationId}/segments/{segmentId}/export", "location.read"),
            Map.entry("GET /locations/{locationId}/crm-settings", "location.read"),
            Map.entry("PATCH /locations/{locationId}/crm-settings", "location.settings"),
            Map.entry("GET /locations/{locationId}/custom-fields", "location.read"),
            Map.entry("POST /locations/{locationId}/custom-fields", "location.settings"),
            Map.entry("GET /locations/{locationId}/custom-fields/{fieldId}", "location.read"),
            Map.entry("PATCH /locations/{locationId}/custom-fields/{fieldId}", "location.settings"),
            Map.entry("DELETE /locations/{locationId}/custom-fields/{fieldId}", "location.settings"),
            Map.entry("GET /locations/{locationId}/pipelines", "location.read"),
            Map.entry("POST /locations/{locationId}/pipelines", "location.settings"),
            Map.entry("GET /locations/{locationId}/pipelines/{pipelineId}", "location.read"),
            Map.entry("PATCH /locations/{locationId}/pipelines/{pipelineId}", "location.settings"),
            Map.entry("DELETE /locations/{locationId}/pipelines/{pipelineId}", "location.settings"),
            Map.entry("POST /locations/{locationId}/pipelines/{pipelineId}/stages", "location.settings"),
            Map.entry("PATCH /locations/{locationId}/pipelines/{pipelineId}/stages/{stageId}", "location.settings"),
            Map.entry("DELETE /locations/{locationId}/pipelines/{pipelineId}/stages/{stageId}", "location.settings"),
            Map.entry("PUT /locations/{locationId}/pipelines/{pipelineId}/stage-order", "location.settings"),
            Map.entry("GET /locations/{locationId}/pipelines/{pipelineId}/board", "location.read"),
            Map.entry("GET /locations/{locationId}/opportunities", "location.read"),
            Map.entry("POST /locations/{locationId}/opportunities", "location.contacts"),
            Map.entry("GET /locations/{locationId}/opportunities/{opportunityId}", "location.read"),
            Map.entry("PATCH /locations/{locationId}/opportunities/{opportunityId}", "location.contacts"),
            Map.entry("DELETE /locations/{locationId}/opportunities/{opportunityId}", "location.contacts"),
            Map.entry("GET /locations/{locationId}/opportunities/{opportunityId}/stage-history", "location.read"),
            Map.entry("GET /locations/{locationId}/companies", "location.read"),
            Map.entry("POST /locations/{locationId}/companies", "location.contacts"),
            Map.entry("GET /locations/{locationId}/companies/{companyId}", "location.read"),
            Map.entry("PATCH /locations/{locationId}/companies/{companyId}", "location.contacts"),
            Map.entry("DELETE /locations/{locationId}/companies/{companyId}", "location.contacts"),
            Map.entry("GET /locations/{locationId}/companies/{companyId}/contacts", "location.read"),
            Map.entry("GET /locations/{locationId}/contacts/{contactId}/notes", "location.read"),
            Map.entry("POST /locations/{locationId}/contacts/{contactId}/notes", "location.contacts"),
            Map.entry("GET /locations/{locationId}/contacts/{contactId}/notes/{noteId}", "location.read"),
            Map.entry("PATCH /locations/{locationId}/contacts/{contactId}/notes/{noteId}", "location.contacts"),
            Map.entry("DELETE /locations/{locationId}/contacts/{contactId}/notes/{noteId}", "location.contacts"),
            Map.entry("GET /locations/{locationId}/contacts/{contactId}/tasks", "location.read"),
            Map.entry("POST /locations/{locationId}/contacts/{contactId}/tasks", "location.contacts"),
            Map.entry("GET /locations/{locationId}/contacts/{contactId}/tasks/{taskId}", "location.read"),
            Map.entry("PATCH /locations/{locationId}/contacts/{contactId}/tasks/{taskId}", "location.contacts"),
            Map.entry("DELETE /locations/{locationId}/contacts/{contactId}/tasks/{taskId}", "location.contacts"),
            Map.entry("GET /locations/{locationId}/tasks", "location.read"),
            Map.entry("GET /locations/{locationId}/notifications", "location.read"),
            Map.entry("POST /locations/{locationId}/notifications/read", "location.read"),
            Map.entry("POST /locations/{locationId}/notifications/{notificationId}/read", "location.read"),
            Map.entry("GET /locations/{locationId}/custom-values", "location.read"),
            Map.entry("POST /locations/{locationId}/custom-values", "location.settings"),
            Map.entry("GET /locations/{locationId}/custom-values/{valueId}", "location.read"),
            Map.entry("PATCH /locations/{locationId}/custom-values/{valueId}", "location.settings"),
            Map.entry("DELETE /locations/{locationId}/custom-values/{valueId}", "location.settings"),
            Map.entry("GET /locations/{locationId}/workflows", "location.read"),
            Map.entry("POST /locations/{locationId}/workflows", "location.workflows"),
            Map.entry("GET /locations/{locationId}/workflows/{key}", "location.read"),
            Map.entry("GET /locations/{locationId}/workflows/{key}/bpmn", "location.read"),
            Map.entry("POST /locations/{locationId}/workflows/{key}/runs", "location.contacts"),
            Map.entry("GET /locations/{locationId}/workflow-drafts", "location.read"),
            Map.entry("PUT /locations/{locationId}/workflows/{key}/draft", "location.workflows"),
            Map.entry("GET /locations/{locationId}/workflows/{key}/draft", "location.read"),
            Map.entry("DELETE /locations/{locationId}/workflows/{key}/draft", "location.workflows"),
            Map.entry("POST /locations/{locationId}/workflows/{key}/publish", "location.workflows"),
            Map.entry("GET /locations/{locationId}/workflows/{key}/versions", "location.read"),
            Map.entry("GET /locations/{locationId}/workflows/{key}/versions/{version}/bpmn", "location.read"),
            Map.entry("POST /locations/{locationId}/workflows/{key}/versions/{version}/publish", "location.workflows"),
            Map.entry("POST /locations/{locationId}/workflows/{key}/disable", "location.workflows"),
            Map.entry("POST /locations/{locationId}/workflows/{key}/enable", "location.workflows"),
            Map.entry("DELETE /locations/{locationId}/workflows/{key}", "location.workflows"),
            Map.entry("POST /locations/{locationId}/workflows/{key}/migrations", "location.workflows"),
            Map.entry("GET /locations/{locationId}/workflow-runs", "location.read"),
            Map.entry("GET /locations/{locationId}/workflow-runs/{runId}", "location.read"),
            Map.entry("POST /locations/{locationId}/workflow-runs/{runId}/retry", "location.workflows"),
            Map.entry("POST /locations/{locationId}/workflow-runs/{runId}/skip", "location.workflows"),
            Map.entry("POST /locations/{locationId}/workflow-runs/{runId}/cancel", "location.workflows"),
            Map.entry("GET /locations/{locationId}/usage", "agency.usage"),
            // plugins' webhooks: no login, the handler checks the caller (here: no such plugin, 404)
            Map.entry("GET /hooks/{pluginId}/{path}", "public"),
            Map.entry("POST /hooks/{pluginId}/{path}", "public"),
            Map.entry("PUT /hooks/{pluginId}/{path}", "public"),
            Map.entry("PATCH /hooks/{pluginId}/{path}", "public"),
            Map.entry("DELETE /hooks/{pluginId}/{path}", "public"));

    private static final Set<String> MEMBER = Set.of("self", "plugins.read");
    private static final Set<String> AGENCY_ADMIN = Set.of("agency.theme", "agency.locations", "agency.users",
            "agency.usage");
    private static final Set<String> LOCATION_ADMIN = Set.of("location.read", "location.contacts", "location.workflows",
            "location.settings");

    /**
     * Who calls: agency B (with locations B1 and B2) is where the calls go. The operator owns agency A
     * and is a stranger to B; the outsider works in B2 only.
     */
    private record Principal(String name, boolean inAgencyB, boolean seesB1, Set<String> permissions) {
    }

    private static final List<Principal> PRINCIPALS = List.of(
            new Principal("anonymous", false, false, Set.of()),
            new Principal("operator", false, false, union(MEMBER, AGENCY_ADMIN, LOCATION_ADMIN,
                    Set.of("platform.agencies", "platform.plugins"))),
            new Principal("owner", true, true, union(MEMBER, AGENCY_ADMIN, LOCATION_ADMIN)),
            new Principal("admin", true, true, union(MEMBER, AGENCY_ADMIN, LOCATION_ADMIN)),
            new Principal("location-admin", true, true, union(MEMBER, LOCATION_ADMIN)),
            new Principal("location-user", true, true, union(MEMBER, Set.of("location.read", "location.contacts"))),
            new Principal("read-only", true, true, union(MEMBER, Set.of("location.read"))),
            new Principal("outsider", true, false, MEMBER));

    @Test
    void everyOperationAnswersEveryPrincipalAsTheTableSays(RunningPlatform platform) {
        ApiClient operator = platform.admin();
        EmailPlugin.ensureInstalled(operator);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String ownerEmail = "owner-" + suffix + "@agency-b.test";
        Response agency = operator.postJson("agencies", Map.of("name", "Agency B " + suffix,
                "owner", Map.of("email", ownerEmail, "password", "owner-password-" + suffix)));
        assertThat(agency.status()).as(agency.body()).isEqualTo(201);
        String agencyB = agency.json().get("id").asText();
        ApiClient owner = ApiClient.login(platform.baseUri(), ownerEmail, "owner-password-" + suffix);
        String b1 = created(owner.postJson("agencies/" + agencyB + "/locations", Map.of("name", "B1")));
        String b2 = created(owner.postJson("agencies/" + agencyB + "/locations", Map.of("name", "B2")));

        Map<String, ApiClient> clients = new LinkedHashMap<>();
        clients.put("anonymous", ApiClient.anonymous(platform.baseUri()));
        clients.put("operator", operator);
        clients.put("owner", owner);
        clients.put("admin", user(platform, owner, agencyB, "admin", Map.of("agencyRole", "ADMIN")));
        clients.put("location-admin", user(platform, owner, agencyB, "location-admin", Map.of("locationRoles", Map.of(b1, "ADMIN"))));
        clients.put("location-user", user(platform, owner, agencyB, "location-user", Map.of("locationRoles", Map.of(b1, "USER"))));
        clients.put("read-only", user(platform, owner, agencyB, "read-only", Map.of("locationRoles", Map.of(b1, "READ_ONLY"))));
        clients.put("outsider", user(platform, owner, agencyB, "outsider", Map.of("locationRoles", Map.of(b2, "USER"))));

        List<String> operations = operations(ApiClient.anonymous(platform.baseUri()));
        assertThat(new TreeSet<>(operations)).as("operations of the OpenAPI document without a row in the table")
                .isSubsetOf(OPERATIONS.keySet());
        assertThat(operations).as("the table's operations in the OpenAPI document").containsAll(OPERATIONS.keySet());

        // ids of nothing where an allowed call would change something (removing the email plugin, say)
        Map<String, String> ids = new LinkedHashMap<>(Map.of("{agencyId}", agencyB, "{locationId}", b1,
                "{pluginId}", "no-such-plugin", "{key}", "no-such-workflow", "{runId}", "no-such-run", "{slug}", "validation",
                "{tag}", "no-such-tag", "{path}", "no-such-path", "{version}", "1"));
        for (String id : List.of("{keyId}", "{invitationId}", "{contactId}", "{userId}", "{fieldId}", "{valueId}", "{companyId}",
                "{noteId}", "{taskId}", "{pipelineId}", "{stageId}", "{opportunityId}", "{jobId}", "{segmentId}", "{fileId}",
                "{notificationId}")) {
            ids.put(id, UUID.randomUUID().toString());
        }
        List<String> mismatches = new ArrayList<>();
        // signing out ends the session the later calls use: last
        operations.sort(Comparator.comparing((String operation) -> operation.equals("POST /auth/logout")).thenComparing(o -> o));
        for (String operation : operations) {
            for (Principal principal : PRINCIPALS) {
                int expected = expected(principal, operation);
                Response answer = call(clients.get(principal.name()), operation, ids);
                boolean matches = expected == 200 ? answer.status() != 401 && answer.status() != 403 && answer.status() < 500
                        : answer.status() == expected;
                if (!matches) {
                    mismatches.add(operation + " as " + principal.name() + ": expected " + (expected == 200 ? "allowed" : expected)
                            + ", got " + answer.status() + " " + abbreviate(answer.body()));
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    /** 200 for "allowed" (any answer but 401 and 403), else the refusal expected. */
    private static int expected(Principal principal, String operation) {
        String permission = OPERATIONS.get(operation);
        if (permission.equals("public")) {
            return 200;
        }
        if (principal.name().equals("anonymous")) {
            return 401;
        }
        if (operation.contains("{agencyId}") && !principal.inAgencyB()) {
            return 404;
        }
        if (operation.contains("{locationId}") && !principal.seesB1()) {
            return 404;
        }
        return principal.permissions().contains(permission) ? 200 : 403;
    }

    private static Response call(ApiClient client, String operation, Map<String, String> ids) {
        String method = operation.substring(0, operation.indexOf(' '));
        String path = operation.substring(operation.indexOf(' ') + 2);
        for (Map.Entry<String, String> id : ids.entrySet()) {
            path = path.replace(id.getKey(), id.getValue());
        }
        if (method.equals("GET")) {
            return client.get(path);
        }
        if (method.equals("DELETE")) {
            return client.send(method, path, null, null);
        }
        if (path.endsWith("/workflows") || path.endsWith("/draft")) {
            return client.send(method, path, "application/xml", "<definitions/>".getBytes(StandardCharsets.UTF_8));
        }
        if (path.equals("plugins")) {
            return client.send(method, path, "application/java-archive", "not a jar".getBytes(StandardCharsets.UTF_8));
        }
        if (path.endsWith("/import-files")) {
            return client.send(method, path, "text/csv", "Email\nmatrix@x.test\n".getBytes(StandardCharsets.UTF_8));
        }
        if (path.equals("platform/signing-keys")) {
            return client.send(method, path, "application/x-pem-file", "not a certificate".getBytes(StandardCharsets.UTF_8));
        }
        return client.send(method, path, "application/json", "{}".getBytes(StandardCharsets.UTF_8));
    }

    /** Every operation of the platform's OpenAPI document, as "METHOD /path" under /api/v1. */
    private static List<String> operations(ApiClient anonymous) {
        Response document = anonymous.get("../../openapi?format=JSON");
        assertThat(document.status()).as(document.body()).isEqualTo(200);
        List<String> operations = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = document.json().get("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            String relative = path.getKey().replaceFirst("^/api/v1", "");
            path.getValue().fieldNames().forEachRemaining(method -> {
                if (Set.of("get", "put", "post", "delete", "patch").contains(method)) {
                    operations.add(method.toUpperCase() + " " + relative);
                }
            });
        }
        return operations;
    }

    private static ApiClient user(RunningPlatform platform, ApiClient owner, String agencyB, String name,
                                  Map<String, Object> roles) {
        String email = name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@agency-b.test";
        Map<String, Object> request = new LinkedHashMap<>(roles);
        request.put("email", email);
        request.put("password", "password-of-" + name);
        created(owner.postJson("agencies/" + agencyB + "/users", request));
        return ApiClient.login(platform.baseUri(), email, "password-of-" + name);
    }

    private static String created(Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asText();
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        Set<String> all = new TreeSet<>();
        for (Set<String> set : sets) {
            all.addAll(set);
        }
        return all;
    }

    private static String abbreviate(String body) {
        return body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }
}
