package dev.switchboard.core.plugins.actions;

import dev.switchboard.core.crm.Actor;
import dev.switchboard.core.plugins.host.StepLines;
import dev.switchboard.core.tenancy.LocationId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * One step of a built-in action as the action sees it: where it runs, for whom, and what it may leave
 * behind besides its output (run variables by name, lines of the step log, a summary).
 */
public final class BuiltInStep {

    /** A run variable's name: what FEEL can name without quotes. */
    public static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");
    /** The longest value a step may give a run variable. */
    public static final int MAX_VARIABLE_VALUE = 10_000;
    /** Variables the platform sets on every run, which a step may not overwrite. */
    public static final java.util.Set<String> RESERVED = java.util.Set.of("contact", "contactId", "eventId",
            "eventType", "locationId", "runId");

    private final LocationId locationId;
    private final String runId;
    private final Supplier<String> workflowKeyLookup;
    private String workflowKey;
    private final String activityId;
    private final UUID stepId;
    private final Optional<UUID> contactId;
    private final StepLines log = new StepLines(ActionSpec.PLATFORM);
    private final Map<String, String> variables = new LinkedHashMap<>();
    private String summary;

    /** @param workflowKey reads the run's workflow key, the first time an action asks for it */
    public BuiltInStep(LocationId locationId, String runId, Supplier<String> workflowKey, String activityId, UUID stepId,
                       Optional<UUID> contactId) {
        this.locationId = locationId;
        this.runId = runId;
        this.workflowKeyLookup = workflowKey;
        this.activityId = activityId;
        this.stepId = stepId;
        this.contactId = contactId;
    }

    public LocationId locationId() {
        return locationId;
    }

    public String runId() {
        return runId;
    }

    /** The key of the workflow the run belongs to. */
    public String workflowKey() {
        if (workflowKey == null) {
            workflowKey = workflowKeyLookup.get();
        }
        return workflowKey;
    }

    public String activityId() {
        return activityId;
    }

    /** The step's id: the same on every attempt of it, different for every visit of the task. */
    public UUID stepId() {
        return stepId;
    }

    /** Who the changes are recorded as made by: the run. */
    public Actor actor() {
        return Actor.workflow(runId);
    }

    public Optional<UUID> contactId() {
        return contactId;
    }

    /** The run's contact, for actions that act on one. */
    public UUID requireContact() {
        return contactId.orElseThrow(() -> new ActionFailure("the run has no contact to act on"));
    }

    /** Sets a run variable by name once the step completes. */
    public void setVariable(String name, String value) {
        if (name == null || !VARIABLE.matcher(name).matches()) {
            throw new ActionFailure("'" + name + "' is not a variable name: a letter or _ first, then letters,"
                    + " digits or _, at most 64 characters");
        }
        if (RESERVED.contains(name)) {
            throw new ActionFailure("'" + name + "' is set by the platform and cannot be changed by a step");
        }
        if (value != null && value.length() > MAX_VARIABLE_VALUE) {
            throw new ActionFailure("the value of '" + name + "' is longer than " + MAX_VARIABLE_VALUE + " characters");
        }
        variables.put(name, value == null ? "" : value);
    }

    public void log(String line) {
        log.info(line);
    }

    /** A sentence for the run log on what the step did. */
    public void summarize(String text) {
        summary = text == null ? null : text.length() > 500 ? text.substring(0, 500) + "…" : text;
    }

    public Map<String, String> variables() {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(variables));
    }

    public java.util.List<String> lines() {
        return log.lines();
    }

    public String summary() {
        return summary;
    }
}
