package dev.switchboard.api;

import java.lang.annotation.Annotation;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an SDK interface that plugins implement to contribute something. The host's registry knows
 * extension points only through this annotation: a new point is a new interface, and no registry
 * code changes.
 *
 * <p>Every extension names its point's {@link #descriptor() descriptor annotation} on its class. The
 * descriptor's members are what the host lists and routes by: a member {@code id()} names the
 * extension (unique per point across all plugins), {@code Class} members name annotated types whose
 * JSON Schema the host derives (see {@link dev.switchboard.api.schema.Field}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ExtensionPoint {

    /** The annotation that describes each extension of this point; required on every extension class. */
    Class<? extends Annotation> descriptor();

    /**
     * Whether the host creates an instance to call. Points that only declare something (settings, a
     * trigger type) are read from their annotations and never instantiated.
     */
    boolean instantiated() default true;

    /**
     * The descriptor member that names each extension of this point ({@code id}, {@code event},
     * {@code path}); empty when extensions are named by their class.
     */
    String key() default "id";

    /**
     * Whether a key is unique within one plugin only (a webhook path, mounted under the plugin's id)
     * rather than across all plugins (an action id, which belongs to the plugin that declared it first).
     */
    boolean keyPerPlugin() default false;
}
