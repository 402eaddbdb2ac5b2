package dev.switchboard.api.settings;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Describes a plugin's settings record; see the package documentation. One per plugin. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Settings {

    /** The title of the settings form. */
    String name();

    /** A sentence shown above the form. */
    String description() default "";
}
