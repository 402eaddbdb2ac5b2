package dev.switchboard.api.host;

import dev.switchboard.api.PluginException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Outbound HTTP for plugins: the JDK's client with a connect time limit, the request's own timeout
 * capped by the host, and every call written to the step log (method, host, status, time; never
 * bodies or headers).
 */
@ProviderType
public interface Http {

    /**
     * Sends a request and reads the answer as text (at most 10 MB).
     *
     * @throws PluginException when the call cannot be made, times out or the answer is too large; the
     *     message names the host and what went wrong
     */
    HttpResponse<String> send(HttpRequest request) throws PluginException;
}
