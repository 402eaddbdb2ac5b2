package dev.switchboard.api.action;

import dev.switchboard.api.ExtensionPoint;
import dev.switchboard.api.PluginException;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * One kind of workflow step. One instance serves every step of every location, concurrently: keep no
 * per-call state in fields.
 *
 * @param <I> the input record named by {@link Action#input()}
 * @param <O> the output record named by {@link Action#output()}
 */
@ConsumerType
@ExtensionPoint(descriptor = Action.class)
public interface WorkflowAction<I extends Record, O extends Record> {

    /**
     * Runs the action once for one workflow step. The host has validated the input against its
     * schema. A call longer than the action's time limit fails the step (the thread is interrupted).
     *
     * @throws PluginException when the step failed; the message is shown in the step log and the host
     *     retries the step according to the workflow's retry policy
     */
    O execute(I input, ActionContext context) throws PluginException;
}
