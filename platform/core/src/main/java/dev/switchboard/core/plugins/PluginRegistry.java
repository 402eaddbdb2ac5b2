package dev.switchboard.core.plugins;

import dev.switchboard.api.action.ActionDescriptor;
import dev.switchboard.api.action.WorkflowAction;
import dev.switchboard.api.settings.SettingsSchema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;

/**
 * What plugins contribute, looked up in the OSGi service registry (whiteboard): the registry
 * never scans bundles and knows no list of plugin types; it tracks services by SDK interface.
 * Lookups happen per call, so an updated plugin is used by the very next call.
 *
 * <p>Each action's descriptor is read once, when its service appears, and kept: a lookup never runs
 * plugin code, so a plugin whose {@code descriptor()} throws is set aside with its error instead of
 * breaking the lookup of every other plugin's actions.
 */
public final class PluginRegistry implements AutoCloseable {

    private final ServiceTracker<WorkflowAction, TrackedAction> actions;
    private final ServiceTracker<SettingsSchema, SettingsSchema> settingsSchemas;

    public PluginRegistry(BundleContext context) {
        this.actions = new ServiceTracker<>(context, WorkflowAction.class, new ActionCustomizer(context));
        this.settingsSchemas = new ServiceTracker<>(context, SettingsSchema.class, null);
        actions.open();
        settingsSchemas.open();
    }

    /**
     * The action with this id from an active plugin. An id belongs to the plugin that declared it
     * first (its service was registered first); another plugin is refused at install
     * ({@link #shadowing}), and service rankings decide nothing.
     */
    public Optional<ResolvedAction> action(String actionId) {
        return tracked().stream()
                .filter(action -> action.descriptor() != null && action.descriptor().id().equals(actionId))
                .findFirst()
                .map(action -> new ResolvedAction(action.action(), action.pluginId(), action.pluginVersion()));
    }

    /** Every action currently provided, one per id. */
    public List<ContributedAction> actions() {
        List<ContributedAction> result = new ArrayList<>();
        for (TrackedAction action : tracked()) {
            if (action.descriptor() != null
                    && result.stream().noneMatch(known -> known.descriptor().id().equals(action.descriptor().id()))) {
                result.add(new ContributedAction(action.descriptor(), action.pluginId(), action.pluginVersion()));
            }
        }
        return result;
    }

    public List<ActionDescriptor> actionsOf(Bundle bundle) {
        return actions().stream().filter(action -> action.pluginId().equals(bundle.getSymbolicName()))
                .map(ContributedAction::descriptor).toList();
    }

    /** What is wrong with the bundle's contributions (an action whose descriptor fails), if anything. */
    public List<String> failuresOf(Bundle bundle) {
        return tracked().stream()
                .filter(action -> action.error() != null && action.pluginId().equals(bundle.getSymbolicName()))
                .map(TrackedAction::error).toList();
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

    /**
     * The bundle's actions whose ids another plugin declared already, each naming its owner: a
     * plugin cannot register, or shadow, another plugin's action.
     */
    public List<String> shadowing(Bundle bundle) {
        Set<String> declared = tracked().stream()
                .filter(action -> action.descriptor() != null && action.pluginId().equals(bundle.getSymbolicName()))
                .map(action -> action.descriptor().id()).collect(Collectors.toSet());
        // actions() keeps each id's first provider: its owner
        return actions().stream()
                .filter(owner -> declared.contains(owner.descriptor().id()) && !owner.pluginId().equals(bundle.getSymbolicName()))
                .map(owner -> "action '" + owner.descriptor().id() + "' belongs to plugin '" + owner.pluginId() + "'")
                .toList();
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

    private List<TrackedAction> tracked() {
        List<TrackedAction> tracked = new ArrayList<>();
        for (ServiceReference<WorkflowAction> reference : sorted(actions.getServiceReferences())) {
            TrackedAction action = actions.getService(reference);
            if (action != null) {
                tracked.add(action);
            }
        }
        return tracked;
    }

    private static <T> List<ServiceReference<T>> sorted(ServiceReference<T>[] references) {
        if (references == null) {
            return List.of();
        }
        // first registered first: an action id belongs to its first provider, whatever the service ranking
        return Arrays.stream(references).sorted(Comparator.comparingLong(
                (ServiceReference<T> reference) -> (Long) reference.getProperty(Constants.SERVICE_ID))).toList();
    }

    /** An action with the plugin that provides it. */
    public record ContributedAction(ActionDescriptor descriptor, String pluginId, String pluginVersion) {
    }

    /**
     * An action service as it appeared: its descriptor, read once, or why it could not be read.
     *
     * @param descriptor {@code null} when {@link #error()} says why
     */
    record TrackedAction(WorkflowAction action, ActionDescriptor descriptor, String error, String pluginId,
                         String pluginVersion) {
    }

    /** Reads each action's descriptor once, when its service is registered. */
    private record ActionCustomizer(BundleContext context)
            implements ServiceTrackerCustomizer<WorkflowAction, TrackedAction> {

        @Override
        public TrackedAction addingService(ServiceReference<WorkflowAction> reference) {
            Bundle bundle = reference.getBundle();
            WorkflowAction action = context.getService(reference);
            if (bundle == null || action == null) {
                return null;
            }
            String pluginId = bundle.getSymbolicName();
            String version = bundle.getVersion().toString();
            try {
                ActionDescriptor descriptor = action.descriptor();
                if (descriptor == null) {
                    return new TrackedAction(action, null, action.getClass().getName() + ".descriptor() returned null",
                            pluginId, version);
                }
                return new TrackedAction(action, descriptor, null, pluginId, version);
            } catch (RuntimeException | LinkageError e) {
                return new TrackedAction(action, null, action.getClass().getName() + ".descriptor() failed: " + e,
                        pluginId, version);
            }
        }

        @Override
        public void modifiedService(ServiceReference<WorkflowAction> reference, TrackedAction action) {
        }

        @Override
        public void removedService(ServiceReference<WorkflowAction> reference, TrackedAction action) {
            context.ungetService(reference);
        }
    }
}
