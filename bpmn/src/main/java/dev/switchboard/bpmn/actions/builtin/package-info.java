/**
 * The platform's own workflow actions: contact, note, task, opportunity and run-variable steps and
 * steps that put a contact into or take it out of another workflow. Each is a
 * {@link dev.switchboard.core.plugins.actions.BuiltInAction} bean described by
 * {@link dev.switchboard.api.action.Action}, listed beside the plugins' actions in one catalog.
 */
package dev.switchboard.bpmn.actions.builtin;
