package dev.switchboard.api.imports;

import dev.switchboard.api.host.LocationContext;
import java.util.Map;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * What an importer gets for one run of one import: the location's host services, where to resume, and
 * the calls that hand the host what it read.
 *
 * <p>A row is a map from field names to values: the contact's standard fields as the contacts API
 * names them ({@code firstName}, {@code lastName}, {@code name}, {@code email}, {@code phone},
 * {@code additionalEmails}, {@code additionalPhones}, {@code companyName}, {@code address1},
 * {@code city}, {@code state}, {@code postalCode}, {@code country}, {@code timezone}, {@code website},
 * {@code dateOfBirth}, {@code source}, {@code tags}, {@code dnd}) and the location's custom fields as
 * {@code customFields.<key>}. Values are text, numbers, booleans, or lists of text (tags, additional
 * emails and phones); a missing or {@code null} value leaves the field alone.
 */
@ProviderType
public interface ImportContext extends LocationContext {

    /** Most rows one {@link #accept} takes. */
    int MAX_ROWS_PER_ACCEPT = 1_000;

    /** Longest checkpoint, in characters. */
    int MAX_CHECKPOINT_LENGTH = 16_384;

    /**
     * Where to resume: the checkpoint of the last page the host committed (the source's page cursor,
     * a timestamp, …); empty when the import starts from the beginning.
     */
    Optional<String> checkpoint();

    /** Tells the host how many records the import will read in all, for its progress and time left. */
    void expect(long total);

    /**
     * Hands the host a page of rows and the checkpoint after it. The host merges the rows into the
     * location's contacts by the import's duplicate choice (skip, update or create) and commits them
     * together with the progress, the rows rejected since the last page, and the checkpoint: after a
     * crash the import resumes from the last checkpoint committed, so no row is imported twice.
     *
     * <p>A row the host cannot use (an email that is no email, an unknown custom field) does not fail
     * the import: it is listed in the import's errors with its reference and the reason.
     *
     * @param rows the page's rows by their reference in the source (its record id; at most 200
     *     characters), in order: pass a {@link java.util.LinkedHashMap}; at most {@link #MAX_ROWS_PER_ACCEPT}
     * @param checkpoint what {@link #checkpoint()} returns to a run resuming after this page
     * @throws java.util.concurrent.CancellationException when the import was cancelled or has to stop
     *     (its node stops, the plugin is updated): nothing of this page is committed; return
     */
    void accept(Map<String, ? extends Map<String, ?>> rows, String checkpoint);

    /**
     * A record of the source the importer cannot use (it has neither name, email nor phone; it cannot
     * be read): listed in the import's errors with the reason, committed with the next {@link #accept}
     * or when the import returns.
     */
    void reject(String reference, String reason);

    /**
     * Whether the import should stop now: a user cancelled it, or the host has to stop it (its node
     * stops, the plugin is being updated; the import then resumes from its checkpoint later). Check it
     * between pages; return when it is true.
     */
    boolean cancelled();
}
