package dev.switchboard.core.plugins;

import dev.switchboard.api.action.ActionDescriptor;
import dev.switchboard.api.action.WorkflowAction;
import dev.switchboard.api.settings.SettingsSchema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

/**
 * What plugins contribute, looked up in the OSGi service registry (whiteboard): the registry
 * never scans bundles and knows no list of plugin types; it tracks services by SDK interface.
 * Lookups happen per call, so an updated plugin is used by the very next call.
 */
public final class PluginRegistry implements AutoCloseable {

    private final ServiceTracker<WorkflowAction, WorkflowAction> actions;
    private final ServiceTracker<SettingsSchema, SettingsSchema> settingsSchemas;

    public PluginRegistry(BundleContext context) {
        this.actions = new ServiceTracker<>(context, WorkflowAction.class, null);
        this.settingsSchemas = new ServiceTracker<>(context, SettingsSchema.class, null);
        actions.open();
        settingsSchemas.open();
    }

    /** The action with this id from an active plugin; highest service ranking wins. */
    public Optional<ResolvedAction> action(String actionId) {
        for (ServiceReference<WorkflowAction> reference : sorted(actions.getServiceReferences())) {
            WorkflowAction action = actions.getService(reference);
            if (action != null && actionId.equals(action.descriptor().id())) {
                Bundle bundle = reference.getBundle();
                if (bundle != null) {
                    return Optional.of(new ResolvedAction(action, bundle.getSymbolicName(), bundle.getVersion().toString()));
                }
            }
        }
        return Optional.empty();
    }

    /** Every action currently provided, one per id. */
    public List<ContributedAction> actions() {
        List<ContributedAction> result = new ArrayList<>();
        for (ServiceReference<WorkflowAction> reference : sorted(actions.getServiceReferences())) {
            WorkflowAction action = actions.getService(reference);
            Bundle bundle = reference.getBundle();
            if (action != null && bundle != null
                    && result.stream().noneMatch(known -> known.descriptor().id().equals(action.descriptor().id()))) {
                result.add(new ContributedAction(action.descriptor(), bundle.getSymbolicName(),
                        bundle.getVersion().toString()));
            }
        }
        return result;
    }

    public List<ActionDescriptor> actionsOf(Bundle bundle) {
        return actions().stream().filter(action -> action.pluginId().equals(bundle.getSymbolicName()))
                .map(ContributedAction::descriptor).toList();
    }

    public Optional<SettingsSchema> settingsSchema(String pluginId) {
        for (ServiceReference<SettingsSchema> reference : sorted(settingsSchemas.getServiceReferences())) {
            Bundle bundle = reference.getBundle();
            if (bundle != null && pluginId.equals(bundle.getSymbolicName())) {
                return Optional.ofNullable(settingsSchemas.getService(reference));
            }
        }
        return Optional.empty();
    }

    /** Whether the bundle registered anything the platform uses. */
    public boolean contributesAnything(Bundle bundle) {
        return !actionsOf(bundle).isEmpty() || settingsSchema(bundle.getSymbolicName()).isPresent();
    }

    @Override
    public void close() {
        actions.close();
        settingsSchemas.close();
    }

    private static <T> List<ServiceReference<T>> sorted(ServiceReference<T>[] references) {
        if (references == null) {
            return List.of();
        }
        // ServiceReference's natural order ranks the preferred service last
        return Arrays.stream(references).sorted(Comparator.reverseOrder()).toList();
    }

    /** An action with the plugin that provides it. */
    public record ContributedAction(ActionDescriptor descriptor, String pluginId, String pluginVersion) {
    }
}
