package dev.switchboard.acceptance.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.acceptance.support.Scenario;
import dev.switchboard.testkit.ApiClient;
import dev.switchboard.testkit.PlatformExtension;
import dev.switchboard.testkit.RunningPlatform;
import dev.switchboard.testkit.TestLocation;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The built-in "internal notification": a step notifies the contact's owner and named users (a user
 * without access is left out); each user sees their own notifications, with the unread count, marks
 * one or all read, and never reads another user's.
 */
@ExtendWith(PlatformExtension.class)
class NotificationsIT {

    private static Scenario scenario;
    private static TestLocation location;
    private static ApiClient owner;
    private static ApiClient colleague;
    private static String ownerId;

    @BeforeAll
    static void setUp(RunningPlatform platform, TestLocation testLocation) {
        location = testLocation;
        scenario = new Scenario(location);
        ApiClient api = location.api();
        String agency = api.get("me").json().get("agency").get("id").asText();
        String[] ids = new String[2];
        ApiClient[] clients = new ApiClient[2];
        for (int i = 0; i < 2; i++) {
            String email = "notified-" + i + "-" + UUID.randomUUID() + "@example.test";
            ApiClient.Response user = api.postJson("agencies/" + agency + "/users", Map.of("email", email,
                    "password", "notified-password-" + i, "locationRoles", Map.of(location.id(), "USER")));
            assertThat(user.status()).as(user.body()).isEqualTo(201);
            ids[i] = user.json().get("id").asText();
            clients[i] = ApiClient.login(platform.baseUri(), email, "notified-password-" + i);
        }
        owner = clients[0];
        ownerId = ids[0];
        colleague = clients[1];
        String outsider = UUID.randomUUID().toString();
        ApiClient.Response deployed = scenario.deploy(Scenario.fixture(NotificationsIT.class, "notify")
                .replace("USERS", ids[1] + ", " + outsider));
        assertThat(deployed.status()).as(deployed.body()).isEqualTo(201);
    }

    @Test
    void aStepNotifiesTheOwnerAndTheNamedUsersWhoReadThemEachForThemselves() {
        String contact = scenario.contact("Hattie", "hattie.hot@example.com");
        assertThat(location.api().patchJson(location.path("contacts/" + contact), Map.of("assignedTo", ownerId)).status())
                .isEqualTo(200);
        long colleagueUnread = list(colleague, "").get("unread").asLong();

        scenario.tag(contact, "hot");

        JsonNode run = scenario.endedRuns(contact, 1, Duration.ofSeconds(60)).get(0);
        assertThat(run.get("state").asText()).as(run.toString()).isEqualTo("COMPLETED");
        assertThat(Scenario.step(run, "tell").get("summary").asText()).isEqualTo("notified 2 user(s)");
        assertThat(Scenario.step(run, "tell").get("outputs").get("notified").asText()).isEqualTo("2");

        JsonNode mine = list(owner, "");
        assertThat(mine.get("unread").asLong()).isEqualTo(1);
        JsonNode notification = mine.get("items").get(0);
        assertThat(notification.get("title").asText()).isEqualTo("Hattie is a hot lead");
        assertThat(notification.get("body").asText()).isEqualTo("Call Hattie today & log it.");
        assertThat(notification.get("contactId").asText()).isEqualTo(contact);
        assertThat(notification.get("runId").asText()).isEqualTo(run.get("id").asText());
        assertThat(notification.has("readAt")).isFalse();
        assertThat(list(colleague, "").get("unread").asLong()).isEqualTo(colleagueUnread + 1);
        assertThat(list(location.api(), "").get("items")).as("the admin was not named").isEmpty();

        String id = notification.get("id").asText();
        ApiClient.Response stranger = colleague.postJson(location.path("notifications/" + id + "/read"), Map.of());
        assertThat(stranger.status()).as("another user's notification is not found").isEqualTo(404);
        ApiClient.Response read = owner.postJson(location.path("notifications/" + id + "/read"), Map.of());
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.json().get("readAt").asText()).isNotBlank();
        assertThat(list(owner, "").get("unread").asLong()).isZero();
        assertThat(list(owner, "?unread=true").get("items")).isEmpty();
        assertThat(list(colleague, "").get("unread").asLong()).as("each reads their own").isEqualTo(colleagueUnread + 1);

        ApiClient.Response all = colleague.postJson(location.path("notifications/read"), Map.of());
        assertThat(all.status()).as(all.body()).isEqualTo(200);
        assertThat(all.json().get("read").asLong()).isEqualTo(colleagueUnread + 1);
        assertThat(list(colleague, "").get("unread").asLong()).isZero();
    }

    @Test
    void aContactWithoutOwnerStillNotifiesTheNamedUsers() {
        String contact = scenario.contact("Nola", "nola.noowner@example.com");
        long before = list(colleague, "").get("items").size();

        scenario.tag(contact, "hot");

        JsonNode run = scenario.endedRuns(contact, 1, Duration.ofSeconds(60)).get(0);
        assertThat(run.get("state").asText()).as(run.toString()).isEqualTo("COMPLETED");
        assertThat(Scenario.step(run, "tell").get("summary").asText()).isEqualTo("notified 1 user(s)");
        assertThat(list(colleague, "").get("items").size()).isEqualTo(before + 1);
    }

    @Test
    void malformedRequestsAreRefused() {
        assertThat(owner.get(location.path("notifications?unread=maybe")).status()).isEqualTo(400);
        assertThat(owner.get(location.path("notifications?limit=0")).status()).isEqualTo(400);
        assertThat(owner.postJson(location.path("notifications/not-an-id/read"), Map.of()).status()).isEqualTo(404);
        assertThat(owner.postJson(location.path("notifications/" + UUID.randomUUID() + "/read"), Map.of()).status())
                .isEqualTo(404);
    }

    private static JsonNode list(ApiClient client, String query) {
        ApiClient.Response list = client.get(location.path("notifications" + query));
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        return list.json();
    }
}
