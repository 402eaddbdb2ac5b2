package dev.switchboard.api.permission;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Describes a permission a plugin declares; see the package documentation. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface PluginPermission {

    /** {@code area.verb} in lower case (e.g. {@code sms.send}); unique across plugins, never a platform permission. */
    String id();

    /** What it allows, for the roles table in the console. */
    String description();

    /** The location roles that grant it. */
    LocationRole[] grantedTo() default {LocationRole.ADMIN};

    /** The platform's location roles. */
    enum LocationRole {
        /** Everything in the location. */
        ADMIN,
        /** Daily work. */
        USER,
        /** Reads only. */
        READ_ONLY
    }
}
