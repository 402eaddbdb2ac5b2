package dev.switchboard.api.imports;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Describes a {@link ContactImporter}: what the console lists, and the choices a user makes for one import. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Importer {

    /** The importer's id, {@code vendor.what} in lower case (e.g. {@code gohighlevel.contacts}). */
    String id();

    /** The name in the console's list of importers. */
    String name();

    /** What it imports, from where, in a sentence. */
    String description() default "";

    /**
     * The record of a user's choices for one import (a date to import from, a list to import), its
     * components described with {@link dev.switchboard.api.schema.Field}; the host derives the form and
     * validates the choices before the import starts. Credentials do not belong here: read them from the
     * plugin's settings ({@link dev.switchboard.api.host.LocationContext#settings()}), where they are
     * kept encrypted.
     */
    Class<? extends Record> source();
}
