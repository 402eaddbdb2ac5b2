package dev.switchboard.bpmn.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.api.schema.Field;
import dev.switchboard.bpmn.actions.ActionTaskValidator;
import dev.switchboard.bpmn.triggers.WorkflowTrigger;
import dev.switchboard.core.plugins.actions.ActionSpec;
import dev.switchboard.core.problems.ProblemException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.flowable.validation.ProcessValidator;
import org.junit.jupiter.api.Test;

class BpmnDocumentTest {

    /** The inputs of a send-email action: subject and body required. */
    record EmailInput(@Field String to, @Field(required = true) String subject,
                      @Field(required = true, multiline = true) String body) {
    }

    private static final ProcessValidator VALIDATOR = ActionTaskValidator.processValidator();
    private static final ActionSpec SEND_EMAIL = new ActionSpec("email.send", "Send email", "", "test.plugin", "1.0.0",
            EmailInput.class, EmailInput.class, 0);
    private static final Map<String, Set<String>> EVENTS = Map.of("contact.created", Set.of("contactId"),
            "contact.tag_added", Set.of("contactId", "tag"));
    private static final BpmnDocument.Rules EMAIL_ONLY = new BpmnDocument.Rules(
            id -> id.equals(SEND_EMAIL.id()) ? Optional.of(SEND_EMAIL) : Optional.empty(), EVENTS, 1000);
    private static final BpmnDocument.Rules NONE = new BpmnDocument.Rules(id -> Optional.empty(), EVENTS, 1000);

    @Test
    void readsTheShippedTemplatesKeyTriggerAndActionInputs() throws IOException {
        BpmnDocument document = BpmnDocument.parse(template(), VALIDATOR, EMAIL_ONLY);

        assertThat(document.key()).isEqualTo("welcome-new-lead");
        assertThat(document.name()).isEqualTo("Welcome new lead");
        assertThat(document.trigger()).contains(new WorkflowTrigger("contact.tag_added", Map.of("tag", "lead")));
        assertThat(document.actionTasks()).singleElement().satisfies(task -> {
            assertThat(task.actionId()).isEqualTo("email.send");
            assertThat(task.inputs()).containsEntry("subject", "Hello {{contact.firstName | \"there\"}}");
            assertThat(task.inputs().get("body")).startsWith("Hi {{contact.firstName | \"there\"}},");
        });
    }

    @Test
    void refusesActionsNoActivePluginProvidesNamingThem() throws IOException {
        assertRefused(template(), NONE, "action 'email.send' is not provided by any plugin active in this location");
    }

    @Test
    void refusesTasksMissingARequiredInputOfTheirAction() throws IOException {
        String withoutSubject = template().replaceAll("(?s)<sb:input name=\"subject\">.*?</sb:input>", "");

        assertRefused(withoutSubject, EMAIL_ONLY, "needs input 'subject'");
    }

    @Test
    void refusesDoctypesSoEntitiesNeverExpand() {
        String billionLaughs = """
                <?xml version="1.0"?>
                <!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="x">
                  <process id="p" name="&b;" isExecutable="true"/></definitions>""";

        assertRefused(billionLaughs, NONE, "DOCTYPE");
    }

    @Test
    void refusesMalformedEmptyAndNonExecutableDocuments() {
        assertRefused("<definitions", NONE, "well-formed");
        assertRefused("  ", NONE, "empty");
        assertRefused("""
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="x">
                  <process id="p" isExecutable="false"><startEvent id="s"/></process></definitions>""",
                NONE, "non-executable");
    }

    @Test
    void reportsFlowableValidationMessages() {
        assertRefused("""
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="x">
                  <process id="p" isExecutable="true"><startEvent id="s"/>
                    <serviceTask id="plain" name="No implementation"/></process></definitions>""",
                NONE, "element 'plain': a service task runs a plugin action");
    }

    @Test
    void refusesAMultiInstanceWhoseCardinalityIsOverTheLimit() {
        String huge = """
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="x">
                  <process id="p" isExecutable="true"><startEvent id="s"/>
                    <serviceTask id="many" xmlns:sb="https://switchboard.dev/schema/bpmn" sb:action="email.send">
                      <multiInstanceLoopCharacteristics isSequential="false">
                      <loopCardinality>2000000000</loopCardinality></multiInstanceLoopCharacteristics></serviceTask>
                  </process></definitions>""";

        assertRefused(huge, NONE, "element 'many': multi-instance cardinality 2000000000 exceeds the limit of 1000");
    }

    @Test
    void refusesATriggerOnAnUndeclaredEventNamingTheDeclaredOnes() throws IOException {
        assertRefused(template().replace("contact.tag_added", "contact.teleported"), EMAIL_ONLY,
                "trigger event 'contact.teleported' is not one of [contact.created, contact.tag_added]");
    }

    @Test
    void readsATriggersConditionAndChecksItsEventFields() throws IOException {
        String conditional = template().replace("</sb:trigger>",
                "<sb:condition>= event.tag = \"lead\" and contact.customFields.score &gt; 50</sb:condition></sb:trigger>");

        assertThat(BpmnDocument.parse(conditional, VALIDATOR, EMAIL_ONLY).trigger()).hasValueSatisfying(trigger ->
                assertThat(trigger.condition()).isEqualTo("= event.tag = \"lead\" and contact.customFields.score > 50"));
        assertRefused(conditional.replace("event.tag", "event.value"), EMAIL_ONLY,
                "element 'tagLeadAdded': <sb:condition> names event.value, which contact.tag_added events do not carry;"
                        + " they carry [contactId, tag]");
        assertRefused(conditional.replace("<sb:condition>=", "<sb:condition>"), EMAIL_ONLY,
                "<sb:condition> must be a FEEL expression written after '='");
        assertRefused(conditional.replace("and contact", "and and contact"), EMAIL_ONLY, "not a valid FEEL expression");
        assertRefused(template().replace("field=\"tag\"", "field=\"colour\""), EMAIL_ONLY,
                "<sb:match> names field 'colour', which contact.tag_added events do not carry");
    }

    @Test
    void keepsEscapedCharactersAndTheSpacesAroundThemInInputsAndConditions() throws IOException {
        String escaped = template().replace("</sb:trigger>",
                        "<sb:condition>= event.tag != \"Q &amp; A\"</sb:condition></sb:trigger>")
                .replaceAll("(?s)<sb:input name=\"subject\">.*?</sb:input>",
                        "<sb:input name=\"subject\">Tom &amp; Jerry &lt;3 <![CDATA[and]]> friends</sb:input>");

        BpmnDocument document = BpmnDocument.parse(escaped, VALIDATOR, EMAIL_ONLY);

        assertThat(document.trigger().orElseThrow().condition()).isEqualTo("= event.tag != \"Q & A\"");
        assertThat(document.actionTasks().get(0).inputs()).containsEntry("subject", "Tom & Jerry <3 and friends");
        assertThat(BpmnDocument.parse(template(), VALIDATOR, EMAIL_ONLY).xml()).isEqualTo(template());
    }

    @Test
    void checksTheFiltersOfAMessageWaitAgainstItsEventType() {
        String wait = """
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:sb="https://switchboard.dev/schema/bpmn"
                    targetNamespace="x"><message id="m" name="%s"/>
                  <process id="p" isExecutable="true"><startEvent id="s"/><sequenceFlow id="f1" sourceRef="s" targetRef="w"/>
                    <intermediateCatchEvent id="w"><extensionElements><sb:condition>= event.%s = "vip"</sb:condition>
                      </extensionElements><messageEventDefinition messageRef="m"/></intermediateCatchEvent>
                    <sequenceFlow id="f2" sourceRef="w" targetRef="e"/><endEvent id="e"/></process></definitions>""";

        assertThat(BpmnDocument.parse(wait.formatted("contact.tag_added", "tag"), VALIDATOR, NONE).key()).isEqualTo("p");
        assertRefused(wait.formatted("contact.tag_added", "colour"), NONE, "element 'w': <sb:condition> names event.colour");
        assertRefused(wait.formatted("order.shipped", "tag"), NONE,
                "element 'w': <sb:match> and <sb:condition> filter the platform event a message catch event waits for");
    }

    private static void assertRefused(String xml, BpmnDocument.Rules actions, String reason) {
        assertThatThrownBy(() -> BpmnDocument.parse(xml, VALIDATOR, actions))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(400);
                    assertThat(e.problem().type()).isEqualTo("/api/v1/problems/invalid-bpmn");
                    assertThat(e.problem().detail()).contains(reason);
                });
    }

    private static String template() throws IOException {
        try (InputStream in = BpmnDocumentTest.class.getResourceAsStream("/bpmn/templates/welcome-new-lead.bpmn20.xml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
