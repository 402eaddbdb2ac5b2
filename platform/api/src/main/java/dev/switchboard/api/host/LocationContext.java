package dev.switchboard.api.host;

import dev.switchboard.api.settings.PluginSettings;
import java.time.Clock;
import org.osgi.annotation.versioning.ProviderType;

/** The host's services for one location, handed to every plugin call that acts for a location. */
@ProviderType
public interface LocationContext {

    /** The location (sub-account) this call acts for. */
    String locationId();

    /** The version of this plugin that serves the call (for a User-Agent or a mail header). */
    String pluginVersion();

    /** This plugin's settings for the location, secrets decrypted. */
    PluginSettings settings();

    /** The location's contacts. */
    Contacts contacts();

    /** The location's opportunities (deals in its pipelines). */
    Opportunities opportunities();

    /** The location's conversations: append the messages a channel plugin receives. */
    Conversations conversations();

    /** The plugin's own tables (from the migrations it ships), this location's rows only. */
    PluginDatabase database();

    /** Lines for the step log (in an action) or the server log (elsewhere). */
    StepLog log();

    /** An HTTP client with time limits, whose calls are logged. */
    Http http();

    /** The clock to read the time from (tests replace it). */
    Clock clock();

    /** Emits the events this plugin declares, which start workflows. */
    Events events();

    /** This plugin's JSON documents in the location. */
    Documents documents();

    /** Usage records, for billing. */
    Metering metering();
}
