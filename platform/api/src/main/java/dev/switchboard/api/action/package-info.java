/**
 * Workflow actions: the steps a BPMN service task can run.
 *
 * <p>A plugin contributes an action by registering a {@link dev.switchboard.api.action.WorkflowAction}
 * in the OSGi service registry. A service task names the action by id
 * ({@code sb:action="email.send"}); the host resolves the id each time the task runs, so a plugin
 * upgrade changes behaviour without redeploying any workflow.
 */
@Version("1.1.0")
package dev.switchboard.api.action;

import org.osgi.annotation.versioning.Version;
