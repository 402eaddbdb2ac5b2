package dev.switchboard.api.imports;

import dev.switchboard.api.ExtensionPoint;
import dev.switchboard.api.PluginException;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Brings contacts into a location from another system, page by page. The host runs each import as a
 * background job: it calls {@link #importContacts} once per run, and runs again from the last
 * checkpoint when the job was interrupted (its node stopped or died, the plugin was updated). One
 * instance serves every import of every location, concurrently: keep no per-import state in fields.
 *
 * @param <S> the source record named by {@link Importer#source()}
 */
@ConsumerType
@ExtensionPoint(descriptor = Importer.class)
public interface ContactImporter<S extends Record> {

    /**
     * Imports from {@link ImportContext#checkpoint()} (from the start when empty) until the source has
     * no more, handing each page to {@link ImportContext#accept}; returns early when
     * {@link ImportContext#cancelled()} says so. Has no overall time limit; the host stops an import
     * that hands it nothing for a while (see the operations guide).
     *
     * @param source the user's choices for this import, validated against its schema
     * @throws PluginException when the import cannot go on (the source refused the credentials, its
     *     API is gone); the job fails with the message, keeping the contacts committed so far
     */
    void importContacts(S source, ImportContext context) throws PluginException;
}
