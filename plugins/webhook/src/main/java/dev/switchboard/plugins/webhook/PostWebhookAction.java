package dev.switchboard.plugins.webhook;

import dev.switchboard.api.PluginException;
import dev.switchboard.api.action.Action;
import dev.switchboard.api.action.ActionContext;
import dev.switchboard.api.action.ActionException;
import dev.switchboard.api.action.WorkflowAction;
import dev.switchboard.api.host.Contact;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/**
 * {@code webhook.post}: posts a JSON object (the body template, then the fields, then the run's contact
 * under {@code contact}) to a URL, signed with the location's secret ({@value WebhookSignature#HEADER})
 * and carrying the step's {@code Idempotency-Key}; a 2xx answer completes the step with its status, its
 * body and the values at the response fields' pointers. Any other answer fails the step. Each post is
 * recorded as usage ({@value #METER}).
 */
@Extension
@Action(id = "webhook.post", name = "Post a webhook", input = PostWebhookInput.class, output = WebhookPosted.class,
        description = "Post a signed JSON object with the contact's fields to a URL, and read fields of the answer",
        timeoutSeconds = 30)
public final class PostWebhookAction implements WorkflowAction<PostWebhookInput, WebhookPosted> {

    /** Most characters of the answer kept in the step's {@code response} output. */
    static final int MAX_RESPONSE_CHARS = 4000;
    static final String METER = "webhook.posts";
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @Override
    public WebhookPosted execute(PostWebhookInput input, ActionContext context) throws PluginException {
        URI url = url(input.url());
        WebhookSettings settings = context.settings().as(WebhookSettings.class);
        byte[] body = Json.write(payload(input, context)).getBytes(StandardCharsets.UTF_8);
        List<String> pointers = pointers(input.responseFields());
        HttpRequest request = HttpRequest.newBuilder(url).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header(WebhookSignature.HEADER, WebhookSignature.sign(settings.signingSecret(), body))
                .header("Idempotency-Key", context.idempotencyKey())
                .header("User-Agent", "switchboard-webhook/" + context.pluginVersion())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<String> response = context.http().send(request);
        String target = url.getScheme() + "://" + url.getAuthority();
        if (response.statusCode() / 100 != 2) {
            throw new ActionException(target + " answered " + response.statusCode());
        }
        String answer = response.body() == null ? "" : response.body();
        String values = Json.write(values(answer, pointers, target));
        context.metering().record(METER, 1, context.idempotencyKey());
        context.summarize("posted to " + target + ", answered " + response.statusCode());
        return new WebhookPosted(response.statusCode(),
                answer.length() > MAX_RESPONSE_CHARS ? answer.substring(0, MAX_RESPONSE_CHARS) : answer, values);
    }

    private static URI url(String text) throws ActionException {
        try {
            URI url = new URI(text.trim());
            if (!("http".equals(url.getScheme()) || "https".equals(url.getScheme())) || url.getHost() == null) {
                throw new ActionException("the URL must be http or https with a host: " + text);
            }
            return url;
        } catch (URISyntaxException e) {
            throw new ActionException("the URL is not valid: " + e.getMessage());
        }
    }

    /** The body template's members, then the fields, then the contact. */
    private static Map<String, Object> payload(PostWebhookInput input, ActionContext context) throws ActionException {
        Map<String, Object> payload = new LinkedHashMap<>();
        if (input.body() != null && !input.body().isBlank()) {
            Object template;
            try {
                template = Json.parse(input.body());
            } catch (Json.Malformed e) {
                throw new ActionException("the body is not JSON once its merge fields are filled in (" + e.getMessage()
                        + "); put values from merge fields in 'fields' instead");
            }
            if (!(template instanceof Map<?, ?> object)) {
                throw new ActionException("the body must be a JSON object");
            }
            object.forEach((name, value) -> payload.put((String) name, value));
        }
        if (input.fields() != null) {
            for (String line : input.fields().split("\\R")) {
                if (line.isBlank()) {
                    continue;
                }
                int equals = line.indexOf('=');
                if (equals < 1) {
                    throw new ActionException("each line of 'fields' is name=value, not: " + line.trim());
                }
                payload.put(line.substring(0, equals).trim(), line.substring(equals + 1).trim());
            }
        }
        context.contact().ifPresent(contact -> payload.put("contact", contact(contact)));
        return payload;
    }

    private static Map<String, Object> contact(Contact contact) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", contact.id());
        putIfSet(fields, "firstName", contact.firstName());
        putIfSet(fields, "lastName", contact.lastName());
        putIfSet(fields, "email", contact.email());
        putIfSet(fields, "phone", contact.phone());
        fields.put("tags", List.copyOf(contact.tags()));
        return fields;
    }

    private static void putIfSet(Map<String, Object> fields, String name, String value) {
        if (value != null) {
            fields.put(name, value);
        }
    }

    private static List<String> pointers(String text) throws ActionException {
        List<String> pointers = new ArrayList<>();
        if (text == null) {
            return pointers;
        }
        for (String pointer : text.split("[,\\n\\r]+")) {
            String trimmed = pointer.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (!trimmed.startsWith("/")) {
                throw new ActionException("a response field is a JSON Pointer such as /id, not: " + trimmed);
            }
            pointers.add(trimmed);
        }
        return pointers;
    }

    private static Map<String, Object> values(String answer, List<String> pointers, String target)
            throws ActionException {
        Map<String, Object> values = new LinkedHashMap<>();
        if (pointers.isEmpty()) {
            return values;
        }
        Object document;
        try {
            document = Json.parse(answer);
        } catch (Json.Malformed e) {
            throw new ActionException(target + " answered something that is not JSON, so its fields cannot be read: "
                    + e.getMessage());
        }
        for (String pointer : pointers) {
            Object value = Json.at(document, pointer);
            if (value != null) {
                values.put(pointer, value);
            }
        }
        return values;
    }
}
