package dev.switchboard.host.incontainer;

import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.delegate.ExecutionListener;
import org.flowable.engine.delegate.JavaDelegate;

/**
 * Java code a hostile model names as its service task or listener, deployed only with the
 * in-container tests: were it ever run, it would leave a system property behind.
 */
public class MarkerDelegate implements JavaDelegate, ExecutionListener {

    static final String PROPERTY = "switchboard.in-container.code-ran";

    @Override
    public void execute(DelegateExecution execution) {
        System.setProperty(PROPERTY, execution.getProcessDefinitionId());
    }

    @Override
    public void notify(DelegateExecution execution) {
        execute(execution);
    }
}
