package dev.switchboard.api.schema;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes one component of an input, output or settings record: its label, whether it is required,
 * how the console edits it, and its limits. Every member is optional.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
public @interface Field {

    /** The label in forms; the component's name when empty. */
    String title() default "";

    /** A sentence of help shown under the field. */
    String description() default "";

    /** Whether a value must be given. */
    boolean required() default false;

    /** A secret (password, API key): stored encrypted, never shown again, written only. */
    boolean secret() default false;

    /** Edited as several lines of text (a message body). */
    boolean multiline() default false;

    /** A JSON Schema format for text: {@code email}, {@code uri}, {@code date}, {@code date-time}, … */
    String format() default "";

    /** Longest text accepted; 0 for the host's default (4,096 characters for inputs and settings). */
    int maxLength() default 0;

    /** Smallest number accepted, when {@link #minimum()} is not {@code Long.MIN_VALUE}. */
    long minimum() default Long.MIN_VALUE;

    /** Largest number accepted, when not {@code Long.MAX_VALUE}. */
    long maximum() default Long.MAX_VALUE;

    /** The value used when none is given, as text. */
    String defaultValue() default "";

    /** An example value, as text, for documentation and placeholders. */
    String example() default "";
}
