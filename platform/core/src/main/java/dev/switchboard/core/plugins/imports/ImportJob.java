package dev.switchboard.core.plugins.imports;

import dev.switchboard.api.PluginException;
import dev.switchboard.api.host.LocationContext;
import dev.switchboard.api.imports.ContactImporter;
import dev.switchboard.core.config.PlatformConfig;
import dev.switchboard.core.crm.Actor;
import dev.switchboard.core.crm.contacts.Contacts;
import dev.switchboard.core.db.DatabaseScope;
import dev.switchboard.core.db.JsonColumns;
import dev.switchboard.core.jobs.JobHandler;
import dev.switchboard.core.jobs.JobPaused;
import dev.switchboard.core.jobs.JobRun;
import dev.switchboard.core.plugins.PluginCalls;
import dev.switchboard.core.plugins.host.LocationServices;
import dev.switchboard.core.plugins.host.StepLines;
import dev.switchboard.core.plugins.locations.PluginLocations;
import dev.switchboard.core.plugins.registry.ExtensionRegistry.Lease;
import dev.switchboard.core.plugins.schema.RecordValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs an import as a background job: one call into the importer's plugin per run, from the job's
 * checkpoint, under a lease on the plugin version only while the call lasts. An import has no overall
 * time limit; it is bounded by cancellation (the importer is asked to stop, and interrupted when it
 * does not within {@link #CANCEL_GRACE}) and by an idle watchdog (an importer that hands the host
 * nothing for {@code switchboard.imports.idle-timeout-seconds} is stopped as hung). A plugin update
 * stops the run at its next page and the job resumes from its checkpoint on the new version.
 */
@ApplicationScoped
public class ImportJob implements JobHandler {

    public static final String KIND = "import";
    /** How long an importer may go on after it was cancelled before its call is interrupted. */
    static final Duration CANCEL_GRACE = Duration.ofSeconds(30);
    private static final Duration BUSY_RETRY = Duration.ofSeconds(5);
    private static final Logger LOG = Logger.getLogger(ImportJob.class.getName());

    @Inject
    ImporterCatalog importers;

    @Inject
    LocationServices services;

    @Inject
    PluginCalls calls;

    @Inject
    PluginLocations pluginLocations;

    @Inject
    Contacts contacts;

    @Inject
    PlatformConfig config;

    /** The import cannot run; the job fails with the reason. */
    static final class ImportFailed extends Exception {

        private static final long serialVersionUID = 1L;

        ImportFailed(String reason) {
            super(reason);
        }
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public JsonObject run(JobRun run) throws Exception {
        JsonObject parameters = run.parameters();
        String importerId = parameters.getString("importer");
        Contacts.OnDuplicate onDuplicate = Contacts.OnDuplicate.valueOf(parameters.getString("duplicates").toUpperCase(Locale.ROOT));
        Map<String, String> source = JsonColumns.strings(parameters.getJsonObject("source").toString());
        Optional<JsonObject> completed = ImportCall.completedResult(run);
        if (completed.isPresent()) {
            return completed.get(); // the importer returned in an earlier run; calling it again would start over
        }
        Optional<Lease<ContactImporter>> leased = importers.lease(importerId);
        if (leased.isEmpty()) {
            throw new ImportFailed("no active plugin provides importer '" + importerId + "' (its plugin was removed or did not start)");
        }
        ImportCall call;
        String pluginId;
        try (Lease<ContactImporter> lease = leased.get()) {
            ImporterSpec importer = ImporterSpec.of(lease.extension());
            pluginId = importer.pluginId();
            String startedWith = parameters.getString("plugin", pluginId);
            if (!startedWith.equals(pluginId)) {
                throw new ImportFailed("importer '" + importerId + "' now belongs to plugin " + pluginId + ", not to "
                        + startedWith + " that the import was started with; its checkpoint means nothing to another plugin");
            }
            if (!pluginLocations.isEnabled(run.locationId(), pluginId)) {
                throw new ImportFailed("plugin " + pluginId + " is turned off for this location");
            }
            Record choices;
            try {
                choices = RecordValues.bind(importer.source(), source);
            } catch (RecordValues.InvalidValues | IllegalArgumentException e) {
                throw new ImportFailed("the import's source does not fit importer " + importerId + ": " + e.getMessage());
            }
            LocationContext host = services.context(run.locationId(), pluginId, importer.pluginVersion(), new StepLines(pluginId));
            ContactImporter instance = lease.instance();
            call = new ImportCall(host, run, contacts, onDuplicate, Actor.plugin(pluginId),
                    () -> !importers.current(importerId, instance) || !enabled(run, importer.pluginId()));
            long[] cancelSeen = {0};
            Duration idleLimit = config.importIdleTimeout();
            boolean returned = false;
            try {
                calls.callWatched(pluginId, () -> watchdog(run, call, idleLimit, cancelSeen), () -> {
                    instance.importContacts(choices, call);
                    return null;
                });
                returned = true;
            } catch (PluginCalls.Busy e) {
                throw new JobPaused(e.getMessage(), BUSY_RETRY);
            } catch (PluginCalls.TimedOut e) {
                if (!run.cancelRequested()) {
                    throw new ImportFailed(e.getMessage());
                }
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof JobRun.JobLost lost) {
                    throw lost;
                }
                if (cause instanceof InterruptedException && run.stopRequested() && !run.cancelRequested()) {
                    // the node stops and gave up waiting for the importer's page: resume from the checkpoint
                    throw new JobPaused("the node running it stopped during a page; it resumes from its checkpoint", Duration.ZERO);
                }
                if (!(cause instanceof CancellationException)) {
                    throw new ImportFailed(failure(importer, cause));
                }
            }
            // rejections of a page that was not committed come again when the page is read again on resuming
            if (returned && !call.toldToStop()) {
                call.complete();
            }
        }
        if (call.stoppedForReplacement() && !run.cancelRequested()) {
            if (!pluginLocations.isEnabled(run.locationId(), pluginId)) {
                throw new ImportFailed("plugin " + pluginId + " was turned off for this location during the import");
            }
            throw new JobPaused("plugin " + pluginId + " was updated or removed during the import; it resumes from its "
                    + "checkpoint on the version that serves it next", Duration.ZERO);
        }
        return call.result();
    }

    private boolean enabled(JobRun run, String pluginId) {
        try (DatabaseScope scope = DatabaseScope.location(run.locationId().value())) {
            return pluginLocations.isEnabled(run.locationId(), pluginId);
        }
    }

    /** Why to interrupt the importer now, if it should be: it hung, or ignores its cancellation. */
    private static Optional<String> watchdog(JobRun run, ImportCall call, Duration idleLimit, long[] cancelSeen) {
        if (run.cancelRequested()) {
            if (cancelSeen[0] == 0) {
                cancelSeen[0] = System.nanoTime();
            } else if (System.nanoTime() - cancelSeen[0] > CANCEL_GRACE.toNanos()) {
                return Optional.of("the importer did not stop within " + CANCEL_GRACE.toSeconds() + " s of its cancellation");
            }
        }
        if (call.idle().compareTo(idleLimit) > 0) {
            return Optional.of("the importer handed the host nothing for " + idleLimit.toSeconds()
                    + " s (switchboard.imports.idle-timeout-seconds) and was stopped as hung");
        }
        return Optional.empty();
    }

    private static String failure(ImporterSpec importer, Throwable cause) {
        if (cause instanceof PluginException plugin) {
            return plugin.getMessage() == null ? "the importer failed without saying why" : plugin.getMessage();
        }
        // a plugin's own bug, or a class it needs that is gone: a failed import, not a dead worker
        LOG.log(Level.WARNING, "Plugin " + importer.pluginId() + " failed in importer " + importer.id(), cause);
        return "plugin " + importer.pluginId() + " " + importer.pluginVersion() + " failed: " + cause;
    }
}
