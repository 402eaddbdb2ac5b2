package dev.switchboard.bpmn.engine;

import org.flowable.common.engine.impl.agenda.AgendaOperationExecutionListener;
import org.flowable.common.engine.impl.interceptor.CommandContext;

/**
 * Counts the engine operations of each transaction and stops one that runs more than
 * {@link WorkflowLimits#maxOperationsPerTransaction()} without reaching a wait state: a loop without a
 * timer or an action in it would otherwise hold an engine thread and a transaction forever.
 */
final class OperationsPerTransactionLimit implements AgendaOperationExecutionListener {

    private static final String COUNT = "switchboard.operations";

    private final int limit;

    OperationsPerTransactionLimit(int limit) {
        this.limit = limit;
    }

    @Override
    public void beforeAll(CommandContext context) {
    }

    @Override
    public void beforeExecute(CommandContext context, Runnable operation) {
        int[] count = (int[]) context.getAttribute(COUNT);
        if (count == null) {
            count = new int[1];
            context.addAttribute(COUNT, count);
        }
        if (++count[0] > limit) {
            throw new WorkflowLimitExceeded("the run took more than " + limit + " steps without waiting; a loop needs"
                    + " a timer or an action in it (switchboard.workflows.max-operations-per-transaction)");
        }
    }

    @Override
    public void afterExecute(CommandContext context, Runnable operation) {
    }

    @Override
    public void afterExecuteException(CommandContext context, Runnable operation, Throwable error) {
    }

    @Override
    public void afterAll(CommandContext context) {
    }
}
