package dev.switchboard.bpmn.engine;

import dev.switchboard.core.config.PlatformConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * Bounds that keep one workflow, or one location, from taking the engine for itself. Static ones are
 * refused at deploy; the rest are enforced while runs execute, failing the run that crosses them.
 * Each is a setting (see docs/operations.md).
 */
@ApplicationScoped
public class WorkflowLimits {

    @Inject
    PlatformConfig config;

    /** Instances one multi-instance activity may create. */
    public int maxMultiInstance() {
        return positive("switchboard.workflows.max-multi-instance", 1000);
    }

    /** Engine operations one transaction may run without reaching a wait state (guards loops without a wait). */
    public int maxOperationsPerTransaction() {
        return positive("switchboard.workflows.max-operations-per-transaction", 10_000);
    }

    /** Action steps one run may execute in its whole life (guards loops that wait, then act again). */
    public int maxActionsPerRun() {
        return positive("switchboard.workflows.max-actions-per-run", 1000);
    }

    /** Runs of one location in flight at once; events that would start more wait. */
    public int maxRunsInFlightPerLocation() {
        return positive("switchboard.workflows.max-runs-in-flight-per-location", 10_000);
    }

    /**
     * Times one contact may enter one workflow within an hour, whatever its re-entry policy: more is a
     * loop (a workflow whose steps trigger it again) and is stopped and reported as a failed start.
     */
    /** How often date triggers look for the contacts whose date has come. */
    public int dateTriggerSweepSeconds() {
        return positive("switchboard.workflows.date-trigger-sweep-seconds", 30);
    }

    public int maxEntriesPerContactPerHour() {
        return positive("switchboard.workflows.max-entries-per-contact-per-hour", 20);
    }

    /** Attempts of one action step before the run fails. */
    public int maxActionAttempts() {
        return positive("switchboard.actions.max-attempts", 3);
    }

    /**
     * How long a completed action step may wait for its run to be moved on before the worker's sweep
     * hands the run to a job of the engine (and how often the sweep looks).
     */
    public Duration strandedStepAfter() {
        return Duration.ofSeconds(positive("switchboard.actions.stranded-after-seconds", 60));
    }

    /** Plugin calls made at once by one node. */
    public int actionWorkers() {
        return positive("switchboard.actions.workers", 8);
    }

    private int positive(String key, int defaultValue) {
        int value = config.optional(key).map(text -> {
            try {
                return Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw new IllegalStateException("setting " + key + " must be a whole number, was '" + text + "'");
            }
        }).orElse(defaultValue);
        if (value < 1) {
            throw new IllegalStateException("setting " + key + " must be at least 1, was " + value);
        }
        return value;
    }
}
