package dev.switchboard.host.problems;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource that reads its body as bytes, exactly as sent, under limits of its own (a webhook,
 * whose signature covers the raw body and whose handler answers malformed JSON itself):
 * {@link JsonInputFilter} leaves its body alone.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RawBody {
}
