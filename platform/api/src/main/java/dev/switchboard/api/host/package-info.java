/**
 * What the host offers a plugin during a call, bound to one location: its contacts and opportunities, the step log, an
 * HTTP client, the clock, the plugin's settings, its events, a store of JSON documents and usage
 * records for billing. Every service acts inside the call's location only; the database enforces
 * that, not the plugin.
 *
 * <pre>{@code
 * Contact contact = context.contacts().get(contactId).orElseThrow();
 * context.contacts().addTags(contact.id(), Set.of("webinar"));
context.opportunities().create(NewOpportunity.of(contact.id(), pipelineId, "Webinar seat"));
 * context.documents().put("vendor-ids", contact.id(), "{\"vendorId\": \"cus_42\"}");
 * context.metering().record("lookups", 1, context.idempotencyKey());
 * }</pre>
 */
@Version("1.0.0")
package dev.switchboard.api.host;

import org.osgi.annotation.versioning.Version;
