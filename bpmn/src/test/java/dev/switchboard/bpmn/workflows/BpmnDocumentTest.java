package dev.switchboard.bpmn.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.bpmn.actions.ActionTaskValidator;
import dev.switchboard.bpmn.triggers.WorkflowTrigger;
import dev.switchboard.core.problems.ProblemException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.flowable.validation.ProcessValidator;
import org.junit.jupiter.api.Test;

class BpmnDocumentTest {

    private static final ProcessValidator VALIDATOR = ActionTaskValidator.processValidator();

    @Test
    void readsTheShippedTemplatesKeyTriggerAndActionInputs() throws IOException {
        BpmnDocument document = BpmnDocument.parse(template(), VALIDATOR, Set.of("email.send")::contains);

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
        assertRefused(template(), Set.of(), "action 'email.send' is not provided by any active plugin");
    }

    @Test
    void refusesDoctypesSoEntitiesNeverExpand() {
        String billionLaughs = """
                <?xml version="1.0"?>
                <!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="x">
                  <process id="p" name="&b;" isExecutable="true"/></definitions>""";

        assertRefused(billionLaughs, Set.of(), "DOCTYPE");
    }

    @Test
    void refusesMalformedEmptyAndNonExecutableDocuments() {
        assertRefused("<definitions", Set.of(), "well-formed");
        assertRefused("  ", Set.of(), "empty");
        assertRefused("""
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="x">
                  <process id="p" isExecutable="false"><startEvent id="s"/></process></definitions>""",
                Set.of(), "non-executable");
    }

    @Test
    void reportsFlowableValidationMessages() {
        assertRefused("""
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="x">
                  <process id="p" isExecutable="true"><startEvent id="s"/>
                    <serviceTask id="plain" name="No implementation"/></process></definitions>""",
                Set.of(), "plain");
    }

    private static void assertRefused(String xml, Set<String> actions, String reason) {
        assertThatThrownBy(() -> BpmnDocument.parse(xml, VALIDATOR, actions::contains))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(400);
                    assertThat(e.problem().detail()).contains(reason);
                });
    }

    private static String template() throws IOException {
        try (InputStream in = BpmnDocumentTest.class.getResourceAsStream("/bpmn/templates/welcome-new-lead.bpmn20.xml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
