package dev.switchboard.core.crm.companies;

import dev.switchboard.core.crm.Actor;
import dev.switchboard.core.crm.CrmInput;
import dev.switchboard.core.crm.Domains;
import dev.switchboard.core.crm.Emails;
import dev.switchboard.core.crm.PhoneNumbers;
import dev.switchboard.core.crm.contacts.Contact;
import dev.switchboard.core.crm.contacts.Contacts;
import dev.switchboard.core.crm.fields.CustomFieldValues;
import dev.switchboard.core.crm.fields.FieldModel;
import dev.switchboard.core.crm.settings.LocationCrmSettings;
import dev.switchboard.core.db.Database;
import dev.switchboard.core.db.EntityMappings;
import dev.switchboard.core.db.Timestamps;
import dev.switchboard.core.json.Json;
import dev.switchboard.core.paging.KeysetQuery;
import dev.switchboard.core.paging.Page;
import dev.switchboard.core.problems.FieldError;
import dev.switchboard.core.problems.InputValidation;
import dev.switchboard.core.problems.JsonInput;
import dev.switchboard.core.problems.ProblemException;
import dev.switchboard.core.problems.Texts;
import dev.switchboard.core.problems.Violations;
import dev.switchboard.core.tenancy.LocationId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Companies of one location: create, read, change by JSON merge patch, delete, list by name (prefix
 * search, keyset paging) and the contacts linked to one. Contacts link to a company by
 * {@code companyId}; deleting the company unlinks them (they keep their {@code companyName}).
 */
@ApplicationScoped
public class Companies {

    private static final KeysetQuery.Order BY_NAME = new KeysetQuery.Order("companies.name", "lower(name)", "text", "id", true);
    private static final KeysetQuery.Order CONTACTS_BY_NAME = new KeysetQuery.Order("company.contacts.name",
            "lower(coalesce(name, ''))", "text", "id", true);

    public static final int MAX_NAME = 200;
    /** Longest name prefix a list searches by. */
    public static final int MAX_QUERY = 200;
    private static final String LONGER = "is longer than {max} characters";
    /** Members of a company that a request cannot set. */
    private static final Set<String> READ_ONLY = Set.of("id", "locationId", "contactCount", "createdAt", "updatedAt");

    /** The text members of a request, as Bean Validation checks them (domain, phone, email, country are normalised). */
    record CompanyText(
            @NotBlank(message = "is required") @Size(max = MAX_NAME, message = LONGER) String name,
            @Size(max = Contacts.MAX_WEBSITE, message = LONGER) String website,
            @Size(max = Contacts.MAX_ADDRESS, message = LONGER) String address1,
            @Size(max = Contacts.MAX_PLACE, message = LONGER) String city,
            @Size(max = Contacts.MAX_PLACE, message = LONGER) String state,
            @Size(max = Contacts.MAX_POSTAL_CODE, message = LONGER) String postalCode) {
    }

    @PersistenceContext(unitName = EntityMappings.UNIT)
    EntityManager em;

    @Inject
    Database db;

    @Inject
    InputValidation validation;

    @Inject
    CustomFieldValues customFieldValues;

    @Inject
    LocationCrmSettings settings;

    @Inject
    Contacts contacts;

    @Transactional
    public Company create(LocationId locationId, JsonObject body) {
        String country = settings.of(locationId).country();
        Violations violations = new Violations();
        CrmInput.refuseReadOnly(body, READ_ONLY, violations);
        CompanyEntity company = new CompanyEntity(UUID.randomUUID(), locationId.value(), Timestamps.now());
        JsonInput input = JsonInput.of(CrmInput.without(body, READ_ONLY, "customFields"), violations);
        read(input, company, country, violations);
        input.finish();
        CustomFieldValues.Applied custom = customFieldValues.apply(locationId, FieldModel.COMPANY, JsonValue.EMPTY_JSON_OBJECT,
                CrmInput.customFields(body, violations), true, country, "/customFields", violations);
        violations.throwIfAny();
        company.customFields = custom.stored();
        em.persist(company);
        em.flush();
        return view(locationId, company, 0);
    }

    public Optional<Company> find(LocationId locationId, UUID companyId) {
        return entity(locationId, companyId).map(company -> view(locationId, company, contactCount(locationId, companyId)));
    }

    /** Changes a company by a JSON merge patch (RFC 7396) of its representation; customFields merges by key. */
    @Transactional
    public Company patch(LocationId locationId, UUID companyId, JsonObject patch) {
        CompanyEntity company = entity(locationId, companyId).orElseThrow(() -> notFound(companyId));
        String country = settings.of(locationId).country();
        Violations violations = new Violations();
        CrmInput.refuseReadOnly(patch, READ_ONLY, violations);
        JsonObject before = editable(company);
        JsonObject patched = Json.createMergePatch(CrmInput.without(patch, READ_ONLY, "customFields")).apply(before)
                .asJsonObject();
        JsonInput input = JsonInput.of(patched, violations);
        read(input, company, country, violations);
        input.finish();
        JsonObject given = null;
        if (patch.containsKey("customFields") && patch.get("customFields").getValueType() == JsonValue.ValueType.NULL) {
            JsonObjectBuilder clearAll = Json.createObjectBuilder();
            customFieldValues.forApi(locationId, FieldModel.COMPANY, company.customFields).keySet().forEach(clearAll::addNull);
            given = clearAll.build();
        } else {
            given = CrmInput.customFields(patch, violations);
        }
        CustomFieldValues.Applied custom = customFieldValues.apply(locationId, FieldModel.COMPANY, company.customFields,
                given, false, country, "/customFields", violations);
        violations.throwIfAny();
        company.customFields = custom.stored();
        if (!before.equals(editable(company)) || !custom.changes().isEmpty()) {
            company.updatedAt = Timestamps.now();
        }
        em.flush();
        return view(locationId, company, contactCount(locationId, companyId));
    }

    /**
     * Deletes a company. Its contacts (deleted ones too) lose their {@code companyId} and keep their
     * {@code companyName}; each one's history records the change.
     */
    @Transactional
    public void delete(LocationId locationId, UUID companyId, Actor actor) {
        CompanyEntity company = entity(locationId, companyId).orElseThrow(() -> notFound(companyId));
        OffsetDateTime now = Timestamps.now();
        db.update("""
                INSERT INTO change_record (id, location_id, change_id, subject_type, subject_id, contact_id, actor_type,
                                           actor_id, field, before_value, after_value, changed_at)
                SELECT gen_random_uuid(), location_id, gen_random_uuid(), 'CONTACT', id, id, ?, ?, 'companyId',
                       to_jsonb(company_id::text), NULL, ?
                FROM contact WHERE location_id = ? AND company_id = ?""",
                actor.type().name(), actor.id(), now, locationId, companyId);
        db.update("UPDATE contact SET company_id = NULL, updated_at = ?, version = version + 1"
                + " WHERE location_id = ? AND company_id = ?", now, locationId, companyId);
        em.remove(company);
        em.flush();
    }

    /** The companies whose name starts with {@code query} (ignoring case), by name. */
    public Page<Company> list(LocationId locationId, String query, int limit, String cursor) {
        StringBuilder from = new StringBuilder("FROM company WHERE location_id = ?");
        List<Object> params = new ArrayList<>(List.of(locationId));
        String prefix = prefix(query);
        if (prefix != null) {
            from.append(" AND lower(name) LIKE ? ESCAPE '\\'");
            params.add(prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        Page<UUID> ids = KeysetQuery.ids(db, from.toString(), params, BY_NAME, limit, cursor);
        return new Page<>(views(locationId, ids.items()), ids.nextCursor());
    }

    /** The contacts (not deleted) linked to a company, by name. */
    public Page<Contact> contactsOf(LocationId locationId, UUID companyId, int limit, String cursor) {
        if (entity(locationId, companyId).isEmpty()) {
            throw notFound(companyId);
        }
        Page<UUID> ids = KeysetQuery.ids(db, "FROM contact WHERE location_id = ? AND company_id = ? AND deleted_at IS NULL",
                List.of(locationId, companyId), CONTACTS_BY_NAME, limit, cursor);
        return new Page<>(contacts.views(locationId, ids.items()), ids.nextCursor());
    }

    // --- reading a request

    /** Reads every standard member into {@code target}: absent members clear the field. */
    private void read(JsonInput input, CompanyEntity target, String locationCountry, Violations violations) {
        CompanyText text = new CompanyText(CrmInput.text(input, "name"), CrmInput.text(input, "website"),
                CrmInput.text(input, "address1"), CrmInput.text(input, "city"), CrmInput.text(input, "state"),
                CrmInput.text(input, "postalCode"));
        target.domain = Domains.normalize(input.string("domain"), "/domain", violations);
        target.phone = PhoneNumbers.normalize(input.string("phone"), locationCountry, "/phone", violations);
        target.email = Emails.normalize(input.string("email"), "/email", violations);
        String country = CrmInput.text(input, "country");
        target.country = null;
        if (country != null) {
            String code = country.toUpperCase(Locale.ROOT);
            if (PhoneNumbers.knownCountry(code)) {
                target.country = code;
            } else {
                violations.field("country", Texts.quote(country) + " is not an ISO 3166 country code such as US or GB");
            }
        }
        CrmInput.validate(validation, text, violations);
        if (text.website() != null && text.website().length() <= Contacts.MAX_WEBSITE && !CustomFieldValues.isWebAddress(
                text.website().contains("://") ? text.website() : "https://" + text.website())) {
            violations.field("website", Texts.quote(text.website()) + " is not a web address");
        }
        target.name = text.name() == null ? target.name : text.name();
        target.website = text.website();
        target.address1 = text.address1();
        target.city = text.city();
        target.state = text.state();
        target.postalCode = text.postalCode();
    }

    private static String prefix(String query) {
        if (query == null || query.isBlank()) {
            return null;
        }
        if (query.length() > MAX_QUERY) {
            throw ProblemException.invalid(FieldError.parameter("query", "at most " + MAX_QUERY + " characters"));
        }
        String unstorable = Texts.unstorable(query);
        if (unstorable != null) {
            throw ProblemException.invalid(FieldError.parameter("query", unstorable));
        }
        return query.strip().toLowerCase(Locale.ROOT);
    }

    // --- rows and views

    private Optional<CompanyEntity> entity(LocationId locationId, UUID companyId) {
        CompanyEntity company = em.find(CompanyEntity.class, companyId);
        return company == null || !company.locationId.equals(locationId.value()) ? Optional.empty() : Optional.of(company);
    }

    private long contactCount(LocationId locationId, UUID companyId) {
        return db.queryOne("SELECT count(*) FROM contact WHERE location_id = ? AND company_id = ? AND deleted_at IS NULL",
                row -> row.getLong(1), locationId, companyId).orElse(0L);
    }

    private List<Company> views(LocationId locationId, List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, CompanyEntity> byId = new HashMap<>();
        em.createQuery("SELECT c FROM CompanyEntity c WHERE c.locationId = :location AND c.id IN :ids", CompanyEntity.class)
                .setParameter("location", locationId.value()).setParameter("ids", ids).getResultList()
                .forEach(company -> byId.put(company.id, company));
        Map<UUID, Long> counts = new HashMap<>();
        db.query("""
                SELECT company_id, count(*) FROM contact WHERE location_id = ? AND company_id = ANY (?) AND deleted_at IS NULL
                GROUP BY company_id""", row -> counts.put(row.getObject(1, UUID.class), row.getLong(2)),
                locationId, ids.toArray(UUID[]::new));
        Map<String, String> keys = customFieldValues.keysById(locationId, FieldModel.COMPANY);
        return ids.stream().map(byId::get).filter(Objects::nonNull)
                .map(company -> view(company, keys, counts.getOrDefault(company.id, 0L))).toList();
    }

    private Company view(LocationId locationId, CompanyEntity company, long contactCount) {
        return view(company, customFieldValues.keysById(locationId, FieldModel.COMPANY), contactCount);
    }

    private static Company view(CompanyEntity c, Map<String, String> keysById, long contactCount) {
        JsonObjectBuilder custom = Json.createObjectBuilder();
        c.customFields.forEach((id, value) -> {
            String key = keysById.get(id);
            if (key != null) {
                custom.add(key, value);
            }
        });
        return new Company(c.id, c.locationId, c.name, c.domain, c.phone, c.email, c.website, c.address1, c.city, c.state,
                c.postalCode, c.country, custom.build(), contactCount, c.createdAt, c.updatedAt);
    }

    /** The members a merge patch applies to, those without a value left out. */
    private static JsonObject editable(CompanyEntity c) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        putIfSet(json, "name", c.name);
        putIfSet(json, "domain", c.domain);
        putIfSet(json, "phone", c.phone);
        putIfSet(json, "email", c.email);
        putIfSet(json, "website", c.website);
        putIfSet(json, "address1", c.address1);
        putIfSet(json, "city", c.city);
        putIfSet(json, "state", c.state);
        putIfSet(json, "postalCode", c.postalCode);
        putIfSet(json, "country", c.country);
        return json.build();
    }

    private static void putIfSet(JsonObjectBuilder json, String name, String value) {
        if (value != null) {
            json.add(name, value);
        }
    }

    private static ProblemException notFound(UUID companyId) {
        return ProblemException.notFound("company " + companyId);
    }
}
