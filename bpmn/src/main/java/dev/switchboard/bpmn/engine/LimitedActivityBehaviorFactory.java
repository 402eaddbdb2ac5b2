package dev.switchboard.bpmn.engine;

import org.flowable.bpmn.model.Activity;
import org.flowable.bpmn.model.ConditionalEventDefinition;
import org.flowable.bpmn.model.IntermediateCatchEvent;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.impl.bpmn.behavior.AbstractBpmnActivityBehavior;
import org.flowable.engine.impl.bpmn.behavior.IntermediateCatchConditionalEventActivityBehavior;
import org.flowable.engine.impl.bpmn.behavior.ParallelMultiInstanceBehavior;
import org.flowable.engine.impl.bpmn.behavior.SequentialMultiInstanceBehavior;
import org.flowable.engine.impl.bpmn.parser.factory.DefaultActivityBehaviorFactory;

/**
 * Flowable's behaviours, with multi-instance activities that refuse to create more instances than
 * {@link WorkflowLimits#maxMultiInstance()} (a cardinality computed at run time, from an expression or
 * a collection, fails the run instead of filling the database), and waits for a condition that look at
 * it when they are reached.
 */
final class LimitedActivityBehaviorFactory extends DefaultActivityBehaviorFactory {

    private final int maxInstances;

    LimitedActivityBehaviorFactory(int maxInstances) {
        this.maxInstances = maxInstances;
    }

    /** Waits until a condition holds: see {@link ConditionWaitBehavior}. */
    @Override
    public IntermediateCatchConditionalEventActivityBehavior createIntermediateCatchConditionalEventActivityBehavior(
            IntermediateCatchEvent event, ConditionalEventDefinition definition, String conditionExpression,
            String conditionLanguage) {
        return new ConditionWaitBehavior(definition, conditionExpression, conditionLanguage);
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
