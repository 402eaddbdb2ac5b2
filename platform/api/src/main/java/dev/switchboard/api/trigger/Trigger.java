package dev.switchboard.api.trigger;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes an event type a plugin emits (with {@code context.events().emit(…)}), which workflows can
 * name as their trigger. The type belongs to the plugin that declares it; no other plugin may declare
 * or emit it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Trigger {

    /** The event type, {@code area.past_tense} in lower case (e.g. {@code webhook.received}); unique. */
    String event();

    /** The name in the modeler's trigger list. */
    String name();

    String description() default "";

    /**
     * The record whose components are the event's payload fields: {@code String} components only
     * (events carry text, which triggers match), described with {@code @Field}. The host adds
     * {@code contactId} itself, from {@code emit}'s argument.
     */
    Class<? extends Record> payload();
}
