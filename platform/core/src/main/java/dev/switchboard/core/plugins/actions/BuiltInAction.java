package dev.switchboard.core.plugins.actions;

/**
 * A workflow action the platform itself provides, described by {@link dev.switchboard.api.action.Action}
 * on its bean class exactly as a plugin's action is: one catalog, one form of {@code sb:action} task,
 * one element template per action for the modeler.
 *
 * <p>Unlike a plugin's call, a built-in action runs inside the transaction that records its step as
 * completed: what it writes and the step's completion commit together or not at all, so a retry never
 * finds half of it done. It must therefore do no I/O outside the database.
 *
 * @param <I> the input record named by {@code @Action(input = …)}; its components are the task's inputs
 * @param <O> the output record; its components become run variables {@code <taskId>_<name>}
 */
public interface BuiltInAction<I extends Record, O extends Record> {

    /**
     * Runs the action for one step.
     *
     * @throws ActionFailure when the step cannot be done as modelled: its message is shown in the step
     *     log, and the step is tried again until its attempts are spent, then becomes an incident
     */
    O run(I input, BuiltInStep step);
}
