package dev.switchboard.acceptance.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.acceptance.support.Problems;
import dev.switchboard.testkit.ApiClient;
import dev.switchboard.testkit.ApiClient.Response;
import dev.switchboard.testkit.PlatformExtension;
import dev.switchboard.testkit.RunningPlatform;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An agency of its own per test: its owner creates users with roles, changes and revokes them, and
 * disables users; sign-ins are throttled without telling which accounts exist.
 */
@ExtendWith(PlatformExtension.class)
class UsersAndRolesIT {

    private RunningPlatform platform;
    private String agency;
    private ApiClient owner;
    private String first;
    private String second;

    @BeforeEach
    void newAgency(RunningPlatform platform) {
        this.platform = platform;
        String ownerEmail = email("owner");
        Response created = platform.admin().postJson("agencies", Map.of("name", "Agency " + ownerEmail,
                "owner", Map.of("email", ownerEmail, "password", "owner-password")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        agency = created.json().get("id").asText();
        owner = ApiClient.login(platform.baseUri(), ownerEmail, "owner-password");
        first = id(owner.postJson("agencies/" + agency + "/locations", Map.of("name", "First")));
        second = id(owner.postJson("agencies/" + agency + "/locations", Map.of("name", "Second")));
    }

    @Test
    void aLocationUserSeesOnlyTheirLocationAndLosesAccessAsRolesChange() {
        String email = email("user");
        String user = id(owner.postJson("agencies/" + agency + "/users", Map.of("email", email,
                "password", "user-password", "locationRoles", Map.of(first, "USER"))));
        ApiClient session = ApiClient.login(platform.baseUri(), email, "user-password");

        JsonNode me = session.get("me").json();
        assertThat(me.get("locations")).extracting(location -> location.get("id").asText()).containsExactly(first);
        assertThat(me.get("roles").get("locations").get(first).asText()).isEqualTo("USER");
        assertThat(me.get("permissions").get("locations").get(first)).extracting(JsonNode::asText)
                .containsExactly("location.contacts", "location.read");
        assertThat(session.postJson("locations/" + first + "/contacts", Map.of("firstName", "Ada")).status()).isEqualTo(201);
        Problems.assertProblem(session.get("locations/" + second + "/contacts"), 404, "location");
        Problems.assertProblem(session.post("locations/" + first + "/workflows", "application/xml",
                "<definitions/>".getBytes(java.nio.charset.StandardCharsets.UTF_8)), 403, "location.workflows");

        Response changed = owner.send("PUT", "agencies/" + agency + "/users/" + user + "/roles", "application/json",
                json(Map.of("locationRoles", Map.of(first, "READ_ONLY", second, "USER"))));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);

        Problems.assertProblem(session.postJson("locations/" + first + "/contacts", Map.of("firstName", "Bob")), 403,
                "location.contacts");
        assertThat(session.get("locations/" + first + "/contacts").status()).isEqualTo(200);
        assertThat(session.postJson("locations/" + second + "/contacts", Map.of("firstName", "Cy")).status()).isEqualTo(201);
    }

    @Test
    void aDisabledUserIsSignedOutAtOnceAndCannotSignInAgain() {
        String email = email("leaver");
        String user = id(owner.postJson("agencies/" + agency + "/users", Map.of("email", email,
                "password", "leaver-password", "agencyRole", "ADMIN")));
        ApiClient session = ApiClient.login(platform.baseUri(), email, "leaver-password");
        assertThat(session.get("me").status()).isEqualTo(200);

        Response disabled = owner.postJson("agencies/" + agency + "/users/" + user + "/disable", Map.of());

        assertThat(disabled.status()).as(disabled.body()).isEqualTo(200);
        assertThat(disabled.json().get("disabled").asBoolean()).isTrue();
        Problems.assertProblem(session.get("me"), 401, "log in again");
        Problems.assertProblem(ApiClient.anonymous(platform.baseUri()).postJson("auth/login",
                Map.of("email", email, "password", "leaver-password")), 401, "email or password is wrong");
    }

    @Test
    void onlyAnOwnerMakesOrDisablesAnOwnerAndTheLastOwnerStays() {
        String adminEmail = email("admin");
        id(owner.postJson("agencies/" + agency + "/users", Map.of("email", adminEmail, "password", "admin-password",
                "agencyRole", "ADMIN")));
        ApiClient admin = ApiClient.login(platform.baseUri(), adminEmail, "admin-password");
        String ownerId = owner.get("me").json().get("user").get("id").asText();

        Response promote = admin.postJson("agencies/" + agency + "/users", Map.of("email", email("x"),
                "password", "x-password-1", "agencyRole", "OWNER"));
        Problems.assertProblem(promote, 400, "only an owner");
        assertThat(promote.json().get("errors").get(0).get("pointer").asText()).isEqualTo("/agencyRole");
        Problems.assertProblem(admin.postJson("agencies/" + agency + "/users/" + ownerId + "/disable", Map.of()), 403,
                "only an owner");
        Problems.assertProblem(owner.send("PUT", "agencies/" + agency + "/users/" + ownerId + "/roles", "application/json",
                json(Map.of("agencyRole", "ADMIN"))), 400, "last owner");
    }

    @Test
    void emailsAreUniqueAndUsersGetClearErrors() {
        String email = email("twice");
        id(owner.postJson("agencies/" + agency + "/users", Map.of("email", email, "password", "twice-password",
                "locationRoles", Map.of(first, "READ_ONLY"))));

        Problems.assertProblem(owner.postJson("agencies/" + agency + "/users", Map.of("email", email.toUpperCase(),
                "password", "twice-password", "locationRoles", Map.of(first, "READ_ONLY"))), 409, "exists");
        Response invalid = owner.postJson("agencies/" + agency + "/users", Map.of("email", "not-an-address",
                "password", "short", "locationRoles", Map.of(UUID.randomUUID().toString(), "USER")));
        Problems.assertProblem(invalid, 400, "3 errors");
        assertThat(invalid.json().get("errors")).extracting(error -> error.get("pointer").asText())
                .contains("/email", "/password").anySatisfy(pointer -> assertThat(pointer).startsWith("/locationRoles/"));
    }

    @Test
    void signInsAreThrottledPerAccountAndTheAnswerDoesNotTellWhetherItExists() {
        String email = email("guessed");
        id(owner.postJson("agencies/" + agency + "/users", Map.of("email", email, "password", "right-password",
                "locationRoles", Map.of(first, "USER"))));
        ApiClient anonymous = ApiClient.anonymous(platform.baseUri());
        String unknown = email("nobody");

        for (int attempt = 0; attempt < 10; attempt++) {
            Problems.assertProblem(anonymous.postJson("auth/login", Map.of("email", email, "password", "guess-" + attempt)),
                    401, "email or password is wrong");
            Problems.assertProblem(anonymous.postJson("auth/login", Map.of("email", unknown, "password", "guess-" + attempt)),
                    401, "email or password is wrong");
        }

        Response known = anonymous.postJson("auth/login", Map.of("email", email, "password", "right-password"));
        Response notKnown = anonymous.postJson("auth/login", Map.of("email", unknown, "password", "right-password"));
        Problems.assertProblem(known, 429, "too many failed sign-ins");
        Problems.assertProblem(notKnown, 429, "too many failed sign-ins");
        assertThat(known.json().get("detail")).isEqualTo(notKnown.json().get("detail"));
        assertThat(owner.get("me").status()).as("other accounts from the same address").isEqualTo(200);
        assertThat(ApiClient.login(platform.baseUri(), platform.adminEmail(), platform.adminPassword()).get("me").status())
                .isEqualTo(200);
    }

    @Test
    void anInviteeChoosesTheirPasswordOnceAndGetsTheRolesOfTheInvitation() {
        String email = email("invitee");
        Response invited = owner.postJson("agencies/" + agency + "/invitations", Map.of("email", email,
                "locationRoles", Map.of(first, "USER")));
        assertThat(invited.status()).as(invited.body()).isEqualTo(201);
        String token = invited.json().get("token").asText();
        assertThat(invited.json().get("acceptPath").asText()).isEqualTo("/?invitation=" + token);
        assertThat(owner.get("agencies/" + agency + "/invitations").body()).doesNotContain(token).contains("PENDING");
        ApiClient anonymous = ApiClient.anonymous(platform.baseUri());

        Response weak = anonymous.postJson("invitations/accept", Map.of("token", token, "password", "short"));
        Problems.assertProblem(weak, 400, "/password");
        Response accepted = anonymous.postJson("invitations/accept", Map.of("token", token, "password", "invitee-password"));

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        ApiClient invitee = ApiClient.anonymous(platform.baseUri()).withToken(accepted.json().get("token").asText());
        assertThat(invitee.get("me").json().get("roles").get("locations").get(first).asText()).isEqualTo("USER");
        assertThat(ApiClient.login(platform.baseUri(), email, "invitee-password").get("me").status()).isEqualTo(200);
        Problems.assertProblem(anonymous.postJson("invitations/accept", Map.of("token", token, "password", "another-password")),
                404, "invitation");
        assertThat(owner.get("agencies/" + agency + "/invitations").body()).contains("ACCEPTED");
        Problems.assertProblem(owner.postJson("agencies/" + agency + "/invitations", Map.of("email", email,
                "agencyRole", "ADMIN")), 409, "exists");
    }

    @Test
    void aRevokedInvitationCannotBeAccepted() {
        Response invited = owner.postJson("agencies/" + agency + "/invitations", Map.of("email", email("revoked"),
                "agencyRole", "ADMIN"));
        String id = id(invited);

        Response revoked = owner.send("DELETE", "agencies/" + agency + "/invitations/" + id, null, null);

        assertThat(revoked.json().get("status").asText()).isEqualTo("REVOKED");
        Problems.assertProblem(ApiClient.anonymous(platform.baseUri()).postJson("invitations/accept",
                Map.of("token", invited.json().get("token").asText(), "password", "revoked-password")), 404, "invitation");
    }

    @Test
    void usersChooseTheirOwnThemeWhileTheAgencyKeepsItsOwn() {
        Response chosen = owner.putJson("me/theme", Map.of("themeId", "midnight"));

        assertThat(chosen.status()).as(chosen.body()).isEqualTo(200);
        assertThat(chosen.json().get("themeId").asText()).isEqualTo("midnight");
        assertThat(owner.get("agency").json().get("themeId").asText()).isEqualTo("default");
        Problems.assertProblem(owner.putJson("me/theme", Map.of("themeId", "../../etc")), 400, "must be one of");
    }

    private static String email(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@roles.test";
    }

    private static String id(Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asText();
    }

    private static byte[] json(Map<String, Object> body) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsBytes(new LinkedHashMap<>(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
