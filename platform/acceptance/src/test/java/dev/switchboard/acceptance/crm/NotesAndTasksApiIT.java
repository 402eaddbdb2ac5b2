package dev.switchboard.acceptance.crm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.acceptance.support.DomainEvents;
import dev.switchboard.acceptance.support.Problems;
import dev.switchboard.testkit.ApiClient;
import dev.switchboard.testkit.ApiClient.Response;
import dev.switchboard.testkit.PlatformExtension;
import dev.switchboard.testkit.RunningPlatform;
import dev.switchboard.testkit.TestLocation;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Notes and tasks on contacts through the API: writing, paging, completing, a user's open tasks, the
 * events they emit, the timeline, merges, deleted contacts and bad input.
 */
@ExtendWith(PlatformExtension.class)
class NotesAndTasksApiIT {

    @Test
    void aNoteIsWrittenByTheCallerListedNewestFirstChangedAndDeleted(RunningPlatform platform, TestLocation location) {
        ApiClient api = location.api();
        String contact = ContactsApiIT.create(api, location, Map.of("firstName", "Noted"));
        String notes = location.path("contacts/" + contact + "/notes");
        Response created = api.postJson(notes, Map.of("body", "  First call: wants a quote.  "));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode note = created.json();
        String noteId = note.get("id").asText();
        assertThat(note.get("body").asText()).isEqualTo("First call: wants a quote.");
        assertThat(note.get("contactId").asText()).isEqualTo(contact);
        assertThat(note.get("userId").asText()).isEqualTo(me(api).path("user").path("id").asText());
        assertThat(note.get("createdAt").asText()).isEqualTo(note.get("updatedAt").asText());
        assertThat(DomainEvents.payloads(platform, location.id(), "note.created", "noteId", noteId))
                .singleElement().satisfies(payload -> {
                    assertThat(payload.get("contactId").asText()).isEqualTo(contact);
                    assertThat(payload.size()).isEqualTo(2);
                });

        List<String> written = new ArrayList<>(List.of(noteId));
        for (int i = 2; i <= 5; i++) {
            written.add(0, ok(api.postJson(notes, Map.of("body", "Call " + i)), 201).get("id").asText());
        }
        List<String> seen = new ArrayList<>();
        List<OffsetDateTime> times = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = ok(api.get(notes + "?limit=2" + (cursor == null ? "" : "&cursor=" + cursor)), 200);
            page.get("items").forEach(item -> {
                seen.add(item.get("id").asText());
                times.add(OffsetDateTime.parse(item.get("createdAt").asText()));
            });
            cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asText() : null;
        } while (cursor != null);
        assertThat(seen).containsExactlyElementsOf(written);
        assertThat(times).isSortedAccordingTo(Comparator.reverseOrder());

        assertThat(ok(api.get(notes + "/" + noteId), 200)).isEqualTo(note);
        JsonNode changed = ok(api.patchJson(notes + "/" + noteId, Map.of("body", "First call: wants a quote for 40 seats.")), 200);
        assertThat(changed.get("body").asText()).isEqualTo("First call: wants a quote for 40 seats.");
        assertThat(changed.get("createdAt").asText()).isEqualTo(note.get("createdAt").asText());
        assertThat(OffsetDateTime.parse(changed.get("updatedAt").asText()))
                .isAfterOrEqualTo(OffsetDateTime.parse(note.get("updatedAt").asText()));
        assertThat(ok(api.patchJson(notes + "/" + noteId, Map.of()), 200)).as("an empty patch changes nothing").isEqualTo(changed);

        assertThat(api.delete(notes + "/" + noteId).status()).isEqualTo(204);
        Problems.assertProblem(api.get(notes + "/" + noteId), 404, "note");
        Problems.assertProblem(api.delete(notes + "/" + noteId), 404, "note");
        assertThat(ids(api.get(notes))).hasSize(4).doesNotContain(noteId);
    }

    @Test
    void aTaskIsAssignedCompletedOnceAndReopened(RunningPlatform platform, TestLocation location) {
        ApiClient api = location.api();
        String me = me(api).path("user").path("id").asText();
        String contact = ContactsApiIT.create(api, location, Map.of("firstName", "Tasked"));
        String tasks = location.path("contacts/" + contact + "/tasks");
        Response created = api.postJson(tasks, Map.of("title", " Send the quote ", "body", "40 seats",
                "dueDate", "2026-12-04T17:00:00+01:00", "assignedTo", me));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode task = created.json();
        String taskId = task.get("id").asText();
        String path = tasks + "/" + taskId;
        assertThat(task.get("title").asText()).isEqualTo("Send the quote");
        assertThat(task.get("body").asText()).isEqualTo("40 seats");
        assertThat(OffsetDateTime.parse(task.get("dueDate").asText()).toInstant())
                .isEqualTo(OffsetDateTime.parse("2026-12-04T16:00:00Z").toInstant());
        assertThat(task.get("assignedTo").asText()).isEqualTo(me);
        assertThat(task.get("createdBy").asText()).isEqualTo(me);
        assertThat(task.get("completed").asBoolean()).isFalse();
        assertThat(task.has("completedAt")).isFalse();
        assertThat(ok(api.get(path), 200)).isEqualTo(task);
        assertThat(DomainEvents.payloads(platform, location.id(), "task.created", "taskId", taskId)).singleElement()
                .satisfies(payload -> {
                    assertThat(payload.get("contactId").asText()).isEqualTo(contact);
                    assertThat(payload.get("assignedTo").asText()).isEqualTo(me);
                });

        JsonNode completed = ok(api.patchJson(path, Map.of("completed", true)), 200);
        assertThat(completed.get("completed").asBoolean()).isTrue();
        assertThat(completed.get("completedAt").asText()).isNotBlank();
        JsonNode again = ok(api.patchJson(path, Map.of("completed", true, "title", "Send the signed quote")), 200);
        assertThat(again.get("completedAt").asText()).as("completing it again changes nothing")
                .isEqualTo(completed.get("completedAt").asText());
        assertThat(again.get("title").asText()).isEqualTo("Send the signed quote");
        assertThat(DomainEvents.payloads(platform, location.id(), "task.completed", "taskId", taskId)).singleElement()
                .satisfies(payload -> assertThat(payload.get("contactId").asText()).isEqualTo(contact));

        Map<String, Object> reopen = new HashMap<>();
        reopen.put("completed", false);
        reopen.put("dueDate", null);
        reopen.put("assignedTo", null);
        JsonNode reopened = ok(api.patchJson(path, reopen), 200);
        assertThat(reopened.get("completed").asBoolean()).isFalse();
        assertThat(reopened.has("completedAt")).isFalse();
        assertThat(reopened.has("dueDate")).isFalse();
        assertThat(reopened.has("assignedTo")).isFalse();
        assertThat(reopened.get("body").asText()).isEqualTo("40 seats");

        JsonNode unassigned = ok(api.postJson(tasks, Map.of("title", "Nobody's")), 201);
        assertThat(DomainEvents.payloads(platform, location.id(), "task.created", "taskId", unassigned.get("id").asText()))
                .singleElement().satisfies(payload -> assertThat(payload.has("assignedTo")).isFalse());

        assertThat(api.delete(path).status()).isEqualTo(204);
        Problems.assertProblem(api.get(path), 404, "task");
        assertThat(ids(api.get(tasks))).containsExactly(unassigned.get("id").asText());
    }

    @Test
    void aUsersOpenTasksAcrossContactsComeByDueDate(RunningPlatform platform, TestLocation location) {
        ApiClient api = location.api();
        String agency = me(api).path("agency").path("id").asText();
        String email = "tasks-" + UUID.randomUUID().toString().substring(0, 8) + "@notes.test";
        JsonNode user = ok(api.postJson("agencies/" + agency + "/users", Map.of("email", email, "password", "a-long-password",
                "locationRoles", Map.of(location.id(), "USER"))), 201);
        String grace = user.get("id").asText();
        String first = ContactsApiIT.create(api, location, Map.of("firstName", "First"));
        String second = ContactsApiIT.create(api, location, Map.of("firstName", "Second"));
        String gone = ContactsApiIT.create(api, location, Map.of("firstName", "Gone"));

        Map<String, String> byTitle = new LinkedHashMap<>();
        byTitle.put("third", task(api, location, first, "third", "2027-01-03T09:00:00Z", grace, false));
        byTitle.put("first", task(api, location, first, "first", "2027-01-01T09:00:00Z", grace, false));
        byTitle.put("undated", task(api, location, second, "undated", null, grace, false));
        byTitle.put("also first", task(api, location, second, "also first", "2027-01-01T10:00:00+01:00", grace, false));
        byTitle.put("undated too", task(api, location, first, "undated too", null, grace, false));
        byTitle.put("done", task(api, location, second, "done", "2027-01-02T09:00:00Z", grace, true));
        task(api, location, first, "someone else's", "2026-12-01T09:00:00Z", null, false);
        task(api, location, gone, "of a deleted contact", "2026-12-01T09:00:00Z", grace, false);
        assertThat(api.delete(location.path("contacts/" + gone)).status()).isEqualTo(204);

        List<String> open = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = ok(api.get(location.path("tasks?assignedTo=" + grace + "&limit=2"
                    + (cursor == null ? "" : "&cursor=" + cursor))), 200);
            page.get("items").forEach(item -> open.add(item.get("title").asText()));
            cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asText() : null;
        } while (cursor != null);
        List<String> undated = new ArrayList<>(List.of(byTitle.get("undated"), byTitle.get("undated too")));
        undated.sort(Comparator.naturalOrder());
        List<String> firsts = new ArrayList<>(List.of(byTitle.get("first"), byTitle.get("also first")));
        firsts.sort(Comparator.naturalOrder());
        List<String> expected = new ArrayList<>();
        firsts.forEach(id -> expected.add(titleOf(byTitle, id)));
        expected.add("third");
        undated.forEach(id -> expected.add(titleOf(byTitle, id)));
        assertThat(open).as("by due date, ties by id, undated last").containsExactlyElementsOf(expected);

        assertThat(titles(api.get(location.path("tasks?assignedTo=" + grace + "&completed=true")))).containsExactly("done");
        ApiClient asGrace = ApiClient.login(platform.baseUri(), email, "a-long-password");
        assertThat(titles(asGrace.get(location.path("tasks")))).as("the caller's open tasks by default")
                .containsExactlyElementsOf(expected);
        assertThat(titles(asGrace.get(location.path("tasks?assignedTo=me&completed=false")))).containsExactlyElementsOf(expected);
        assertThat(titles(api.get(location.path("tasks?assignedTo=" + UUID.randomUUID())))).isEmpty();

        Problems.assertProblem(api.get(location.path("tasks?assignedTo=grace")), 400, "assignedTo");
        Problems.assertProblem(api.get(location.path("tasks?completed=maybe")), 400, "completed");
        Problems.assertProblem(api.get(location.path("tasks?cursor=bm9wZQ")), 400, "cursor");
        String openCursor = ok(api.get(location.path("tasks?assignedTo=" + grace + "&limit=1")), 200).get("nextCursor").asText();
        Problems.assertProblem(api.get(location.path("tasks?assignedTo=" + grace + "&completed=true&cursor=" + openCursor)),
                400, "cursor");
    }

    @Test
    void notesAndTasksAreOnTheTimelineAndMoveWithAMerge(TestLocation location) {
        ApiClient api = location.api();
        String primary = ContactsApiIT.create(api, location, Map.of("firstName", "Primary", "email", "primary@merge.test"));
        String duplicate = ContactsApiIT.create(api, location, Map.of("firstName", "Duplicate", "email", "duplicate@merge.test"));
        String primaryNote = ok(api.postJson(location.path("contacts/" + primary + "/notes"), Map.of("body", "Mine")), 201)
                .get("id").asText();
        String movedNote = ok(api.postJson(location.path("contacts/" + duplicate + "/notes"), Map.of("body", "Moves")), 201)
                .get("id").asText();
        String movedTask = ok(api.postJson(location.path("contacts/" + duplicate + "/tasks"), Map.of("title", "Moves too")), 201)
                .get("id").asText();
        JsonNode before = ok(api.get(location.path("contacts/" + duplicate + "/timeline")), 200).get("items");
        assertThat(entry(before, "note", movedNote).get("body").asText()).isEqualTo("Moves");
        assertThat(entry(before, "task", movedTask).get("title").asText()).isEqualTo("Moves too");
        assertThat(entry(before, "task", movedTask).get("status").asText()).isEqualTo("open");

        Response merged = api.postJson(location.path("contacts/" + primary + "/merge"), Map.of("duplicateId", duplicate));
        assertThat(merged.status()).as(merged.body()).isEqualTo(200);
        assertThat(merged.json().get("moved").get("notes").asInt()).isEqualTo(1);
        assertThat(merged.json().get("moved").get("tasks").asInt()).isEqualTo(1);

        JsonNode after = ok(api.get(location.path("contacts/" + primary + "/timeline")), 200).get("items");
        entry(after, "note", movedNote);
        entry(after, "note", primaryNote);
        entry(after, "task", movedTask);
        assertThat(ids(api.get(location.path("contacts/" + primary + "/notes")))).containsExactlyInAnyOrder(primaryNote, movedNote);
        assertThat(ids(api.get(location.path("contacts/" + primary + "/tasks")))).containsExactly(movedTask);
        assertThat(ok(api.get(location.path("contacts/" + primary + "/tasks/" + movedTask)), 200).get("contactId").asText())
                .isEqualTo(primary);
        Problems.assertProblem(api.get(location.path("contacts/" + duplicate + "/notes")), 404, "contact");
        Problems.assertProblem(api.get(location.path("contacts/" + duplicate + "/tasks/" + movedTask)), 404, "contact");
    }

    @Test
    void aDeletedContactsNotesAndTasksAreNotFoundUntilItIsRestored(TestLocation location) {
        ApiClient api = location.api();
        String contact = ContactsApiIT.create(api, location, Map.of("firstName", "Trashed"));
        String notes = location.path("contacts/" + contact + "/notes");
        String tasks = location.path("contacts/" + contact + "/tasks");
        String note = ok(api.postJson(notes, Map.of("body", "Before")), 201).get("id").asText();
        String task = ok(api.postJson(tasks, Map.of("title", "Before")), 201).get("id").asText();
        assertThat(api.delete(location.path("contacts/" + contact)).status()).isEqualTo(204);

        for (Response answer : List.of(api.get(notes), api.get(notes + "/" + note), api.postJson(notes, Map.of("body", "After")),
                api.patchJson(notes + "/" + note, Map.of("body", "After")), api.delete(notes + "/" + note),
                api.get(tasks), api.get(tasks + "/" + task), api.postJson(tasks, Map.of("title", "After")),
                api.patchJson(tasks + "/" + task, Map.of("completed", true)), api.delete(tasks + "/" + task))) {
            Problems.assertProblem(answer, 404, "contact " + contact);
        }

        assertThat(api.postJson(location.path("contacts/" + contact + "/restore"), Map.of()).status()).isEqualTo(200);
        assertThat(ids(api.get(notes))).containsExactly(note);
        assertThat(ids(api.get(tasks))).containsExactly(task);
    }

    @Test
    void badInputIsAProblemNamingTheField(TestLocation location) {
        ApiClient api = location.api();
        String contact = ContactsApiIT.create(api, location, Map.of("firstName", "Careful"));
        String notes = location.path("contacts/" + contact + "/notes");
        String tasks = location.path("contacts/" + contact + "/tasks");

        Problems.assertFieldError(api.postJson(notes, Map.of()), "/body", "required");
        Problems.assertFieldError(api.postJson(notes, Map.of("body", " ")), "/body", "required");
        Problems.assertFieldError(api.postJson(notes, Map.of("body", "x".repeat(20_001))), "/body", "longer than 20000");
        assertThat(api.postJson(notes, Map.of("body", "x".repeat(20_000))).status()).isEqualTo(201);
        Problems.assertFieldError(api.postJson(notes, Map.of("body", 42)), "/body", "string");
        Problems.assertFieldError(api.postJson(notes, Map.of("body", "nul\u0000here")), "/body", "NUL");
        Problems.assertFieldError(api.postJson(notes, Map.of("body", "ok", "mood", "happy")), "/mood", "unknown field");
        Problems.assertFieldError(api.postJson(notes, Map.of("body", "ok", "userId", UUID.randomUUID().toString())),
                "/userId", "cannot be written");
        Problems.assertProblem(api.postJson(location.path("contacts/" + UUID.randomUUID() + "/notes"), Map.of("body", "ok")),
                404, "contact");
        String note = ok(api.postJson(notes, Map.of("body", "Kept")), 201).get("id").asText();
        Map<String, Object> noBody = new HashMap<>();
        noBody.put("body", null);
        Problems.assertFieldError(api.patchJson(notes + "/" + note, noBody), "/body", "required");
        Problems.assertFieldError(api.patchJson(notes + "/" + note, Map.of("contactId", UUID.randomUUID().toString())),
                "/contactId", "cannot be written");
        assertThat(ok(api.get(notes + "/" + note), 200).get("body").asText()).isEqualTo("Kept");

        Problems.assertFieldError(api.postJson(tasks, Map.of("body", "no title")), "/title", "required");
        Problems.assertFieldError(api.postJson(tasks, Map.of("title", "x".repeat(201))), "/title", "longer than 200");
        Problems.assertFieldError(api.postJson(tasks, Map.of("title", "X", "body", "x".repeat(20_001))), "/body", "longer than 20000");
        Problems.assertFieldError(api.postJson(tasks, Map.of("title", List.of("X"))), "/title", "string");
        Problems.assertFieldError(api.postJson(tasks, Map.of("title", "X\u0000")), "/title", "NUL");
        Problems.assertFieldError(api.postJson(tasks, Map.of("title", "X", "dueDate", "2026-12-04")), "/dueDate", "timestamp");
        Problems.assertFieldError(api.postJson(tasks, Map.of("title", "X", "dueDate", "2026-12-04T17:00:00")), "/dueDate",
                "timestamp");
        Problems.assertFieldError(api.postJson(tasks, Map.of("title", "X", "dueDate", "tomorrow")), "/dueDate", "timestamp");
        Problems.assertFieldError(api.postJson(tasks, Map.of("title", "X", "dueDate", 1_764_000_000)), "/dueDate", "string");
        Problems.assertFieldError(api.postJson(tasks, Map.of("title", "X", "dueDate", "1900-01-01T00:00:00Z")), "/dueDate",
                "years");
        Problems.assertFieldError(api.postJson(tasks, Map.of("title", "X", "completed", "yes")), "/completed", "true or false");
        Problems.assertFieldError(api.postJson(tasks, Map.of("title", "X", "assignedTo", "me")), "/assignedTo", "id");
        Problems.assertFieldError(api.postJson(tasks, Map.of("title", "X", "assignedTo", UUID.randomUUID().toString())),
                "/assignedTo", "no user");
        Problems.assertFieldError(api.postJson(tasks, Map.of("title", "X", "completedAt", "2026-01-01T00:00:00Z")),
                "/completedAt", "cannot be written");
        Problems.assertFieldError(api.postJson(tasks, Map.of("title", "X", "priority", "high")), "/priority", "unknown field");

        // another location's contact, note, task and user
        Response otherLocation = api.postJson("locations", Map.of("name", "NotesAndTasksApiIT elsewhere"));
        assertThat(otherLocation.status()).as(otherLocation.body()).isEqualTo(201);
        String other = otherLocation.json().get("id").asText();
        TestLocation elsewhere = new TestLocation(api, other, "elsewhere");
        String foreignContact = ContactsApiIT.create(api, elsewhere, Map.of("firstName", "Foreign"));
        String foreignNote = ok(api.postJson(elsewhere.path("contacts/" + foreignContact + "/notes"), Map.of("body", "Theirs")), 201)
                .get("id").asText();
        String foreignTask = ok(api.postJson(elsewhere.path("contacts/" + foreignContact + "/tasks"), Map.of("title", "Theirs")), 201)
                .get("id").asText();
        Problems.assertProblem(api.postJson(location.path("contacts/" + foreignContact + "/notes"), Map.of("body", "x")),
                404, "contact");
        Problems.assertProblem(api.get(location.path("contacts/" + foreignContact + "/tasks")), 404, "contact");
        Problems.assertProblem(api.get(notes + "/" + foreignNote), 404, "note");
        Problems.assertProblem(api.patchJson(notes + "/" + foreignNote, Map.of("body", "Mine now")), 404, "note");
        Problems.assertProblem(api.delete(tasks + "/" + foreignTask), 404, "task");
        Problems.assertProblem(api.patchJson(tasks + "/" + foreignTask, Map.of("completed", true)), 404, "task");
        String agency = me(api).path("agency").path("id").asText();
        String outsider = ok(api.postJson("agencies/" + agency + "/users", Map.of("email", "outsider-" + UUID.randomUUID()
                .toString().substring(0, 8) + "@notes.test", "password", "a-long-password", "locationRoles",
                Map.of(other, "USER"))), 201).get("id").asText();
        Problems.assertFieldError(api.postJson(tasks, Map.of("title", "X", "assignedTo", outsider)), "/assignedTo", "no user");
        String task = ok(api.postJson(tasks, Map.of("title", "Kept")), 201).get("id").asText();
        Problems.assertFieldError(api.patchJson(tasks + "/" + task, Map.of("assignedTo", outsider)), "/assignedTo", "no user");
        // a note's id is not a task's
        Problems.assertProblem(api.get(tasks + "/" + note), 404, "task");
        assertThat(ok(api.get(elsewhere.path("contacts/" + foreignContact + "/notes/" + foreignNote)), 200).get("body").asText())
                .isEqualTo("Theirs");
        assertThat(ok(api.get(elsewhere.path("contacts/" + foreignContact + "/tasks/" + foreignTask)), 200)
                .get("completed").asBoolean()).isFalse();
    }

    private static String task(ApiClient api, TestLocation location, String contact, String title, String due,
                               String assignee, boolean completed) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        if (due != null) {
            body.put("dueDate", due);
        }
        if (assignee != null) {
            body.put("assignedTo", assignee);
        }
        body.put("completed", completed);
        return ok(api.postJson(location.path("contacts/" + contact + "/tasks"), body), 201).get("id").asText();
    }

    private static String titleOf(Map<String, String> byTitle, String id) {
        return byTitle.entrySet().stream().filter(e -> e.getValue().equals(id)).findFirst().orElseThrow().getKey();
    }

    private static JsonNode entry(JsonNode timeline, String kind, String id) {
        for (JsonNode item : timeline) {
            if (kind.equals(item.get("kind").asText()) && id.equals(item.get("id").asText())) {
                return item;
            }
        }
        throw new AssertionError("no " + kind + " " + id + " on the timeline " + timeline);
    }

    /** The caller's {@code me}: {@code user.id}, {@code agency.id}. */
    private static JsonNode me(ApiClient api) {
        return ok(api.get("me"), 200);
    }

    private static JsonNode ok(Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        return response.json();
    }

    private static List<String> ids(Response page) {
        List<String> ids = new ArrayList<>();
        ok(page, 200).get("items").forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }

    private static List<String> titles(Response page) {
        List<String> titles = new ArrayList<>();
        ok(page, 200).get("items").forEach(item -> titles.add(item.get("title").asText()));
        return titles;
    }
}
