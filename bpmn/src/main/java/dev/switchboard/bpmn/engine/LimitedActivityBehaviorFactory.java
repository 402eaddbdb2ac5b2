package dev.switchboard.bpmn.engine;

import org.flowable.bpmn.model.Activity;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.impl.bpmn.behavior.AbstractBpmnActivityBehavior;
import org.flowable.engine.impl.bpmn.behavior.ParallelMultiInstanceBehavior;
import org.flowable.engine.impl.bpmn.behavior.SequentialMultiInstanceBehavior;
import org.flowable.engine.impl.bpmn.parser.factory.DefaultActivityBehaviorFactory;

/**
 * Flowable's behaviours, with multi-instance activities that refuse to create more instances than
 * {@link WorkflowLimits#maxMultiInstance()}: a cardinality computed at run time (an expression, a
 * collection) fails the run instead of filling the database.
 */
final class LimitedActivityBehaviorFactory extends DefaultActivityBehaviorFactory {

    private final int maxInstances;

    LimitedActivityBehaviorFactory(int maxInstances) {
        this.maxInstances = maxInstances;
    }

    @Override
    public SequentialMultiInstanceBehavior createSequentialMultiInstanceBehavior(Activity activity,
                                                                               AbstractBpmnActivityBehavior inner) {
        return new SequentialMultiInstanceBehavior(activity, inner) {
            @Override
            protected int resolveNrOfInstances(DelegateExecution execution) {
                return checked(activity, super.resolveNrOfInstances(execution));
            }
        };
    }

    @Override
    public ParallelMultiInstanceBehavior createParallelMultiInstanceBehavior(Activity activity,
                                                                           AbstractBpmnActivityBehavior inner) {
        return new ParallelMultiInstanceBehavior(activity, inner) {
            @Override
            protected int resolveNrOfInstances(DelegateExecution execution) {
                return checked(activity, super.resolveNrOfInstances(execution));
            }
        };
    }

    private int checked(Activity activity, int instances) {
        if (instances > maxInstances) {
            throw new WorkflowLimitExceeded("multi-instance '" + activity.getId() + "' would create " + instances
                    + " instances; the limit is " + maxInstances + " (switchboard.workflows.max-multi-instance)");
        }
        return instances;
    }
}
