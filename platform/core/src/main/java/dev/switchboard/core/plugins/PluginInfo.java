package dev.switchboard.core.plugins;

import jakarta.json.JsonObject;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A plugin as the API lists it.
 *
 * @param state {@code ACTIVE}, or {@code FAILED} when its stored version did not start (see {@code error})
 * @param packaging {@code OSGI} or {@code PF4J}
 * @param previousVersion the version a rollback returns to, when there is one
 * @param trust what the trust checks said of the active artifact: signer, forbidden calls found, whether
 *     the operator trusts the plugin's code
 */
public record PluginInfo(String id, String name, String version, String packaging, String state, String error,
                         String previousVersion,
                         @Schema(description = "The trust verdict: signed, signer, fingerprint, findings, findingCount, "
                                 + "codeTrusted, verdict") JsonObject trust,
                         List<ExtensionInfo> extensions) {

    /**
     * One contribution.
     *
     * @param point the extension point: {@code WorkflowAction}, {@code WebhookHandler}, {@code SettingsType},
     *     {@code TriggerType}, {@code PluginLifecycle}
     * @param key the id it is found by (action id, webhook path, event type, or class name)
     * @param descriptor the descriptor's members; record types as their JSON Schemas
     */
    public record ExtensionInfo(String point, String key,
                                @Schema(description = "The descriptor's members; record types as JSON Schemas")
                                JsonObject descriptor) {
    }
}
