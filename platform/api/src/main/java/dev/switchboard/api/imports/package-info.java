/**
 * Importers: contacts brought into a location from another system, as background jobs with progress,
 * per-row errors, cancellation and resumption after a crash.
 *
 * <p>An importer is a class marked {@link dev.switchboard.api.Extension} and
 * {@link dev.switchboard.api.imports.Importer} that implements
 * {@link dev.switchboard.api.imports.ContactImporter}. The user's choices for one import (what to import)
 * are a record described with {@link dev.switchboard.api.schema.Field}, from which the console's form is
 * derived; credentials come from the plugin's settings. The importer reads the source a page at a time
 * and hands each page to the host with a checkpoint; the host merges the rows into the location's
 * contacts and commits each page with its checkpoint, so an interrupted import resumes where it stopped.
 *
 * <pre>{@code
 * public record ContactsSince(@Field(title = "Changed since", format = "date") String since) { }
 *
 * @Extension
 * @Importer(id = "crmvendor.contacts", name = "CRM Vendor contacts", source = ContactsSince.class)
 * public final class VendorContacts implements ContactImporter<ContactsSince> {
 *     private static final String DONE = "done"; // the last page's checkpoint: never "" (the start)
 *
 *     public void importContacts(ContactsSince source, ImportContext context) throws PluginException {
 *         String apiKey = context.settings().require("apiKey");
 *         String cursor = context.checkpoint().orElse("");
 *         while (!cursor.equals(DONE) && !context.cancelled()) {
 *             VendorPage page = VendorApi.contacts(context.http(), apiKey, source.since(), cursor);
 *             context.expect(page.total());
 *             Map<String, Map<String, Object>> rows = new LinkedHashMap<>();
 *             for (VendorContact contact : page.contacts()) {
 *                 rows.put(contact.id(), Map.of("firstName", contact.first(), "email", contact.email(),
 *                         "customFields.vendor_score", contact.score()));
 *             }
 *             cursor = page.next().isEmpty() ? DONE : page.next();
 *             context.accept(rows, cursor);
 *         }
 *     }
 * }
 * }</pre>
 */
@Version("1.0.0")
package dev.switchboard.api.imports;

import org.osgi.annotation.versioning.Version;
