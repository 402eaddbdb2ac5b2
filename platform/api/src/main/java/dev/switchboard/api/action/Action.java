package dev.switchboard.api.action;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Describes a {@link WorkflowAction}: what the host lists, documents and routes by. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Action {

    /** The id service tasks name, {@code area.verb} in lower case (e.g. {@code email.send}). */
    String id();

    /** The name in the modeler's palette. */
    String name();

    /** What the action does, in a sentence. */
    String description() default "";

    /** The input record; its components are the task's inputs. */
    Class<? extends Record> input();

    /** The output record; its components become run variables. {@link NoOutput} when there are none. */
    Class<? extends Record> output() default NoOutput.class;

    /** The longest one call may take before the step fails, in seconds; 0 for the platform's setting. */
    int timeoutSeconds() default 0;
}
