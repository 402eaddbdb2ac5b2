package dev.switchboard.bpmn.profile;

import dev.switchboard.bpmn.SwitchboardBpmn;
import dev.switchboard.bpmn.triggers.ReentryPolicy;
import dev.switchboard.core.problems.FieldError;
import dev.switchboard.core.problems.ProblemException;
import dev.switchboard.core.problems.ProblemType;
import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The platform's executable profile of BPMN, checked on the XML before any BPMN library reads it:
 * every element and attribute must be on the allow-list below (documented in docs/bpmn-support.md),
 * every expression must be FEEL written after {@code =}, and the document must stay within its size
 * limits. What runs code in Flowable (script, shell, http, camel, mule, mail, DMN tasks; Java classes,
 * JUEL expressions and delegate expressions; listeners; any {@code flowable:} extension) is refused
 * with the element's id and the reason. A model that bypasses this check still cannot run code: see
 * {@link SafeExpressionManager}, {@link RefusedElementParseHandler} and {@link RefusingListenerFactory}.
 */
public final class BpmnProfile {

    /** Deepest nesting of elements. */
    public static final int MAX_DEPTH = 40;
    /** Most elements in one document, diagram included. */
    public static final int MAX_ELEMENTS = 20_000;
    /** Longest attribute value or text of an element. */
    public static final int MAX_TEXT = 100_000;

    public static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    static final String BPMNDI = "http://www.omg.org/spec/BPMN/20100524/DI";
    static final String DC = "http://www.omg.org/spec/DD/20100524/DC";
    static final String DI = "http://www.omg.org/spec/DD/20100524/DI";
    static final String XSI = XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI;
    /** Colours that modelers put on diagram elements. */
    static final Set<String> DRAWING_EXTENSIONS = Set.of("http://bpmn.io/schema/bpmn/biocolor/1.0",
            "http://www.omg.org/spec/BPMN/non-normative/color/1.0");
    static final Set<String> DRAWING = Set.of(BPMNDI, DC, DI);

    private static final Pattern JUEL = Pattern.compile("[$#]\\{");

    private static final Set<String> EVENT = Set.of("isInterrupting", "parallelMultiple");
    private static final Set<String> ACTIVITY = Set.of("default", "isForCompensation", "startQuantity", "completionQuantity");

    /** Every BPMN element the platform runs or keeps, with the attributes (besides id and name) it may carry. */
    private static final Map<String, Set<String>> ELEMENTS = Map.ofEntries(
            Map.entry("definitions", Set.of("targetNamespace", "exporter", "exporterVersion", "typeLanguage")),
            Map.entry("process", Set.of("isExecutable", "processType", "isClosed")),
            Map.entry("documentation", Set.of("textFormat")),
            Map.entry("extensionElements", Set.of()),
            Map.entry("startEvent", EVENT),
            Map.entry("endEvent", Set.of()),
            Map.entry("intermediateCatchEvent", EVENT),
            Map.entry("intermediateThrowEvent", Set.of()),
            Map.entry("boundaryEvent", Set.of("attachedToRef", "cancelActivity", "parallelMultiple")),
            Map.entry("timerEventDefinition", Set.of()),
            Map.entry("timeDuration", Set.of()),
            Map.entry("timeDate", Set.of()),
            Map.entry("timeCycle", Set.of()),
            Map.entry("messageEventDefinition", Set.of("messageRef")),
            Map.entry("conditionalEventDefinition", Set.of()),
            Map.entry("condition", Set.of()),
            Map.entry("terminateEventDefinition", Set.of()),
            Map.entry("message", Set.of()),
            Map.entry("sequenceFlow", Set.of("sourceRef", "targetRef", "isImmediate")),
            Map.entry("conditionExpression", Set.of()),
            Map.entry("exclusiveGateway", Set.of("default", "gatewayDirection")),
            Map.entry("inclusiveGateway", Set.of("default", "gatewayDirection")),
            Map.entry("parallelGateway", Set.of("gatewayDirection")),
            Map.entry("eventBasedGateway", Set.of("gatewayDirection", "instantiate", "eventGatewayType")),
            Map.entry("serviceTask", ACTIVITY),
            Map.entry("task", ACTIVITY),
            Map.entry("subProcess", Set.of("default", "triggeredByEvent")),
            Map.entry("callActivity", Set.of("default", "calledElement")),
            Map.entry("multiInstanceLoopCharacteristics", Set.of("isSequential")),
            Map.entry("loopCardinality", Set.of()),
            Map.entry("completionCondition", Set.of()),
            Map.entry("incoming", Set.of()),
            Map.entry("outgoing", Set.of()),
            Map.entry("laneSet", Set.of()),
            Map.entry("lane", Set.of()),
            Map.entry("flowNodeRef", Set.of()),
            Map.entry("textAnnotation", Set.of("textFormat")),
            Map.entry("text", Set.of()),
            Map.entry("association", Set.of("sourceRef", "targetRef", "associationDirection")),
            Map.entry("collaboration", Set.of("isClosed")),
            Map.entry("participant", Set.of("processRef")));

    /** Elements whose text is an expression, and whether it must be a FEEL condition. */
    private static final Map<String, Boolean> EXPRESSIONS = Map.of("conditionExpression", true, "condition", true,
            "completionCondition", true, "timeDuration", false, "timeDate", false, "timeCycle", false,
            "loopCardinality", false);

    /** Why well-known elements outside the profile are refused. */
    private static final Map<String, String> REFUSED = Map.ofEntries(
            Map.entry("scriptTask", "script tasks run code"),
            Map.entry("userTask", "user tasks wait for people; workflows here run on their own"),
            Map.entry("businessRuleTask", "business rule tasks run DMN or Java code"),
            Map.entry("sendTask", "send tasks run Java code; use a service task with a plugin action (sb:action)"),
            Map.entry("receiveTask", "receive tasks are not supported; use an intermediate message catch event"),
            Map.entry("manualTask", "manual tasks wait for people; workflows here run on their own"),
            Map.entry("executionListener", "listeners run code"),
            Map.entry("standardLoopCharacteristics", "loops without a bound are not supported; use multi-instance"),
            Map.entry("signalEventDefinition", "signals are not supported; use messages"),
            Map.entry("errorEventDefinition", "error events are not supported yet"),
            Map.entry("escalationEventDefinition", "escalation events are not supported"),
            Map.entry("compensateEventDefinition", "compensation is not supported"),
            Map.entry("dataObject", "data objects are not supported; use run variables"),
            Map.entry("adHocSubProcess", "ad-hoc sub-processes are not supported"),
            Map.entry("transaction", "transaction sub-processes are not supported"));

    private static final Map<String, Set<String>> SB_ELEMENTS = Map.of(
            SwitchboardBpmn.INPUT, Set.of("name"),
            SwitchboardBpmn.OUTPUT, Set.of("name"),
            SwitchboardBpmn.TRIGGER, Set.of("event"),
            SwitchboardBpmn.DATE_TRIGGER, Set.of("field", "offsetDays", "time", "yearly"),
            SwitchboardBpmn.MATCH, Set.of("field", "value"),
            SwitchboardBpmn.CONDITION, Set.of());

    private BpmnProfile() {
    }

    /** Whether the text holds a JUEL expression ({@code ${…}} or {@code #{…}}). */
    public static boolean isJuel(String text) {
        return text != null && JUEL.matcher(text).find();
    }

    /**
     * The qualified name of the document's root element, {@code {namespace}local}; the caller has checked
     * the document with {@link #check} first (well-formed, no DOCTYPE).
     */
    public static String rootElement(byte[] xml) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try {
            XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(xml));
            try {
                while (reader.hasNext()) {
                    if (reader.next() == XMLStreamConstants.START_ELEMENT) {
                        return "{" + (reader.getNamespaceURI() == null ? "" : reader.getNamespaceURI()) + "}"
                                + reader.getLocalName();
                    }
                }
                return "none";
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            throw invalid("not well-formed XML: " + e.getMessage());
        }
    }

    /**
     * Checks the document against the profile.
     *
     * @return every element or attribute outside the profile, by element id
     * @throws ProblemException when the document is not well-formed, has a DOCTYPE or exceeds its limits
     */
    public static List<FieldError> check(byte[] xml) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        List<FieldError> errors = new ArrayList<>();
        Deque<Element> open = new ArrayDeque<>();
        int elements = 0;
        try {
            XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(xml));
            try {
                while (reader.hasNext()) {
                    switch (reader.next()) {
                        case XMLStreamConstants.DTD -> throw invalid("DOCTYPE declarations are not allowed in BPMN documents");
                        case XMLStreamConstants.ENTITY_REFERENCE -> throw invalid("entity references are not allowed");
                        case XMLStreamConstants.START_ELEMENT -> {
                            if (++elements > MAX_ELEMENTS) {
                                throw invalid("the document has more than " + MAX_ELEMENTS + " elements");
                            }
                            if (open.size() >= MAX_DEPTH) {
                                throw invalid("elements are nested deeper than " + MAX_DEPTH + " levels");
                            }
                            Element element = Element.of(reader, open.peek());
                            open.push(element);
                            checkElement(reader, element, open, errors);
                        }
                        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
                            Element element = open.peek();
                            if (element != null && element.text.length() + reader.getTextLength() <= MAX_TEXT) {
                                element.text.append(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
                            } else if (element != null) {
                                throw invalid("element '" + element.id + "' holds more than " + MAX_TEXT + " characters");
                            }
                        }
                        case XMLStreamConstants.END_ELEMENT -> checkText(open.pop(), errors);
                        default -> { }
                    }
                }
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            throw invalid("not well-formed XML: " + e.getMessage());
        }
        return errors;
    }

    private static void checkElement(XMLStreamReader reader, Element element, Deque<Element> open,
                                     List<FieldError> errors) {
        String ns = element.namespace;
        if (BPMN.equals(ns)) {
            Set<String> attributes = ELEMENTS.get(element.name);
            if (attributes == null) {
                errors.add(FieldError.element(element.id, "<" + element.name + "> is not part of the platform's profile: "
                        + REFUSED.getOrDefault(element.name, "not an element the platform runs")));
                return;
            }
            if ("conditionalEventDefinition".equals(element.name)
                    && (element.parent == null || !"intermediateCatchEvent".equals(element.parent.name))) {
                errors.add(FieldError.element(element.id, "a condition can be waited for at an intermediate catch event"
                        + " (\"wait until\"); conditional start, boundary and event sub-process events are not supported"));
            }
            if ("serviceTask".equals(element.name)
                    && blank(reader.getAttributeValue(SwitchboardBpmn.NAMESPACE, SwitchboardBpmn.ACTION))) {
                errors.add(FieldError.element(element.id, "a service task runs a plugin action: name it with sb:action"));
            }
            if ("callActivity".equals(element.name)) {
                String called = reader.getAttributeValue(null, "calledElement");
                if (blank(called) || isJuel(called) || Feel.isExpression(called)) {
                    errors.add(FieldError.element(element.id,
                            "calledElement must be the key of a workflow of this location, written out"));
                }
            }
            for (int i = 0; i < reader.getAttributeCount(); i++) {
                checkBpmnAttribute(reader, i, element, attributes, errors);
            }
        } else if (DRAWING.contains(ns)) {
            for (int i = 0; i < reader.getAttributeCount(); i++) {
                String attributeNs = reader.getAttributeNamespace(i);
                if (!blank(attributeNs) && !DRAWING_EXTENSIONS.contains(attributeNs) && !DRAWING.contains(attributeNs)) {
                    errors.add(FieldError.element(element.id, "attribute " + qualified(reader, i)
                            + " is not part of the platform's profile"));
                }
            }
        } else if (SwitchboardBpmn.NAMESPACE.equals(ns)) {
            Set<String> attributes = SB_ELEMENTS.get(element.name);
            Element parent = element.parent;
            boolean placed = parent != null && (BPMN.equals(parent.namespace) && "extensionElements".equals(parent.name)
                    || SwitchboardBpmn.NAMESPACE.equals(parent.namespace));
            if (attributes == null || !placed) {
                errors.add(FieldError.element(element.id, "<sb:" + element.name + "> is not a Switchboard extension "
                        + (attributes == null ? "element" : "in this place")));
                return;
            }
            for (int i = 0; i < reader.getAttributeCount(); i++) {
                if (!blank(reader.getAttributeNamespace(i)) || !attributes.contains(reader.getAttributeLocalName(i))) {
                    errors.add(FieldError.element(element.id, "attribute " + qualified(reader, i) + " is not one of <sb:"
                            + element.name + ">'s " + attributes));
                }
            }
        } else {
            errors.add(FieldError.element(element.id, "<" + qualifiedName(reader) + "> is not part of the platform's profile: "
                    + reason(ns)));
        }
    }

    private static void checkBpmnAttribute(XMLStreamReader reader, int i, Element element, Set<String> allowed,
                                           List<FieldError> errors) {
        String ns = reader.getAttributeNamespace(i);
        String name = reader.getAttributeLocalName(i);
        String value = reader.getAttributeValue(i);
        if (value.length() > MAX_TEXT) {
            errors.add(FieldError.element(element.id, "attribute " + name + " is longer than " + MAX_TEXT + " characters"));
            return;
        }
        if (blank(ns)) {
            if (!"id".equals(name) && !"name".equals(name) && !allowed.contains(name)) {
                errors.add(FieldError.element(element.id, "attribute " + name + " of <" + element.name
                        + "> is not part of the platform's profile" + ("language".equals(name) || "implementation".equals(name)
                        ? ": it selects a script or implementation language" : "")));
            } else if ((!"name".equals(name) || "message".equals(element.name)) && isJuel(value)) {
                errors.add(FieldError.element(element.id, "attribute " + name + " holds a JUEL expression ("
                        + Feel.abbreviate(value) + "); expressions are FEEL, written after '='"));
            }
            return;
        }
        boolean allowedQualified = XSI.equals(ns) && ("type".equals(name) && EXPRESSIONS.containsKey(element.name)
                || "schemaLocation".equals(name) && "definitions".equals(element.name))
                || SwitchboardBpmn.NAMESPACE.equals(ns) && SwitchboardBpmn.ACTION.equals(name) && "serviceTask".equals(element.name)
                || SwitchboardBpmn.NAMESPACE.equals(ns) && SwitchboardBpmn.REENTRY.equals(name) && "process".equals(element.name);
        if (SwitchboardBpmn.NAMESPACE.equals(ns) && SwitchboardBpmn.REENTRY.equals(name) && "process".equals(element.name)
                && ReentryPolicy.parse(value).isEmpty()) {
            errors.add(FieldError.element(element.id, "sb:reentry is always, once, or once per so many days written"
                    + " P<days>D (P1D to P9999D), not " + Feel.abbreviate(value)));
        }
        if (!allowedQualified) {
            errors.add(FieldError.element(element.id, "attribute " + qualified(reader, i) + " is not part of the platform's profile: "
                    + reason(ns)));
        }
    }

    private static void checkText(Element element, List<FieldError> errors) {
        if (!BPMN.equals(element.namespace)) {
            return;
        }
        Boolean condition = EXPRESSIONS.get(element.name);
        String text = element.text.toString().strip();
        if (condition == null) {
            return;
        }
        String owner = element.parent == null ? element.id : element.parent.id;
        if (isJuel(text)) {
            errors.add(FieldError.element(owner, "<" + element.name + "> holds a JUEL expression ("
                    + Feel.abbreviate(text) + "); expressions are FEEL, written after '=' (see docs/bpmn-support.md)"));
        } else if (Feel.isExpression(text)) {
            Feel.check(Feel.source(text)).ifPresent(why -> errors.add(FieldError.element(owner, "<" + element.name + ">: " + why)));
        } else if (condition && !text.isEmpty()) {
            errors.add(FieldError.element(owner, "<" + element.name + "> must be a FEEL expression written after '=', such as "
                    + "= contact.firstName = \"Ada\""));
        }
    }

    private static String reason(String namespace) {
        if (namespace == null || namespace.isEmpty()) {
            return "it has no namespace; BPMN elements are in xmlns=\"" + BPMN + "\"";
        }
        if (namespace != null && (namespace.contains("flowable.org") || namespace.contains("activiti.org"))) {
            return "Flowable's extensions (classes, expressions, scripts, listeners, task types) run code";
        }
        if (namespace != null && namespace.contains("camunda")) {
            return "Camunda's extensions are not understood here";
        }
        return "extensions of namespace '" + namespace + "' are not understood here";
    }

    private static String qualified(XMLStreamReader reader, int i) {
        String prefix = reader.getAttributePrefix(i);
        return (blank(prefix) ? "" : prefix + ":") + reader.getAttributeLocalName(i);
    }

    private static String qualifiedName(XMLStreamReader reader) {
        String prefix = reader.getPrefix();
        return (blank(prefix) ? "" : prefix + ":") + reader.getLocalName();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static ProblemException invalid(String detail) {
        return new ProblemException(dev.switchboard.core.problems.Problem.of(ProblemType.INVALID_BPMN, detail));
    }

    /** An open element: where it is and what text it has so far. */
    private static final class Element {
        final String namespace;
        final String name;
        final String id;
        final Element parent;
        final StringBuilder text = new StringBuilder();

        private Element(String namespace, String name, String id, Element parent) {
            this.namespace = namespace;
            this.name = name;
            this.id = id;
            this.parent = parent;
        }

        static Element of(XMLStreamReader reader, Element parent) {
            String id = reader.getAttributeValue(null, "id");
            if (blank(id)) {
                id = reader.getAttributeValue(null, "bpmnElement");
            }
            if (blank(id)) {
                id = parent == null ? null : parent.id;
            } else if (id.length() > 200) {
                id = id.substring(0, 200) + "…";
            }
            String namespace = reader.getNamespaceURI();
            return new Element(namespace == null ? "" : namespace, reader.getLocalName(), id, parent);
        }
    }
}
