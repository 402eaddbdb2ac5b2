package dev.switchboard.api.webhook;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Describes a {@link WebhookHandler}: where the host mounts it and its limits. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Webhook {

    /** Largest {@link #maxBodyBytes()} a handler may ask for. */
    int MAX_BODY_BYTES = 10 * 1024 * 1024;

    /** Longest {@link #timeoutSeconds()} a handler may ask for. */
    int MAX_TIMEOUT_SECONDS = 60;

    /**
     * The first path segment after {@code /api/v1/hooks/{pluginId}/}: lower case letters, digits and
     * dashes, at most 63 characters. Unique within the plugin.
     */
    String path();

    /** What the endpoint is for, as the console lists it. */
    String name();

    String description() default "";

    /** Largest body accepted, in bytes; the host answers 413 above it. At most {@link #MAX_BODY_BYTES}. */
    int maxBodyBytes() default 1024 * 1024;

    /**
     * The longest one call may take, in seconds (1 to {@link #MAX_TIMEOUT_SECONDS}); the host answers
     * 504 after it. Vendors give up after a few seconds, so keep handlers short: record what came in
     * and let a workflow do the rest.
     */
    int timeoutSeconds() default 10;
}
