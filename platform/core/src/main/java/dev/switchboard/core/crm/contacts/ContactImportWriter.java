package dev.switchboard.core.crm.contacts;

import dev.switchboard.core.crm.Actor;
import dev.switchboard.core.crm.Tags;
import dev.switchboard.core.crm.fields.CustomField;
import dev.switchboard.core.crm.history.History;
import dev.switchboard.core.crm.settings.DuplicatePolicy;
import dev.switchboard.core.db.CopyRows;
import dev.switchboard.core.db.Database;
import dev.switchboard.core.db.DatabaseException;
import dev.switchboard.core.db.TimeOrderedIds;
import dev.switchboard.core.db.Timestamps;
import dev.switchboard.core.json.Json;
import dev.switchboard.core.tenancy.LocationId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Writes a batch of imported rows into a location's contacts, in the caller's transaction, set-based:
 * the rows are matched against the contacts (one query for the batch) and against each other, in file
 * order, by the location's duplicate policy; what they become is worked out here, with the contact API's
 * rules; then the new contacts go in with one {@code INSERT}, the changed ones with one {@code UPDATE}, and
 * their history with one statement each, all from temporary tables filled by {@code COPY}.
 *
 * <p>The rules are the API's create (an upsert): a row matching a contact by the policy (email, then
 * phone) is skipped, applied to it (its fields set, its tags, custom values and additional emails and
 * phones added to) or made another contact, as the import's choice says; a later row of the file
 * matching an earlier one is matched to the contact that one became. A row that would give a contact
 * another contact's email or phone under the policy, or more than 100 tags, is refused and changes nothing.
 * While a batch is written the location's contact keys are locked ({@link #LOCK}): the API's creates and
 * changes of an email or phone in the location wait for it, so neither side adds a duplicate the other
 * did not see.
 *
 * <p>Imported contacts emit no events (see docs/imports.md); their history records who imported them.
 */
@ApplicationScoped
public class ContactImportWriter {

    /** The advisory lock of a location's contact keys: an import takes it alone, the API shared. */
    static final String LOCK = "SELECT pg_advisory_xact_lock%s(hashtextextended(? || ':contact keys', 0))";

    private static final String COLUMNS = """
            id, first_name, last_name, name, email, additional_emails, phone, additional_phones, company_name, company_id,
            address1, city, state, postal_code, country, timezone, website, date_of_birth, source, assigned_to, tags, dnd,
            dnd_sms, dnd_email, dnd_call, dnd_whatsapp, custom_fields::text, followers, search_text, created_at, updated_at""";
    private static final String WRITTEN = """
            id, first_name, last_name, name, email, additional_emails, phone, additional_phones, company_name, address1, city,
            state, postal_code, country, timezone, website, date_of_birth, source, tags, dnd, custom_fields, search_text,
            created_at""";
    private static final String STAGE = """
            (id uuid, first_name text, last_name text, name text, email text, additional_emails text[], phone text,
             additional_phones text[], company_name text, address1 text, city text, state text, postal_code text, country text,
             timezone text, website text, date_of_birth date, source text, tags text[], dnd boolean, custom_fields jsonb,
             search_text text, created_at timestamptz, display_name text, history_id uuid) ON COMMIT DROP""";

    @Inject
    Database db;

    /** What became of a batch's rows. */
    public record Written(int created, int updated, int skipped, List<Refused> refused) {
    }

    /** A row that changed nothing, and why. */
    public record Refused(long row, String reason) {
    }

    /**
     * A row made ready for the batch's transaction: the contact it makes when it matches none (or why it
     * cannot), worked out before the transaction opens, on the import's reading thread.
     */
    public static final class Draft {

        private final ImportedContact row;
        private final ContactEntity contact;
        private final String refused;

        private Draft(ImportedContact row, ContactEntity contact, String refused) {
            this.row = row;
            this.contact = contact;
            this.refused = refused;
        }

        public ImportedContact row() {
            return row;
        }
    }

    /**
     * The draft of a row: the contact it would create, with the import's tags, checked against the
     * required custom fields, and its search text made.
     */
    public static Draft draft(LocationId locationId, ImportedContact row, List<String> extraTags, List<CustomField> fields) {
        ContactEntity contact = new ContactEntity(null, locationId.value(), null);
        String problem = apply(contact, row, extraTags, true, fields);
        return problem == null ? new Draft(row, contact, null) : new Draft(row, null, problem);
    }

    /**
     * Writes {@code rows} (in file order).
     *
     * @param extraTags tags every imported row adds (already normalised)
     * @param fields the location's contact custom fields (for required fields and history)
     */
    public Written write(LocationId locationId, List<Draft> rows, DuplicatePolicy policy, Contacts.OnDuplicate choice,
                         Actor actor, List<String> extraTags, List<CustomField> fields) {
        boolean matching = choice != Contacts.OnDuplicate.CREATE && policy != DuplicatePolicy.NONE;
        OffsetDateTime now = Timestamps.now();
        Batch batch = new Batch(policy, matching);
        if (matching) {
            db.query(LOCK.formatted(""), row -> true, locationId.toString());
            loadMatches(locationId, rows, policy, batch);
        }
        List<Refused> refused = new ArrayList<>();
        int created = 0;
        int updated = 0;
        int skipped = 0;
        for (Draft draft : rows) {
            ImportedContact row = draft.row;
            Slot target = batch.match(row);
            if (target == null) {
                if (draft.refused == null) {
                    ContactEntity contact = draft.contact;
                    contact.id = TimeOrderedIds.next();
                    contact.createdAt = row.createdAt() == null ? now : row.createdAt().withOffsetSameInstant(ZoneOffset.UTC);
                    contact.updatedAt = now;
                    batch.created(contact);
                    created++;
                } else {
                    refused.add(new Refused(row.row(), draft.refused));
                }
            } else if (choice == Contacts.OnDuplicate.SKIP) {
                skipped++;
            } else {
                ContactEntity changed = target.now.copy();
                String problem = apply(changed, row, extraTags, false, fields);
                if (problem == null) {
                    problem = batch.clash(target, changed);
                }
                if (problem == null) {
                    batch.changed(target, changed);
                    updated++;
                } else {
                    refused.add(new Refused(row.row(), problem));
                }
            }
        }
        try (Connection connection = db.dataSource().getConnection()) {
            try (Statement statement = connection.createStatement()) {
                // the side tables' trigger statements over a batch cost more than JIT compiling them saves
                statement.execute("SET LOCAL jit = off");
            }
            insert(connection, locationId, batch, actor, now);
            update(connection, locationId, batch, actor, now, fields);
        } catch (SQLException e) {
            throw new DatabaseException("writing a batch of imported contacts", e);
        }
        return new Written(created, updated, skipped, refused);
    }

    /**
     * Applies a row to a contact, new or a copy of one: the fields it gives are set; tags, custom values
     * and additional emails and phones are added to. Returns why it cannot, or null.
     */
    private static String apply(ContactEntity contact, ImportedContact row, List<String> extraTags, boolean creating,
                                List<CustomField> fields) {
        boolean nameWasDerived = contact.name == null
                || contact.name.equals(ContactRequests.derivedName(contact.firstName, contact.lastName));
        contact.firstName = given(row.firstName(), contact.firstName);
        contact.lastName = given(row.lastName(), contact.lastName);
        if (row.name() != null) {
            contact.name = row.name();
        } else if (creating || nameWasDerived) {
            contact.name = ContactRequests.derivedName(contact.firstName, contact.lastName);
        }
        contact.email = given(row.email(), contact.email);
        contact.phone = given(row.phone(), contact.phone);
        contact.additionalEmails = joined(contact.additionalEmails, row.additionalEmails(), contact.email);
        contact.additionalPhones = joined(contact.additionalPhones, row.additionalPhones(), contact.phone);
        if (contact.additionalEmails.size() > Contacts.MAX_ADDITIONAL) {
            return "additionalEmails: the contact would have more than " + Contacts.MAX_ADDITIONAL + " additional emails";
        }
        if (contact.additionalPhones.size() > Contacts.MAX_ADDITIONAL) {
            return "additionalPhones: the contact would have more than " + Contacts.MAX_ADDITIONAL + " additional phones";
        }
        contact.companyName = given(row.companyName(), contact.companyName);
        contact.address1 = given(row.address1(), contact.address1);
        contact.city = given(row.city(), contact.city);
        contact.state = given(row.state(), contact.state);
        contact.postalCode = given(row.postalCode(), contact.postalCode);
        contact.country = given(row.country(), contact.country);
        contact.timezone = given(row.timezone(), contact.timezone);
        contact.website = given(row.website(), contact.website);
        contact.dateOfBirth = given(row.dateOfBirth(), contact.dateOfBirth);
        contact.source = given(row.source(), contact.source);
        if (row.dnd() != null) {
            contact.dnd = row.dnd();
        }
        LinkedHashSet<String> tags = new LinkedHashSet<>(contact.tags);
        tags.addAll(row.tags());
        tags.addAll(extraTags);
        if (tags.size() > Tags.MAX_PER_CONTACT) {
            return "tags: the contact would have more than " + Tags.MAX_PER_CONTACT + " tags";
        }
        contact.tags = new ArrayList<>(tags);
        if (!row.customFields().isEmpty()) {
            JsonObjectBuilder custom = Json.createObjectBuilder(contact.customFields);
            row.customFields().forEach(custom::add);
            contact.customFields = custom.build();
        }
        if (creating) {
            for (CustomField field : fields) {
                if (field.required() && !contact.customFields.containsKey(field.id().toString())) {
                    return "customFields." + field.key() + ": required: '" + field.name() + "' needs a value";
                }
            }
        }
        contact.refreshSearchText();
        return null;
    }

    private static <T> T given(T value, T current) {
        return value != null ? value : current;
    }

    private static List<String> joined(List<String> current, List<String> added, String primary) {
        LinkedHashSet<String> all = new LinkedHashSet<>(current);
        all.addAll(added);
        all.remove(primary);
        return new ArrayList<>(all);
    }

    /** The live contacts with the rows' emails or phones (as the policy matches), locked until the batch commits. */
    private void loadMatches(LocationId locationId, List<Draft> rows, DuplicatePolicy policy, Batch batch) {
        Set<String> emails = new LinkedHashSet<>();
        Set<String> phones = new LinkedHashSet<>();
        for (Draft draft : rows) {
            ImportedContact row = draft.row;
            if (policy.byEmail() && row.email() != null) {
                emails.add(row.email());
            }
            if (policy.byPhone() && row.phone() != null) {
                phones.add(row.phone());
            }
        }
        if (emails.isEmpty() && phones.isEmpty()) {
            return;
        }
        db.query("SELECT " + COLUMNS + """
                 FROM contact WHERE location_id = ? AND deleted_at IS NULL AND (email = ANY (?) OR phone = ANY (?))
                ORDER BY created_at, id FOR UPDATE""", row -> {
            batch.existing(read(row, locationId));
            return true;
        }, locationId, emails.toArray(String[]::new), phones.toArray(String[]::new));
    }

    private static ContactEntity read(ResultSet row, LocationId locationId) throws SQLException {
        int c = 1;
        ContactEntity contact = new ContactEntity(row.getObject(c++, UUID.class), locationId.value(), null);
        contact.firstName = row.getString(c++);
        contact.lastName = row.getString(c++);
        contact.name = row.getString(c++);
        contact.email = row.getString(c++);
        contact.additionalEmails = strings(row.getArray(c++));
        contact.phone = row.getString(c++);
        contact.additionalPhones = strings(row.getArray(c++));
        contact.companyName = row.getString(c++);
        contact.companyId = row.getObject(c++, UUID.class);
        contact.address1 = row.getString(c++);
        contact.city = row.getString(c++);
        contact.state = row.getString(c++);
        contact.postalCode = row.getString(c++);
        contact.country = row.getString(c++);
        contact.timezone = row.getString(c++);
        contact.website = row.getString(c++);
        contact.dateOfBirth = row.getObject(c++, LocalDate.class);
        contact.source = row.getString(c++);
        contact.assignedTo = row.getObject(c++, UUID.class);
        contact.tags = strings(row.getArray(c++));
        contact.dnd = row.getBoolean(c++);
        contact.dndSms = row.getBoolean(c++);
        contact.dndEmail = row.getBoolean(c++);
        contact.dndCall = row.getBoolean(c++);
        contact.dndWhatsapp = row.getBoolean(c++);
        contact.customFields = Json.createReader(new StringReader(row.getString(c++))).readObject();
        Array followers = row.getArray(c++);
        contact.followers = followers == null ? new ArrayList<>() : new ArrayList<>(Arrays.asList((UUID[]) followers.getArray()));
        contact.searchText = row.getString(c++);
        contact.createdAt = row.getObject(c++, OffsetDateTime.class);
        contact.updatedAt = row.getObject(c, OffsetDateTime.class);
        return contact;
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? new ArrayList<>() : new ArrayList<>(Arrays.asList((String[]) array.getArray()));
    }

    private void insert(Connection connection, LocationId locationId, Batch batch, Actor actor, OffsetDateTime now)
            throws SQLException {
        List<ContactEntity> created = batch.created();
        if (created.isEmpty()) {
            return;
        }
        CopyRows copy = new CopyRows();
        for (ContactEntity contact : created) {
            // the history rows' ids ascend too: their primary key index is written at its end
            values(copy, contact).timestamp(contact.createdAt).text(ContactJson.displayName(contact)).uuid(TimeOrderedIds.next())
                    .end();
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMP TABLE import_contact_new " + STAGE);
        }
        copy.copyInto(connection, "import_contact_new", WRITTEN + ", display_name, history_id");
        execute(connection, "INSERT INTO contact (location_id, updated_at, " + WRITTEN + ") SELECT ?, ?, " + WRITTEN
                + " FROM import_contact_new", locationId.value(), now);
        execute(connection, """
                INSERT INTO change_record (id, location_id, change_id, subject_type, subject_id, contact_id, actor_type, actor_id,
                                           field, before_value, after_value, changed_at)
                SELECT history_id, ?, gen_random_uuid(), 'CONTACT', id, id, ?, ?, 'created', NULL, to_jsonb(display_name), ?
                FROM import_contact_new""", locationId.value(), actor.type().name(), actor.id(), now);
    }

    private void update(Connection connection, LocationId locationId, Batch batch, Actor actor, OffsetDateTime now,
                        List<CustomField> fields) throws SQLException {
        Map<String, String> keys = new HashMap<>();
        fields.forEach(field -> keys.put(field.id().toString(), field.key()));
        CopyRows contacts = new CopyRows();
        CopyRows changes = new CopyRows();
        for (Slot slot : batch.changed()) {
            ContactEntity before = slot.read;
            ContactEntity after = slot.now;
            List<History.FieldChange> diff = new ArrayList<>(ContactJson.diff(ContactJson.standardFields(before),
                    ContactJson.standardFields(after)));
            Set<String> ids = new LinkedHashSet<>(before.customFields.keySet());
            ids.addAll(after.customFields.keySet());
            for (String id : ids) {
                if (!Objects.equals(before.customFields.get(id), after.customFields.get(id)) && keys.containsKey(id)) {
                    diff.add(new History.FieldChange("customFields." + keys.get(id), before.customFields.get(id),
                            after.customFields.get(id)));
                }
            }
            if (diff.isEmpty()) {
                continue;
            }
            values(contacts, after).timestamp(after.createdAt).text(null).end();
            UUID changeId = UUID.randomUUID();
            for (History.FieldChange change : diff) {
                changes.uuid(after.id).uuid(changeId).text(change.field()).text(json(change.before())).text(json(change.after()))
                        .end();
            }
        }
        if (contacts.rows() == 0) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMP TABLE import_contact_changed " + STAGE);
            statement.execute("""
                    CREATE TEMP TABLE import_contact_history (contact_id uuid, change_id uuid, field text, before_value jsonb,
                                                              after_value jsonb) ON COMMIT DROP""");
        }
        contacts.copyInto(connection, "import_contact_changed", WRITTEN + ", display_name");
        changes.copyInto(connection, "import_contact_history", "contact_id, change_id, field, before_value, after_value");
        execute(connection, """
                UPDATE contact c SET first_name = s.first_name, last_name = s.last_name, name = s.name, email = s.email,
                       additional_emails = s.additional_emails, phone = s.phone, additional_phones = s.additional_phones,
                       company_name = s.company_name, address1 = s.address1, city = s.city, state = s.state,
                       postal_code = s.postal_code, country = s.country, timezone = s.timezone, website = s.website,
                       date_of_birth = s.date_of_birth, source = s.source, tags = s.tags, dnd = s.dnd,
                       custom_fields = s.custom_fields, search_text = s.search_text, updated_at = ?, version = c.version + 1
                FROM import_contact_changed s WHERE c.location_id = ? AND c.id = s.id""", now, locationId.value());
        execute(connection, """
                INSERT INTO change_record (id, location_id, change_id, subject_type, subject_id, contact_id, actor_type, actor_id,
                                           field, before_value, after_value, changed_at)
                SELECT gen_random_uuid(), ?, change_id, 'CONTACT', contact_id, contact_id, ?, ?, field, before_value, after_value, ?
                FROM import_contact_history""", locationId.value(), actor.type().name(), actor.id(), now);
    }

    /** The written columns of a contact, up to {@code custom_fields} and {@code search_text}. */
    private static CopyRows values(CopyRows copy, ContactEntity c) {
        return copy.uuid(c.id).text(c.firstName).text(c.lastName).text(c.name).text(c.email).textArray(c.additionalEmails)
                .text(c.phone).textArray(c.additionalPhones).text(c.companyName).text(c.address1).text(c.city).text(c.state)
                .text(c.postalCode).text(c.country).text(c.timezone).text(c.website).date(c.dateOfBirth).text(c.source)
                .textArray(c.tags).bool(c.dnd).text(c.customFields.toString()).text(c.searchText);
    }

    private static String json(JsonValue value) {
        return value == null ? null : value.toString();
    }

    private static void execute(Connection connection, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            statement.execute();
        }
    }

    /** A contact the batch met: as read (null for one it creates) and as it is now. */
    private static final class Slot {

        final ContactEntity read;
        ContactEntity now;

        Slot(ContactEntity read, ContactEntity now) {
            this.read = read;
            this.now = now;
        }
    }

    /** The batch's contacts: those matched, those it creates and those it changes. */
    private static final class Batch {

        private final DuplicatePolicy policy;
        private final boolean matching;
        /** Contacts by email and phone; one whose email or phone changed stays listed under the old one too. */
        private final Map<String, List<Slot>> byEmail = new HashMap<>();
        private final Map<String, List<Slot>> byPhone = new HashMap<>();
        private final List<Slot> slots = new ArrayList<>();

        Batch(DuplicatePolicy policy, boolean matching) {
            this.policy = policy;
            this.matching = matching;
        }

        void existing(ContactEntity contact) {
            add(new Slot(contact, contact));
        }

        void created(ContactEntity contact) {
            add(new Slot(null, contact));
        }

        void changed(Slot target, ContactEntity changed) {
            target.now = changed;
            index(target);
        }

        /** The contacts the batch creates, in order, as they are now. */
        List<ContactEntity> created() {
            return slots.stream().filter(slot -> slot.read == null).map(slot -> slot.now).toList();
        }

        /** The existing contacts the batch changes. */
        List<Slot> changed() {
            return slots.stream().filter(slot -> slot.read != null && slot.now != slot.read).toList();
        }

        /** The contact a row matches: the oldest with its email, else the oldest with its phone, as the policy says. */
        Slot match(ImportedContact row) {
            if (!matching) {
                return null;
            }
            Slot found = policy.byEmail() && row.email() != null ? oldest(byEmail, row.email(), true, null) : null;
            if (found == null && policy.byPhone() && row.phone() != null) {
                found = oldest(byPhone, row.phone(), false, null);
            }
            return found;
        }

        /**
         * Why {@code target} cannot become {@code changed}: another contact has its new email or phone under the
         * policy (the API refuses to give a contact another's email or phone: merge them instead).
         */
        String clash(Slot target, ContactEntity changed) {
            if (Objects.equals(target.now.email, changed.email) && Objects.equals(target.now.phone, changed.phone)) {
                return null;
            }
            Slot other = policy.byEmail() && changed.email != null ? oldest(byEmail, changed.email, true, target) : null;
            if (other == null && policy.byPhone() && changed.phone != null) {
                other = oldest(byPhone, changed.phone, false, target);
            }
            return other == null ? null : "contact " + other.now.id + " already has this email or phone (the location's "
                    + "duplicate policy is " + policy.apiName() + "); merge them instead";
        }

        private Slot oldest(Map<String, List<Slot>> index, String key, boolean email, Slot except) {
            List<Slot> listed = index.get(key);
            if (listed == null) {
                return null;
            }
            Slot oldest = null;
            for (Slot slot : listed) {
                if (slot != except && key.equals(email ? slot.now.email : slot.now.phone)
                        && (oldest == null || older(slot.now, oldest.now))) {
                    oldest = slot;
                }
            }
            return oldest;
        }

        private static boolean older(ContactEntity a, ContactEntity b) {
            int byTime = a.createdAt.compareTo(b.createdAt);
            return byTime < 0 || byTime == 0 && a.id.compareTo(b.id) < 0;
        }

        private void add(Slot slot) {
            slots.add(slot);
            if (matching) {
                index(slot);
            }
        }

        private void index(Slot slot) {
            if (slot.now.email != null) {
                List<Slot> listed = byEmail.computeIfAbsent(slot.now.email, key -> new ArrayList<>(1));
                if (!listed.contains(slot)) {
                    listed.add(slot);
                }
            }
            if (slot.now.phone != null) {
                List<Slot> listed = byPhone.computeIfAbsent(slot.now.phone, key -> new ArrayList<>(1));
                if (!listed.contains(slot)) {
                    listed.add(slot);
                }
            }
        }
    }
}
