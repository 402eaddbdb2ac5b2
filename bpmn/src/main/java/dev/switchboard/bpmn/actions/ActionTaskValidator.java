package dev.switchboard.bpmn.actions;

import java.util.List;
import org.flowable.bpmn.model.Process;
import org.flowable.bpmn.model.ServiceTask;
import org.flowable.validation.ProcessValidator;
import org.flowable.validation.ProcessValidatorFactory;
import org.flowable.validation.ValidationError;
import org.flowable.validation.validator.impl.ServiceTaskValidator;

/** Accepts {@code sb:action} as a service task's implementation; everything else as Flowable checks it. */
public final class ActionTaskValidator extends ServiceTaskValidator {

    /** Flowable's default process validation with this service task rule. */
    public static ProcessValidator processValidator() {
        ProcessValidatorFactory factory = new ProcessValidatorFactory();
        factory.setCustomServiceTaskValidator(new ActionTaskValidator());
        return factory.createDefaultProcessValidator();
    }

    @Override
    protected void verifyImplementation(Process process, ServiceTask serviceTask, List<ValidationError> errors) {
        if (ActionTask.of(serviceTask).isEmpty()) {
            super.verifyImplementation(process, serviceTask, errors);
        }
    }
}
