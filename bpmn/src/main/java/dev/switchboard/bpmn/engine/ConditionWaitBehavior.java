package dev.switchboard.bpmn.engine;

import dev.switchboard.bpmn.profile.SafeExpressionManager;
import org.flowable.bpmn.model.ConditionalEventDefinition;
import org.flowable.common.engine.api.FlowableException;
import org.flowable.common.engine.impl.el.ExpressionManager;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.impl.bpmn.behavior.IntermediateCatchConditionalEventActivityBehavior;
import org.flowable.engine.impl.util.CommandContextUtil;

/**
 * "Wait until a condition holds": an intermediate catch event with a conditional event definition
 * whose condition is FEEL over the run's variables and its contact
 * ({@code = contact.customFields.score >= 50}). A run that reaches it goes straight on when the
 * condition holds already; otherwise it waits until a change of its contact makes it hold
 * ({@link WorkflowEngine#reevaluateConditions}). A value not set yet does not hold; a condition that
 * fails (it gives a number, say) is the run's incident.
 */
final class ConditionWaitBehavior extends IntermediateCatchConditionalEventActivityBehavior {

    ConditionWaitBehavior(ConditionalEventDefinition definition, String conditionExpression, String conditionLanguage) {
        super(definition, conditionExpression, conditionLanguage);
    }

    @Override
    public void execute(DelegateExecution execution) {
        super.execute(execution);
        if (holds(execution)) {
            leaveIntermediateCatchEvent(execution);
        }
    }

    @Override
    public void trigger(DelegateExecution execution, String signalName, Object data) {
        if (holds(execution)) {
            leaveIntermediateCatchEvent(execution);
        }
    }

    private boolean holds(DelegateExecution execution) {
        ExpressionManager expressions = CommandContextUtil.getProcessEngineConfiguration().getExpressionManager();
        if (!(expressions instanceof SafeExpressionManager safe)) {
            throw new FlowableException("conditions are evaluated by the platform's expression manager only");
        }
        return safe.holds(conditionExpression, execution);
    }
}
