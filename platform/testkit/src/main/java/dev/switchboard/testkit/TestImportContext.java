package dev.switchboard.testkit;

import dev.switchboard.api.PluginException;
import dev.switchboard.api.host.Contacts;
import dev.switchboard.api.host.Conversations;
import dev.switchboard.api.host.Documents;
import dev.switchboard.api.host.Events;
import dev.switchboard.api.host.Http;
import dev.switchboard.api.host.Metering;
import dev.switchboard.api.host.Opportunities;
import dev.switchboard.api.host.PluginDatabase;
import dev.switchboard.api.host.StepLog;
import dev.switchboard.api.imports.ContactImporter;
import dev.switchboard.api.imports.ImportContext;
import dev.switchboard.api.imports.Importer;
import dev.switchboard.api.settings.PluginSettings;
import dev.switchboard.core.plugins.schema.RecordValues;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CancellationException;

/**
 * An in-memory host for testing a plugin's {@link ContactImporter} without a platform: the source
 * choices are bound to the importer's source record as the platform does, settings to the settings
 * record; the pages it accepts, the rows it rejects, its checkpoints and its expected total are kept and
 * can be read back. Rows are checked for what the platform refuses regardless of the location (field
 * names, value types, limits); such rows are listed as {@link #rejections()} as the platform lists them
 * in an import's errors.
 *
 * <pre>{@code
 * TestImportContext context = TestImportContext.of(Map.of("since", "2026-01-01"))
 *         .withSettings(Map.of("apiKey", "test-key"))
 *         .cancelAfterPages(2);
 * context.run(new VendorContacts());
 * assertThat(context.rows()).hasSize(200);
 * assertThat(context.checkpoint()).contains("page-3");
 * }</pre>
 *
 * <p>Resuming is tested by running again {@link #resumingFrom(String) from a checkpoint}.
 */
public final class TestImportContext implements ImportContext {

    /** The contact fields a row may name, besides {@code customFields.<key>}: the contacts API's. */
    public static final Set<String> CONTACT_FIELDS = Set.of("firstName", "lastName", "name", "email", "additionalEmails",
            "phone", "additionalPhones", "companyName", "companyId", "address1", "city", "state", "postalCode", "country",
            "timezone", "website", "dateOfBirth", "source", "assignedTo", "followers", "tags", "dnd", "dndSettings");

    private final Map<String, String> source;
    private final TestActionContext host;
    private final String resumeFrom;
    private final int cancelAfterPages;
    private final Map<String, Map<String, ?>> rows = new LinkedHashMap<>();
    private final Map<String, String> rejections = new LinkedHashMap<>();
    private final List<String> checkpoints = new ArrayList<>();
    private Long expected;
    private boolean cancelled;

    private TestImportContext(Map<String, String> source, TestActionContext host, String resumeFrom, int cancelAfterPages) {
        this.source = Map.copyOf(source);
        this.host = host;
        this.resumeFrom = resumeFrom;
        this.cancelAfterPages = cancelAfterPages;
    }

    /** A context with these source choices, no settings, from the start, in location {@code test-location}. */
    public static TestImportContext of(Map<String, String> source) {
        return new TestImportContext(source, TestActionContext.of(Map.of()), null, Integer.MAX_VALUE);
    }

    public TestImportContext withSettings(Map<String, String> settings) {
        return new TestImportContext(source, host.withSettings(settings), resumeFrom, cancelAfterPages);
    }

    /** A run resuming after the page whose checkpoint was {@code checkpoint}. */
    public TestImportContext resumingFrom(String checkpoint) {
        return new TestImportContext(source, host, checkpoint, cancelAfterPages);
    }

    /** A run that a user cancels once {@code pages} pages were accepted: {@link #cancelled()} is true from then on. */
    public TestImportContext cancelAfterPages(int pages) {
        return new TestImportContext(source, host, resumeFrom, pages);
    }

    /**
     * Runs the importer as the platform would: the source choices bound to its {@code @Importer} source
     * record (refused with the platform's message when they do not fit), then {@code importContacts}.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void run(ContactImporter<?> importer) throws PluginException {
        Importer declared = importer.getClass().getAnnotation(Importer.class);
        if (declared == null) {
            throw new IllegalArgumentException(importer.getClass().getName() + " has no @Importer");
        }
        Record choices;
        try {
            choices = RecordValues.bind(declared.source(), source);
        } catch (RecordValues.InvalidValues e) {
            throw new PluginException("the import's source does not fit importer " + declared.id() + ": " + e.getMessage());
        }
        ((ContactImporter) importer).importContacts(choices, this);
    }

    /** Every row accepted, by reference, in order (a row accepted again under the same reference replaces the first). */
    public Map<String, Map<String, ?>> rows() {
        return java.util.Collections.unmodifiableMap(rows);
    }

    /** The rows the importer rejected or the platform would refuse: reference to reason. */
    public Map<String, String> rejections() {
        return java.util.Collections.unmodifiableMap(rejections);
    }

    /** The checkpoints of the pages accepted, in order. */
    public List<String> checkpoints() {
        return List.copyOf(checkpoints);
    }

    /** The importer's expected total, when it told one. */
    public OptionalLong expected() {
        return expected == null ? OptionalLong.empty() : OptionalLong.of(expected);
    }

    /** The lines the importer logged. */
    public List<String> logLines() {
        return host.logLines();
    }

    @Override
    public Optional<String> checkpoint() {
        return checkpoints.isEmpty() ? Optional.ofNullable(resumeFrom) : Optional.of(checkpoints.get(checkpoints.size() - 1));
    }

    @Override
    public void expect(long total) {
        expected = total;
    }

    @Override
    public void accept(Map<String, ? extends Map<String, ?>> page, String next) {
        if (cancelled()) {
            throw new CancellationException("the import is cancelled; nothing of this page was committed");
        }
        if (page == null || page.size() > MAX_ROWS_PER_ACCEPT) {
            throw new IllegalArgumentException("accept takes a map of at most " + MAX_ROWS_PER_ACCEPT + " rows");
        }
        if (next == null || next.length() > MAX_CHECKPOINT_LENGTH) {
            throw new IllegalArgumentException("a checkpoint is text of at most " + MAX_CHECKPOINT_LENGTH + " characters");
        }
        page.forEach((reference, row) -> problem(row).ifPresentOrElse(reason -> rejections.put(reference, reason),
                () -> rows.put(reference, Map.copyOf(row))));
        checkpoints.add(next);
        if (checkpoints.size() >= cancelAfterPages) {
            cancelled = true;
        }
    }

    @Override
    public void reject(String reference, String reason) {
        rejections.put(reference, reason);
    }

    @Override
    public boolean cancelled() {
        return cancelled;
    }

    private static Optional<String> problem(Map<String, ?> row) {
        if (row == null) {
            return Optional.of("the row is empty");
        }
        for (Map.Entry<String, ?> field : row.entrySet()) {
            String name = field.getKey();
            Object value = field.getValue();
            if (name == null) {
                return Optional.of("a field without a name");
            }
            if (!CONTACT_FIELDS.contains(name) && !(name.startsWith("customFields.") && name.length() > "customFields.".length())) {
                return Optional.of(name + ": not a contact field (custom fields are named customFields.<key>)");
            }
            if (value != null && !(value instanceof CharSequence || value instanceof Number || value instanceof Boolean
                    || value instanceof Collection<?>)) {
                return Optional.of(name + ": a value is text, a number, a boolean or a list of text");
            }
        }
        return Optional.empty();
    }

    // --- the location's host services, in memory

    @Override
    public String locationId() {
        return host.locationId();
    }

    @Override
    public String pluginVersion() {
        return host.pluginVersion();
    }

    @Override
    public PluginSettings settings() {
        return host.settings();
    }

    @Override
    public Contacts contacts() {
        return host.contacts();
    }

    @Override
    public Conversations conversations() {
        return host.conversations();
    }

    @Override
    public PluginDatabase database() {
        return host.database();
    }

    @Override
    public StepLog log() {
        return host.log();
    }

    @Override
    public Http http() {
        return host.http();
    }

    @Override
    public Clock clock() {
        return host.clock();
    }

    @Override
    public Events events() {
        return host.events();
    }

    @Override
    public Documents documents() {
        return host.documents();
    }

    @Override
    public Metering metering() {
        return host.metering();
    }

    @Override
    public Opportunities opportunities() {
        return host.opportunities();
    }
}
