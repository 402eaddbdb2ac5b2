package dev.switchboard.bpmn.workflows;

import dev.switchboard.bpmn.SwitchboardBpmn;
import dev.switchboard.bpmn.actions.ActionTask;
import dev.switchboard.bpmn.actions.OutputMapping;
import dev.switchboard.bpmn.triggers.DateTrigger;
import dev.switchboard.bpmn.triggers.EventCondition;
import dev.switchboard.bpmn.triggers.ReentryPolicy;
import dev.switchboard.bpmn.triggers.WorkflowTrigger;
import dev.switchboard.bpmn.profile.BpmnProfile;
import dev.switchboard.core.plugins.actions.ActionSpec;
import dev.switchboard.core.problems.FieldError;
import dev.switchboard.core.problems.ProblemException;
import dev.switchboard.core.problems.ProblemType;
import dev.switchboard.core.problems.Texts;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.flowable.bpmn.converter.BpmnXMLConverter;
import org.flowable.bpmn.exceptions.XMLException;
import org.flowable.bpmn.model.Activity;
import org.flowable.bpmn.model.BoundaryEvent;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.ConditionalEventDefinition;
import org.flowable.bpmn.model.Event;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.bpmn.model.IntermediateCatchEvent;
import org.flowable.bpmn.model.MessageEventDefinition;
import org.flowable.bpmn.model.MultiInstanceLoopCharacteristics;
import org.flowable.bpmn.model.Process;
import org.flowable.bpmn.model.StartEvent;
import org.flowable.common.engine.impl.util.io.BytesStreamSource;
import org.flowable.validation.ProcessValidator;
import org.flowable.validation.ValidationError;

/**
 * An uploaded BPMN 2.0 workflow, checked before deployment: well-formed XML without any DOCTYPE
 * (no entities, no external resources) inside the platform's executable profile ({@link BpmnProfile}),
 * valid against the BPMN schema and Flowable's rules, one executable process, and only actions that an
 * active plugin provides, with their required inputs set.
 *
 * @param key the process id: the workflow's stable key across versions
 */
public record BpmnDocument(String key, String name, String xml, Optional<WorkflowTrigger> trigger,
                           List<ActionTask> actionTasks, ReentryPolicy reentry, Optional<DateTrigger> dateTrigger) {

    /** Largest BPMN document accepted. */
    public static final int MAX_BYTES = 2 * 1024 * 1024;

    /**
     * What a deployable document must agree with.
     *
     * @param actions the descriptor of each action id an active plugin provides now
     * @param events the event types a trigger may name, with the fields their payloads declare (none:
     *               any field)
     * @param maxMultiInstance the most instances a multi-instance activity may declare
     */
    public record Rules(Function<String, Optional<ActionSpec>> actions, Map<String, Set<String>> events,
                        int maxMultiInstance) {

        public Rules {
            events = Map.copyOf(events);
        }

        /** The event types a trigger may name. */
        public Set<String> eventTypes() {
            return events.keySet();
        }
    }

    /**
     * What publishing a draft would refuse, without refusing it: a draft may hold any BPMN 2.0 document.
     * Only what cannot be stored or opened at all is refused (not well-formed, a DOCTYPE, over the limits,
     * not a BPMN {@code definitions} document).
     *
     * @param key the workflow the draft is saved for: its executable process must have this id to publish
     * @return the errors publishing it would answer, by element; empty when it would publish
     */
    public static List<FieldError> draftProblems(String key, String xml, ProcessValidator validator, Rules rules) {
        byte[] bytes = bytes(xml);
        BpmnProfile.check(bytes); // refuses what cannot be read safely; its findings come again from parse
        String root = BpmnProfile.rootElement(bytes);
        if (!("{" + BpmnProfile.BPMN + "}definitions").equals(root)) {
            throw invalid(FieldError.general("not a BPMN 2.0 document: its root element is " + root
                    + ", not definitions of " + BpmnProfile.BPMN));
        }
        try {
            BpmnDocument document = parse(xml, validator, rules);
            return document.key().equals(key) ? List.of() : List.of(FieldError.element(document.key(),
                    "the executable process's id is '" + document.key() + "': only a process with the id '" + key
                            + "' can be published as workflow " + key));
        } catch (ProblemException e) {
            if (e.problem().status() != 400) {
                throw e;
            }
            return e.problem().errors().isEmpty() ? List.of(FieldError.general(e.problem().detail())) : e.problem().errors();
        }
    }

    public static BpmnDocument parse(String xml, ProcessValidator validator, Rules rules) {
        byte[] bytes = bytes(xml);
        List<FieldError> errors = new ArrayList<>(BpmnProfile.check(bytes));
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(ProblemType.INVALID_BPMN, errors);
        }
        xml = ExtensionTexts.keepWhole(xml);
        bytes = xml.getBytes(StandardCharsets.UTF_8);
        BpmnModel model;
        try {
            model = new BpmnXMLConverter().convertToBpmnModel(new BytesStreamSource(bytes), true, true);
        } catch (XMLException | IllegalArgumentException e) {
            throw invalid(FieldError.general("not valid BPMN 2.0: " + rootMessage(e)));
        }
        for (ValidationError error : validator.validate(model)) {
            if (!error.isWarning()) {
                errors.add(describe(error));
            }
        }
        List<Process> executable = model.getProcesses().stream().filter(Process::isExecutable).toList();
        if (executable.size() != 1) {
            errors.add(FieldError.general("the document must contain exactly one executable process "
                    + "(isExecutable=\"true\"), found " + executable.size()));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(ProblemType.INVALID_BPMN, errors);
        }
        Process process = executable.get(0);
        List<ActionTask> tasks = process.findFlowElementsOfType(FlowElement.class, true).stream()
                .map(ActionTask::of).flatMap(Optional::stream).toList();
        for (ActionTask task : tasks) {
            Optional<ActionSpec> action = rules.actions().apply(task.actionId());
            if (action.isEmpty()) {
                errors.add(FieldError.element(task.activityId(), "action '" + task.actionId()
                        + "' is not provided by any plugin active in this location"));
                continue;
            }
            Set<String> outputNames = action.get().output() == null ? Set.of() : java.util.Arrays.stream(action.get().output().getRecordComponents())
                    .map(java.lang.reflect.RecordComponent::getName).collect(java.util.stream.Collectors.toSet());
            for (OutputMapping output : task.outputs()) {
                output.problems(task.actionId(), outputNames)
                        .forEach(problem -> errors.add(FieldError.element(task.activityId(), problem)));
            }
            for (String input : action.get().requiredInputs()) {
                String value = task.inputs().get(input);
                if (value == null || value.isBlank()) {
                    errors.add(FieldError.element(task.activityId(), "action '" + task.actionId() + "' needs input '"
                            + input + "' (<sb:input name=\"" + input + "\">…</sb:input>)"));
                }
            }
        }
        for (Activity activity : process.findFlowElementsOfType(Activity.class, true)) {
            checkMultiInstance(activity, rules.maxMultiInstance(), errors);
        }
        Optional<WorkflowTrigger> trigger = WorkflowTrigger.of(process);
        trigger.ifPresent(t -> {
            if (t.event() == null || !rules.eventTypes().contains(t.event())) {
                errors.add(FieldError.general("trigger event '" + t.event() + "' is not one of "
                        + new TreeSet<>(rules.eventTypes())));
                return;
            }
            String start = process.findFlowElementsOfType(StartEvent.class, false).stream()
                    .filter(event -> event.getExtensionElements().containsKey(SwitchboardBpmn.TRIGGER))
                    .map(StartEvent::getId).findFirst().orElse(process.getId());
            checkFilter(start, t.event(), t.match(), Optional.ofNullable(t.condition()), rules, errors);
        });
        List<String> dateProblems = DateTrigger.problems(process);
        dateProblems.forEach(problem -> errors.add(FieldError.general(problem)));
        if (trigger.isPresent() && process.findFlowElementsOfType(StartEvent.class, false).stream()
                .anyMatch(start -> start.getExtensionElements().containsKey(SwitchboardBpmn.DATE_TRIGGER))) {
            errors.add(FieldError.general("a workflow starts from an event (<sb:trigger>) or from a date (<sb:dateTrigger>),"
                    + " not both"));
        }
        for (Event event : process.findFlowElementsOfType(Event.class, true)) {
            event.getEventDefinitions().stream().filter(ConditionalEventDefinition.class::isInstance)
                    .map(ConditionalEventDefinition.class::cast)
                    .filter(definition -> definition.getConditionExpression() == null
                            || definition.getConditionExpression().isBlank())
                    .findFirst().ifPresent(empty -> errors.add(FieldError.element(event.getId(),
                            "a wait until a condition holds needs its <condition>, such as = contact.customFields.score >= 50")));
            if (!(event instanceof IntermediateCatchEvent || event instanceof BoundaryEvent)) {
                continue;
            }
            Map<String, String> match = WorkflowTrigger.matchOf(event.getExtensionElements());
            Optional<String> condition = EventCondition.of(event.getExtensionElements());
            if (match.isEmpty() && condition.isEmpty()) {
                continue;
            }
            Optional<String> eventType = event.getEventDefinitions().stream()
                    .filter(MessageEventDefinition.class::isInstance).map(MessageEventDefinition.class::cast)
                    .map(definition -> messageName(model, definition)).filter(rules.eventTypes()::contains).findFirst();
            if (eventType.isEmpty()) {
                errors.add(FieldError.element(event.getId(), "<sb:match> and <sb:condition> filter the platform event a"
                        + " message catch event waits for; this event waits for none (its message must be named after"
                        + " one of " + new TreeSet<>(rules.eventTypes()) + ")"));
                continue;
            }
            checkFilter(event.getId(), eventType.get(), match, condition, rules, errors);
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(ProblemType.INVALID_BPMN, errors);
        }
        String name = process.getName() == null || process.getName().isBlank() ? process.getId() : process.getName();
        return new BpmnDocument(process.getId(), name, xml, trigger, tasks, ReentryPolicy.of(process),
                DateTrigger.of(process));
    }

    /** An event filter's fields must be fields of its event type, and its condition FEEL that names only those. */
    private static void checkFilter(String element, String eventType, Map<String, String> match, Optional<String> condition,
                                    Rules rules, List<FieldError> errors) {
        Set<String> fields = rules.events().getOrDefault(eventType, Set.of());
        match.forEach((field, value) -> {
            if (field == null || value == null) {
                errors.add(FieldError.element(element, "every <sb:match> needs a field and a value"));
            } else if (!fields.isEmpty() && !fields.contains(field)) {
                errors.add(FieldError.element(element, "<sb:match> names field '" + field + "', which " + eventType
                        + " events do not carry; they carry " + new TreeSet<>(fields)));
            }
        });
        condition.ifPresent(text -> EventCondition.problems(text, eventType, fields)
                .forEach(problem -> errors.add(FieldError.element(element, problem))));
    }

    private static String messageName(BpmnModel model, MessageEventDefinition definition) {
        org.flowable.bpmn.model.Message message = model.getMessage(definition.getMessageRef());
        return message != null && message.getName() != null ? message.getName() : definition.getMessageRef();
    }

    /** A cardinality written as a number is checked now; an expression is checked when the run computes it. */
    private static void checkMultiInstance(Activity activity, int max, List<FieldError> errors) {
        MultiInstanceLoopCharacteristics loop = activity.getLoopCharacteristics();
        if (loop == null || loop.getLoopCardinality() == null) {
            return;
        }
        String cardinality = loop.getLoopCardinality().trim();
        if (cardinality.matches("[0-9]+")) {
            if (cardinality.length() > 9 || Integer.parseInt(cardinality) > max) {
                errors.add(FieldError.element(activity.getId(), "multi-instance cardinality " + cardinality
                        + " exceeds the limit of " + max + " instances"));
            }
        }
    }

    private static FieldError describe(ValidationError error) {
        String element = error.getActivityId() != null ? error.getActivityId() : error.getProcessDefinitionId();
        return element == null ? FieldError.general(error.getDefaultDescription())
                : FieldError.element(element, error.getDefaultDescription());
    }

    /** The document's bytes, once it is known to be neither empty, too large, nor holding what cannot be stored. */
    private static byte[] bytes(String xml) {
        if (xml == null || xml.isBlank()) {
            throw invalid(FieldError.general("the request body is empty; send the BPMN 2.0 XML"));
        }
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_BYTES) {
            throw ProblemException.tooLarge("the document is larger than " + MAX_BYTES / 1024 + " KB");
        }
        String unstorable = Texts.unstorable(xml);
        if (unstorable != null) {
            throw invalid(FieldError.general("the document " + unstorable));
        }
        return bytes;
    }

    private static ProblemException invalid(FieldError error) {
        return ProblemException.invalid(ProblemType.INVALID_BPMN, List.of(error));
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? e.getMessage() : root.getMessage();
    }
}
