package dev.switchboard.core.plugins.webhooks;

import dev.switchboard.api.PluginException;
import dev.switchboard.api.webhook.Webhook;
import dev.switchboard.api.webhook.WebhookHandler;
import dev.switchboard.api.webhook.WebhookResponse;
import dev.switchboard.core.plugins.PluginCalls;
import dev.switchboard.core.plugins.Plugins;
import dev.switchboard.core.plugins.host.LocationServices;
import dev.switchboard.core.plugins.host.StepLines;
import dev.switchboard.core.plugins.locations.PluginLocations;
import dev.switchboard.core.plugins.registry.Extension;
import dev.switchboard.core.plugins.registry.ExtensionCheck;
import dev.switchboard.core.plugins.registry.ExtensionRegistry.Lease;
import dev.switchboard.core.plugins.registry.ExtensionScanner;
import dev.switchboard.core.problems.Problem;
import dev.switchboard.core.problems.ProblemException;
import dev.switchboard.core.problems.ProblemType;
import dev.switchboard.core.problems.Texts;
import dev.switchboard.core.tenancy.TenantDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Plugins' webhook handlers: found by plugin id and first path segment, called without a login within
 * their limits (body size: 413; time: 504; calls per plugin: 429), their failures turned into
 * problems (a {@link PluginException}: 400 with its message; anything else: 500 naming the plugin;
 * an unknown location: 404), and each call logged. Checked when a plugin declares them.
 */
@ApplicationScoped
public class PluginWebhooks implements ExtensionCheck {

    private static final Logger LOG = Logger.getLogger(PluginWebhooks.class.getName());
    private static final Pattern PATH = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    /** How much of a body over the limit is read and dropped, so that the caller hears the 413. */
    private static final long DRAINED = 16L * 1024 * 1024;

    @Inject
    Plugins plugins;

    @Inject
    PluginCalls calls;

    @Inject
    LocationServices services;

    @Inject
    TenantDirectory tenants;

    @Inject
    PluginLocations pluginLocations;

    @Override
    public Class<?> point() {
        return WebhookHandler.class;
    }

    @Override
    public List<String> check(ExtensionScanner.Declared extension) {
        Webhook webhook = (Webhook) extension.descriptor();
        String where = "webhook '" + webhook.path() + "' (" + extension.type().getName() + ")";
        List<String> problems = new ArrayList<>();
        if (!PATH.matcher(webhook.path()).matches()) {
            problems.add(where + ": the path is 1 to 63 lower case letters, digits and dashes");
        }
        if (webhook.maxBodyBytes() < 0 || webhook.maxBodyBytes() > Webhook.MAX_BODY_BYTES) {
            problems.add(where + ": maxBodyBytes must be 0 to " + Webhook.MAX_BODY_BYTES);
        }
        if (webhook.timeoutSeconds() < 1 || webhook.timeoutSeconds() > Webhook.MAX_TIMEOUT_SECONDS) {
            problems.add(where + ": timeoutSeconds must be 1 to " + Webhook.MAX_TIMEOUT_SECONDS);
        }
        return problems;
    }

    /**
     * Calls the handler at {@code pathSegments[0]} of {@code pluginId}.
     *
     * @param pathSegments the decoded segments after {@code /hooks/{pluginId}/}
     * @param headers first values, by lower-case name
     * @param body read here, up to the handler's limit
     * @throws ProblemException for everything but the handler's own answer
     */
    public WebhookResponse call(String pluginId, String method, List<String> pathSegments, Map<String, String> query,
                                Map<String, String> headers, InputStream body) {
        long started = System.nanoTime();
        String target = method + " /hooks/" + pluginId + "/" + String.join("/", pathSegments);
        String first = pathSegments.isEmpty() ? "" : pathSegments.get(0);
        Extension declared = plugins.registry().generation(pluginId)
                .flatMap(generation -> generation.find(WebhookHandler.class, first))
                .orElseThrow(() -> ProblemException.notFound("webhook " + Texts.quote(pluginId + "/" + first)));
        Webhook webhook = declared.descriptor(Webhook.class);
        byte[] bytes = read(body, webhook.maxBodyBytes());
        WebhookCall call = new WebhookCall(method, pathSegments.subList(1, pathSegments.size()), query, headers, bytes);
        Lease<WebhookHandler> lease = plugins.registry().lease(pluginId, WebhookHandler.class, first)
                .orElseThrow(() -> ProblemException.notFound("webhook " + Texts.quote(pluginId + "/" + first)));
        try (lease) {
            WebhookResponse response = handle(lease, call, webhook);
            LOG.info(() -> target + " (plugin " + pluginId + " " + lease.extension().pluginVersion() + ") answered "
                    + response.statusCode() + " in " + millis(started) + " ms");
            return response;
        } catch (ProblemException e) {
            LOG.info(() -> target + " (plugin " + pluginId + ") answered " + e.problem().status() + " in "
                    + millis(started) + " ms: " + e.problem().detail());
            throw e;
        }
    }

    private WebhookResponse handle(Lease<WebhookHandler> lease, WebhookCall call, Webhook webhook) {
        Extension extension = lease.extension();
        String pluginId = extension.pluginId();
        WebhookHost host = new WebhookHost(services, tenants, pluginLocations, pluginId, extension.pluginVersion(),
                new StepLines(pluginId));
        WebhookResponse response;
        try {
            response = calls.call(pluginId, Duration.ofSeconds(webhook.timeoutSeconds()),
                    () -> lease.instance().handle(call, host));
        } catch (PluginCalls.Busy e) {
            throw ProblemException.tooManyRequests(e.getMessage());
        } catch (PluginCalls.TimedOut e) {
            throw new ProblemException(Problem.of(ProblemType.PLUGIN_TIMEOUT, e.getMessage()));
        } catch (ExecutionException e) {
            throw failure(extension, e.getCause());
        }
        if (response == null) {
            throw new ProblemException(Problem.of(ProblemType.PLUGIN_FAILED, "plugin " + pluginId + " "
                    + extension.pluginVersion() + " answered nothing"));
        }
        return response;
    }

    private static ProblemException failure(Extension extension, Throwable cause) {
        if (cause instanceof WebhookHost.UnknownLocation unknown) {
            return ProblemException.notFound(unknown.getMessage().replace(" does not exist", ""));
        }
        if (cause instanceof PluginException refused) {
            return ProblemException.badRequest(refused.getMessage() == null
                    ? "plugin " + extension.pluginId() + " refused the call without saying why" : refused.getMessage());
        }
        LOG.log(Level.WARNING, "Plugin " + extension.pluginId() + " " + extension.pluginVersion()
                + " failed in webhook " + extension.key(), cause);
        String reason = cause.getMessage() == null ? cause.getClass().getSimpleName()
                : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        return new ProblemException(Problem.of(ProblemType.PLUGIN_FAILED, "plugin " + extension.pluginId() + " "
                + extension.pluginVersion() + " failed: " + (reason.length() > 200 ? reason.substring(0, 200) + "…" : reason)));
    }

    private static byte[] read(InputStream in, int limit) {
        if (in == null) {
            return new byte[0];
        }
        try (in) {
            byte[] body = in.readNBytes(limit + 1);
            if (body.length > limit) {
                drain(in);
                throw ProblemException.tooLarge("the body is larger than this webhook's limit of " + limit + " bytes");
            }
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException("reading the webhook's body failed", e);
        }
    }

    private static void drain(InputStream in) {
        byte[] buffer = new byte[64 * 1024];
        long left = DRAINED;
        try {
            for (int read; left > 0 && (read = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0; ) {
                left -= read;
            }
        } catch (IOException e) {
            // the caller went away: nobody to answer
        }
    }

    private static long millis(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
