package dev.switchboard.acceptance.crm;

import static dev.switchboard.acceptance.crm.PipelineFixtures.changes;
import static dev.switchboard.acceptance.crm.PipelineFixtures.contact;
import static dev.switchboard.acceptance.crm.PipelineFixtures.ids;
import static dev.switchboard.acceptance.crm.PipelineFixtures.opportunityIn;
import static dev.switchboard.acceptance.crm.PipelineFixtures.otherLocation;
import static dev.switchboard.acceptance.crm.PipelineFixtures.pipeline;
import static dev.switchboard.acceptance.crm.PipelineFixtures.stage;
import static dev.switchboard.acceptance.support.Scenario.step;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.acceptance.crm.fixture.DealActions;
import dev.switchboard.acceptance.crm.fixture.DealInput;
import dev.switchboard.acceptance.crm.fixture.DealOutput;
import dev.switchboard.acceptance.support.DomainEvents;
import dev.switchboard.acceptance.support.Scenario;
import dev.switchboard.testkit.ApiClient;
import dev.switchboard.testkit.ApiClient.Response;
import dev.switchboard.testkit.PlatformExtension;
import dev.switchboard.testkit.RunningPlatform;
import dev.switchboard.testkit.TestBundles;
import dev.switchboard.testkit.TestLocation;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The opportunities host service through a real platform: a plugin's action opens, moves, wins and
 * values a deal of the run's contact, which the opportunities API then shows with its stage history,
 * its history on the contact's timeline (the plugin as the actor) and its events; an opportunity of
 * another location stays out of the plugin's reach; bad input fails the step with the reason.
 */
@ExtendWith(PlatformExtension.class)
class PluginOpportunitiesIT {

    private static final String PLUGIN = "test.deals.plugin";

    @BeforeAll
    static void install(RunningPlatform platform) {
        Response installed = platform.admin().post("plugins", "application/java-archive",
                TestBundles.pf4j(PLUGIN, "1.0.0", DealActions.class, DealInput.class, DealOutput.class));
        assertThat(installed.status()).as(installed.body()).isEqualTo(200);
    }

    @Test
    void aPluginOpensMovesAndWinsADealOfTheRunsContactAsTheApiWould(RunningPlatform platform, TestLocation location) {
        ApiClient api = location.api();
        Scenario scenario = new Scenario(location);
        JsonNode pipeline = pipeline(api, location, "Billing", "New", "Invoiced", "Paid");
        String elsewhere = otherLocation(api);
        JsonNode theirPipeline = pipeline(api, elsewhere, "Theirs", "Only");
        String foreign = opportunityIn(api, elsewhere, contact(api, elsewhere, "Stranger"), theirPipeline);
        deploy(scenario, "close-deal", "test.deals.close", pipeline.get("id").asText(), stage(pipeline, "Paid"),
                "1999.9", "eur", foreign);
        String contact = contact(api, location, "Ada");

        scenario.tag(contact, "close-deal");

        JsonNode run = scenario.endedRuns(contact, 1, Duration.ofSeconds(60)).get(0);
        assertThat(run.get("state").asText()).as(run.toString()).isEqualTo("COMPLETED");
        String summary = step(run, "call").get("summary").asText();
        List<String> deals = ids(api.get(location.path("opportunities?contactId=" + contact)));
        assertThat(deals).hasSize(1);
        String id = deals.get(0);
        assertThat(summary).isEqualTo("deal " + id + "; deals of contact: 1; foreign found: false; foreign move: "
                + "opportunity " + foreign + " does not exist");

        JsonNode deal = api.get(location.path("opportunities/" + id)).json();
        assertThat(deal.get("name").asText()).isEqualTo("Plugin deal");
        assertThat(deal.get("pipelineStageId").asText()).isEqualTo(stage(pipeline, "Paid"));
        assertThat(deal.get("status").asText()).isEqualTo("won");
        assertThat(deal.get("monetaryValue").decimalValue()).isEqualByComparingTo(new BigDecimal("1999.90"));
        assertThat(deal.get("currency").asText()).isEqualTo("EUR");
        JsonNode history = api.get(location.path("opportunities/" + id + "/stage-history")).json().get("items");
        assertThat(history).extracting(entry -> entry.get("toStageName").asText()).containsExactly("New", "Paid");
        List<JsonNode> changes = changes(api, location, contact, id);
        assertThat(changes).extracting(change -> change.get("field").asText())
                .contains("created", "pipelineStageId", "status", "monetaryValue", "currency");
        assertThat(changes).allSatisfy(change -> {
            assertThat(change.get("actorType").asText()).isEqualTo("PLUGIN");
            assertThat(change.get("actorId").asText()).isEqualTo(PLUGIN);
        });
        assertThat(DomainEvents.payloads(platform, location.id(), "opportunity.stage_changed", "opportunityId", id))
                .extracting(event -> event.get("toStageName").asText()).containsExactly("Paid");
        assertThat(DomainEvents.payloads(platform, location.id(), "opportunity.status_changed", "opportunityId", id))
                .extracting(event -> event.get("to").asText()).containsExactly("won");
        JsonNode theirs = api.get(elsewhere + "opportunities/" + foreign).json();
        assertThat(theirs.get("pipelineStageId").asText()).as("the other location's deal did not move")
                .isEqualTo(stage(theirPipeline, "Only"));
    }

    @Test
    void badInputFromAPluginFailsItsStepWithTheReasonAndCreatesNothing(TestLocation location) {
        ApiClient api = location.api();
        Scenario scenario = new Scenario(location);
        JsonNode pipeline = pipeline(api, location, "Refusals", "New");
        String elsewhere = otherLocation(api);
        JsonNode theirPipeline = pipeline(api, elsewhere, "Theirs", "Only");
        String unused = UUID.randomUUID().toString();
        deploy(scenario, "bad-currency", "test.deals.open", pipeline.get("id").asText(), stage(pipeline, "New"), "10",
                "XYZ", unused);
        deploy(scenario, "their-stage", "test.deals.open", pipeline.get("id").asText(), stage(theirPipeline, "Only"),
                "10", "USD", unused);
        String currency = contact(api, location, "Currency");
        String stage = contact(api, location, "Stage");

        scenario.tag(currency, "bad-currency");
        scenario.tag(stage, "their-stage");

        assertFailedWith(scenario, currency, "currency: 'XYZ' is not an ISO 4217 currency code");
        assertFailedWith(scenario, stage, "stageId: no stage " + stage(theirPipeline, "Only") + " in this location");
        assertThat(ids(api.get(location.path("opportunities?pipelineId=" + pipeline.get("id").asText())))).isEmpty();
    }

    private static void assertFailedWith(Scenario scenario, String contact, String reason) {
        JsonNode run = scenario.endedRuns(contact, 1, Duration.ofSeconds(90)).get(0);
        assertThat(run.get("state").asText()).as(run.toString()).isEqualTo("FAILED");
        JsonNode step = step(run, "call");
        assertThat(step.get("status").asText()).isEqualTo("FAILED");
        assertThat(step.get("error").asText()).contains(reason).doesNotContain("failed in the host")
                .doesNotContain("Exception");
    }

    /** A workflow that runs {@code action} with these inputs for a contact tagged {@code tag}. */
    private static void deploy(Scenario scenario, String tag, String action, String pipelineId, String stageId,
                               String value, String currency, String foreignId) {
        Response deployed = scenario.deploy("""
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                             xmlns:sb="https://switchboard.dev/schema/bpmn" targetNamespace="https://switchboard.dev/tests">
                  <process id="%1$s" name="%1$s" isExecutable="true">
                    <startEvent id="start"><extensionElements>
                      <sb:trigger event="contact.tag_added"><sb:match field="tag" value="%1$s"/></sb:trigger>
                    </extensionElements></startEvent>
                    <sequenceFlow id="f1" sourceRef="start" targetRef="call"/>
                    <serviceTask id="call" name="Call" sb:action="%2$s"><extensionElements>
                      <sb:input name="pipelineId">%3$s</sb:input>
                      <sb:input name="stageId">%4$s</sb:input>
                      <sb:input name="value">%5$s</sb:input>
                      <sb:input name="currency">%6$s</sb:input>
                      <sb:input name="foreignId">%7$s</sb:input>
                    </extensionElements></serviceTask>
                    <sequenceFlow id="f2" sourceRef="call" targetRef="end"/>
                    <endEvent id="end"/>
                  </process>
                </definitions>
                """.formatted(tag, action, pipelineId, stageId, value, currency, foreignId));
        assertThat(deployed.status()).as(deployed.body()).isEqualTo(201);
    }
}
