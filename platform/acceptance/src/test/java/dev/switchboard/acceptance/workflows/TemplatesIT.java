package dev.switchboard.acceptance.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.switchboard.acceptance.support.EmailPlugin;
import dev.switchboard.acceptance.support.Mailbox;
import dev.switchboard.acceptance.support.EchoChannelPlugin;
import dev.switchboard.acceptance.support.Scenario;
import dev.switchboard.testkit.ApiClient;
import dev.switchboard.testkit.PlatformExtension;
import dev.switchboard.testkit.RunningPlatform;
import dev.switchboard.testkit.TestLocation;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The template gallery ({@code bpmn/templates}): every template is a workflow the platform publishes,
 * and each runs as its comment says. Waits of days are shortened to seconds by replacing their
 * durations in the text before it is published; nothing else of a template is changed.
 */
@ExtendWith(PlatformExtension.class)
class TemplatesIT {

    private static final Duration SOON = Duration.ofSeconds(60);

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withPerMethodLifecycle(false);

    private static TestLocation location;
    private static Scenario scenario;

    @BeforeAll
    static void setUp(RunningPlatform platform, TestLocation testLocation) {
        location = testLocation;
        scenario = new Scenario(location);
        EmailPlugin.ensureInstalled(location.api());
        EmailPlugin.useSmtp(location, SMTP.getSmtp().getPort());
        EchoChannelPlugin.ensureInstalled(platform.admin());
        scenario.deployFixture(WaitsIT.class, "answer");
    }

    @Test
    void everyTemplateOfTheGalleryIsPublishedAsItIs() throws IOException {
        List<Path> templates;
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("bpmn.templates")))) {
            templates = files.filter(file -> file.toString().endsWith(".bpmn20.xml")).sorted().toList();
        }
        assertThat(templates.stream().map(file -> file.getFileName().toString())).contains("welcome-new-lead.bpmn20.xml",
                "lead-nurture.bpmn20.xml", "re-engagement.bpmn20.xml", "review-request.bpmn20.xml",
                "birthday-greeting.bpmn20.xml", "appointment-reminder.bpmn20.xml");
        for (Path template : templates) {
            ApiClient.Response draft = location.api().send("PUT", location.path("workflows/gallery-check/draft"),
                    "application/xml", Files.readAllBytes(template));
            assertThat(draft.status()).as(template + ": " + draft.body()).isEqualTo(200);
            assertThat(draft.json().get("problems")).as(template + " publishes (only its id differs)").hasSize(1);
            assertThat(draft.json().get("problems").get(0).get("detail").asText()).contains("only a process with the id");
        }
    }

    @Test
    void leadNurtureEngagesAContactWhoRepliesAndTagsOneWhoDoesNot() throws Exception {
        publish("lead-nurture", Map.of("P2D", "PT3S", "P3D", "PT3S"));
        String replies = scenario.contact("Rosa", "rosa.nurture@example.com");
        String silent = scenario.contact("Sid", "sid.nurture@example.com");

        scenario.tag(replies, "nurture");
        scenario.tag(silent, "nurture");
        awaitMail("rosa.nurture@example.com", 1);
        scenario.tag(replies, "answer");

        JsonNode engaged = run(replies, "lead-nurture");
        assertThat(engaged.get("state").asText()).as(engaged.toString()).isEqualTo("COMPLETED");
        assertThat(scenario.tags(replies)).contains("engaged").doesNotContain("nurture-no-reply");
        assertThat(location.api().get(location.path("contacts/" + replies + "/tasks")).json().get("items").get(0)
                .get("title").asText()).isEqualTo("Call Rosa back: they replied");
        assertThat(subjects("rosa.nurture@example.com")).containsExactly("Rosa, a quick question");

        JsonNode noReply = scenario.endedRuns(silent, 1, SOON).get(0);
        assertThat(noReply.get("state").asText()).isEqualTo("COMPLETED");
        assertThat(scenario.tags(silent)).contains("nurture-no-reply").doesNotContain("engaged");
        assertThat(subjects("sid.nurture@example.com")).containsExactly("Sid, a quick question", "Still there, Sid?");
    }

    @Test
    void reEngagementWarmsUpAReplyingContactOnceAQuarter() throws Exception {
        publish("re-engagement", Map.of("P7D", "PT3S"));
        String cold = contact("Cora", "cora.cold@example.com", Map.of("tags", List.of("cold")));
        String quiet = contact("Quinn", "quinn.cold@example.com", Map.of("tags", List.of("cold")));

        ApiClient.Response job = location.api().postJson(location.path("bulk-actions"), Map.of("action", "startWorkflow",
                "options", Map.of("workflow", "re-engagement"), "contacts", List.of(cold, quiet)));
        assertThat(job.status()).as(job.body()).isEqualTo(202);
        awaitMail("cora.cold@example.com", 1);
        scenario.tag(cold, "answer");

        assertThat(run(cold, "re-engagement").get("state").asText()).isEqualTo("COMPLETED");
        assertThat(scenario.tags(cold)).contains("re-engaged").doesNotContain("cold");
        assertThat(scenario.endedRuns(quiet, 1, SOON).get(0).get("state").asText()).isEqualTo("COMPLETED");
        assertThat(scenario.tags(quiet)).contains("cold", "unresponsive");
        assertThat(location.api().postJson(location.path("workflows/re-engagement/runs"), Map.of("contactId", quiet)).status())
                .as("once a quarter").isEqualTo(409);
    }

    @Test
    void aWonDealGetsAReviewRequestWithTheLocationsLink() throws Exception {
        publish("review-request", Map.of("P1D", "PT1S"));
        assertThat(location.api().postJson(location.path("custom-values"), Map.of("key", "review_link", "name", "Review link",
                "value", "https://reviews.example/agency")).status()).isEqualTo(201);
        String contact = scenario.contact("Wendy", "wendy.won@example.com");
        JsonNode pipeline = location.api().postJson(location.path("pipelines"), Map.of("name", "Templates sales",
                "stages", List.of(Map.of("name", "Open deal")))).json();
        String deal = location.api().postJson(location.path("opportunities"), Map.of("name", "Big deal", "contactId", contact,
                "pipelineId", pipeline.get("id").asText())).json().get("id").asText();

        location.api().patchJson(location.path("opportunities/" + deal), Map.of("status", "won"));

        assertThat(run(contact, "review-request").get("state").asText()).isEqualTo("COMPLETED");
        MimeMessage message = Mailbox.messagesTo(SMTP, "wendy.won@example.com").get(0);
        assertThat(message.getSubject()).isEqualTo("How did we do, Wendy?");
        assertThat((String) message.getContent()).contains("https://reviews.example/agency");
        assertThat(scenario.tags(contact)).contains("review-requested");
    }

    @Test
    void aBirthdayIsGreetedOnceAndTheRunWaitsForTheNextOne() throws Exception {
        // 9:00 becomes midnight, which has passed today: the greeting is due at once
        publish("birthday-greeting", Map.of("\"09:00\"", "\"00:00\""));
        String born = contact("Bea", "bea.birthday@example.com",
                Map.of("dateOfBirth", LocalDate.now(ZoneOffset.UTC).minusYears(40).toString(), "timezone", "UTC"));
        String unknown = scenario.contact("Una", "una.nobirthday@example.com");

        awaitMail("bea.birthday@example.com", 1);
        assertThat(subjects("bea.birthday@example.com")).containsExactly("Happy birthday, Bea!");
        List<JsonNode> runs = scenario.awaitRuns(born, SOON, all -> all.size() == 1);
        assertThat(runs.get(0).get("state").asText()).as("waiting for next year").isEqualTo("RUNNING");
        assertThat(scenario.endedRuns(unknown, 1, SOON).get(0).get("state").asText()).isEqualTo("COMPLETED");
        Scenario.sleep(2000);
        assertThat(Mailbox.messagesTo(SMTP, "bea.birthday@example.com")).as("greeted once").hasSize(1);
        assertThat(Mailbox.messagesTo(SMTP, "una.nobirthday@example.com")).isEmpty();
    }

    @Test
    void anAppointmentIsRemindedADayAndTwoHoursBefore() throws Exception {
        // a day becomes 8 seconds and two hours 4 seconds: the appointment is 12 seconds away
        publish("appointment-reminder", Map.of("\"P1D\"", "\"PT8S\"", "\"PT2H\"", "\"PT4S\""));
        assertThat(location.api().postJson(location.path("custom-fields"), Map.of("key", "appointment_at",
                "name", "Appointment at", "type", "text")).status()).isEqualTo(201);
        OffsetDateTime appointment = OffsetDateTime.now(ZoneOffset.ofHours(1)).plusSeconds(12).truncatedTo(ChronoUnit.SECONDS);
        String contact = contact("Abe", "abe.appointment@example.com",
                Map.of("customFields", Map.of("appointment_at", appointment.toString())));

        scenario.tag(contact, "appointment-booked");

        assertThat(run(contact, "appointment-reminder").get("state").asText()).isEqualTo("COMPLETED");
        assertThat(subjects("abe.appointment@example.com"))
                .containsExactly("See you tomorrow, Abe", "In two hours: your appointment");
        assertThat((String) Mailbox.messagesTo(SMTP, "abe.appointment@example.com").get(0).getContent())
                .contains(appointment.toString());
    }

    /** Publishes a template with its durations shortened as {@code replacements} say. */
    private static void publish(String template, Map<String, String> replacements) throws IOException {
        String xml = Files.readString(Path.of(System.getProperty("bpmn.templates"), template + ".bpmn20.xml"));
        for (Map.Entry<String, String> replacement : replacements.entrySet()) {
            assertThat(xml).as(template + " has " + replacement.getKey()).contains(replacement.getKey());
            xml = xml.replace(replacement.getKey(), replacement.getValue());
        }
        ApiClient.Response published = scenario.deploy(xml);
        assertThat(published.status()).as(published.body()).isEqualTo(201);
    }

    private static String contact(String firstName, String email, Map<String, Object> more) {
        Map<String, Object> body = new java.util.HashMap<>(more);
        body.put("firstName", firstName);
        body.put("email", email);
        ApiClient.Response created = location.api().postJson(location.path("contacts"), body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private static JsonNode run(String contact, String workflow) {
        return scenario.awaitRuns(contact, SOON, runs -> runs.stream().anyMatch(run -> workflow.equals(
                        run.get("workflowKey").asText()) && !"RUNNING".equals(run.get("state").asText())))
                .stream().filter(run -> workflow.equals(run.get("workflowKey").asText())).findFirst().orElseThrow();
    }

    private static void awaitMail(String address, int count) throws MessagingException {
        long deadline = System.nanoTime() + SOON.toNanos();
        while (Mailbox.messagesTo(SMTP, address).size() < count) {
            assertThat(System.nanoTime()).as("mail to " + address).isLessThan(deadline);
            Scenario.sleep(200);
        }
    }

    private static List<String> subjects(String address) throws MessagingException {
        List<String> subjects = new ArrayList<>();
        for (MimeMessage message : Mailbox.messagesTo(SMTP, address)) {
            subjects.add(message.getSubject());
        }
        return subjects;
    }
}
