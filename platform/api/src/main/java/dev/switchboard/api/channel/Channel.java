package dev.switchboard.api.channel;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Describes a {@link MessagingChannel}. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Channel {

    /** The channel's id, lower case ({@code sms}, {@code whatsapp}); unique across plugins. */
    String id();

    /** The name users see in the conversation. */
    String name();

    String description() default "";

    /** The longest a send may take, in seconds; 0 for the platform's setting. */
    int timeoutSeconds() default 0;
}
