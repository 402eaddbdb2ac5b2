package dev.switchboard.bpmn.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.core.problems.FieldError;
import dev.switchboard.core.problems.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every construct of BPMN that runs code in Flowable is refused before deployment, naming the element. */
class BpmnProfileTest {

    private static final String HEAD = """
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                         xmlns:flowable="http://flowable.org/bpmn" xmlns:activiti="http://activiti.org/bpmn"
                         xmlns:sb="https://switchboard.dev/schema/bpmn"
                         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                         xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
                         xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI"
                         xmlns:bioc="http://bpmn.io/schema/bpmn/biocolor/1.0" targetNamespace="x">
              <process id="p" isExecutable="true"><startEvent id="start"/>
            """;
    private static final String TAIL = "</process></definitions>";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            script task       | <scriptTask id="evil" scriptFormat="groovy"><script>'id'.execute()</script></scriptTask> | evil | script tasks run code
            shell task        | <serviceTask id="evil" flowable:type="shell"><extensionElements><flowable:field name="command" stringValue="id"/></extensionElements></serviceTask> | evil | flowable:type
            http task         | <serviceTask id="evil" flowable:type="http"/> | evil | flowable:type
            camel task        | <serviceTask id="evil" flowable:type="camel"/> | evil | flowable:type
            mule task         | <serviceTask id="evil" flowable:type="mule"/> | evil | flowable:type
            mail task         | <serviceTask id="evil" flowable:type="mail"/> | evil | flowable:type
            dmn task          | <serviceTask id="evil" flowable:type="dmn"/> | evil | flowable:type
            java class        | <serviceTask id="evil" flowable:class="java.lang.Runtime"/> | evil | flowable:class
            old namespace     | <serviceTask id="evil" activiti:class="java.lang.Runtime"/> | evil | activiti:class
            expression        | <serviceTask id="evil" flowable:expression="${''.getClass().forName('java.lang.Runtime')}"/> | evil | flowable:expression
            delegate expr     | <serviceTask id="evil" flowable:delegateExpression="${someBean}"/> | evil | flowable:delegateExpression
            class on action   | <serviceTask id="evil" sb:action="email.send" flowable:class="x.Y"/> | evil | flowable:class
            webservice impl   | <serviceTask id="evil" sb:action="email.send" implementation="##WebService"/> | evil | implementation
            user task         | <userTask id="evil"/> | evil | user tasks
            business rule     | <businessRuleTask id="evil"/> | evil | business rule tasks
            send task         | <sendTask id="evil"/> | evil | send tasks
            listener          | <task id="evil"><extensionElements><flowable:executionListener event="start" class="x.Y"/></extensionElements></task> | evil | flowable:executionListener
            event listener    | <task id="evil"><extensionElements><flowable:eventListener class="x.Y"/></extensionElements></task> | evil | flowable:eventListener
            unknown extension | <task id="evil"><extensionElements><other:thing xmlns:other="urn:other"/></extensionElements></task> | evil | urn:other
            juel condition    | <sequenceFlow id="evil" sourceRef="start" targetRef="start"><conditionExpression xsi:type="tFormalExpression">${''.getClass()}</conditionExpression></sequenceFlow> | evil | JUEL
            script condition  | <sequenceFlow id="evil" sourceRef="start" targetRef="start"><conditionExpression xsi:type="tFormalExpression" language="groovy">true</conditionExpression></sequenceFlow> | evil | language
            literal condition | <sequenceFlow id="evil" sourceRef="start" targetRef="start"><conditionExpression>true</conditionExpression></sequenceFlow> | evil | must be a FEEL expression
            bad feel          | <sequenceFlow id="evil" sourceRef="start" targetRef="start"><conditionExpression>= contact.(</conditionExpression></sequenceFlow> | evil | not a valid FEEL expression
            juel timer        | <intermediateCatchEvent id="evil"><timerEventDefinition><timeDuration>${x.y()}</timeDuration></timerEventDefinition></intermediateCatchEvent> | evil | JUEL
            juel cardinality  | <serviceTask id="evil" sb:action="email.send"><multiInstanceLoopCharacteristics><loopCardinality>${x}</loopCardinality></multiInstanceLoopCharacteristics></serviceTask> | evil | JUEL
            flowable collection | <serviceTask id="evil" sb:action="email.send"><multiInstanceLoopCharacteristics flowable:collection="${x}"/></serviceTask> | evil | flowable:collection
            call by id        | <callActivity id="evil" calledElement="other" flowable:calledElementType="id"/> | evil | flowable:calledElementType
            call expression   | <callActivity id="evil" calledElement="${other}"/> | evil | calledElement must be the key
            juel message name | <intermediateCatchEvent id="wait"><messageEventDefinition messageRef="evil"/></intermediateCatchEvent></process><message id="evil" name="${x.y()}"/><process id="q" isExecutable="false"> | evil | JUEL
            signal            | <intermediateThrowEvent id="evil"><signalEventDefinition signalRef="s"/></intermediateThrowEvent> | evil | signals are not supported
            unbounded loop    | <task id="evil"><standardLoopCharacteristics/></task> | evil | loops without a bound
            async attribute   | <task id="evil" flowable:async="true"/> | evil | flowable:async
            """)
    void refusesNamingTheElementAndTheReason(String construct, String element, String elementId, String reason) {
        List<FieldError> errors = BpmnProfile.check(bytes(HEAD + element + TAIL));

        assertThat(errors).as(construct).anySatisfy(error -> {
            assertThat(error.element()).isEqualTo(elementId);
            assertThat(error.detail()).contains(reason);
        });
    }

    @Test
    void acceptsWhatAModelerDrawsWithFeelConditionsTimersAndColours() {
        String model = HEAD + """
                <serviceTask id="send" name="Send ${price}" sb:action="email.send">
                  <extensionElements><sb:input name="subject">Hi {{contact.firstName}}</sb:input></extensionElements>
                  <multiInstanceLoopCharacteristics isSequential="true"><loopCardinality>3</loopCardinality>
                    <completionCondition>= nrOfCompletedInstances >= 2</completionCondition></multiInstanceLoopCharacteristics>
                </serviceTask>
                <exclusiveGateway id="which" default="other"/>
                <sequenceFlow id="ada" sourceRef="which" targetRef="send">
                  <conditionExpression xsi:type="tFormalExpression">= contact.firstName = "Ada" and count(contact.tags) > 0</conditionExpression>
                </sequenceFlow>
                <sequenceFlow id="other" sourceRef="which" targetRef="done"/>
                <intermediateCatchEvent id="later"><timerEventDefinition><timeDuration>PT5M</timeDuration></timerEventDefinition></intermediateCatchEvent>
                <intermediateCatchEvent id="computed"><timerEventDefinition><timeDuration>= duration("PT" + string(delay) + "M")</timeDuration></timerEventDefinition></intermediateCatchEvent>
                <callActivity id="sub" calledElement="follow-up"/>
                <endEvent id="done"><terminateEventDefinition/></endEvent>
                </process>
                <bpmndi:BPMNDiagram id="d"><bpmndi:BPMNPlane id="plane" bpmnElement="p">
                  <bpmndi:BPMNShape id="send_di" bpmnElement="send" bioc:stroke="#1e88e5"><dc:Bounds x="1" y="2" width="3" height="4"/></bpmndi:BPMNShape>
                  <bpmndi:BPMNEdge id="ada_di" bpmnElement="ada"><di:waypoint x="1" y="2"/><di:waypoint x="3" y="4"/></bpmndi:BPMNEdge>
                </bpmndi:BPMNPlane></bpmndi:BPMNDiagram></definitions>""";

        assertThat(BpmnProfile.check(bytes(model))).isEmpty();
    }

    @Test
    void refusesDeepNestingAndHugeDocumentsBeforeAnyRecursiveParserSeesThem() {
        String deep = HEAD + "<task id=\"t\"><extensionElements>" + "<sb:trigger>".repeat(10_000) + TAIL;
        assertRefused(deep, "nested deeper than " + BpmnProfile.MAX_DEPTH);

        String wide = HEAD + "<task id=\"t\"/>".repeat(BpmnProfile.MAX_ELEMENTS + 1) + TAIL;
        assertRefused(wide, "more than " + BpmnProfile.MAX_ELEMENTS + " elements");
    }

    @Test
    void refusesElementsWithoutTheBpmnNamespace() {
        assertThat(BpmnProfile.check(bytes("<definitions><process id=\"p\"/></definitions>")))
                .anySatisfy(error -> assertThat(error.detail()).contains("has no namespace"));
    }

    @Test
    void refusesDoctypesAndEntities() {
        assertRefused("<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY a \"aaaa\">]><definitions>&a;</definitions>", "DOCTYPE");
        assertRefused("<?xml version=\"1.0\"?><!DOCTYPE d SYSTEM \"file:///etc/passwd\"><definitions/>", "DOCTYPE");
    }

    private static void assertRefused(String xml, String reason) {
        assertThatThrownBy(() -> BpmnProfile.check(bytes(xml))).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.problem().detail()).contains(reason));
    }

    private static byte[] bytes(String xml) {
        return xml.getBytes(StandardCharsets.UTF_8);
    }
}
