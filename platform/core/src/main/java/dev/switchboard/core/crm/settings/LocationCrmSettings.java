package dev.switchboard.core.crm.settings;

import dev.switchboard.core.crm.PhoneNumbers;
import dev.switchboard.core.db.Database;
import dev.switchboard.core.problems.JsonInput;
import dev.switchboard.core.problems.ProblemException;
import dev.switchboard.core.problems.Texts;
import dev.switchboard.core.problems.Violations;
import dev.switchboard.core.tenancy.LocationId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;

/** Reads and changes a location's {@link CrmSettings}. */
@ApplicationScoped
public class LocationCrmSettings {

    @Inject
    Database db;

    public CrmSettings of(LocationId locationId) {
        return db.queryOne("SELECT country, timezone, duplicate_policy FROM location WHERE id = ?",
                        row -> new CrmSettings(row.getString(1), row.getString(2),
                                DuplicatePolicy.valueOf(row.getString(3)).apiName()), locationId)
                .orElseThrow(() -> ProblemException.notFound("location " + locationId));
    }

    /** Changes the members given; absent members keep their value. */
    @Transactional
    public CrmSettings change(LocationId locationId, JsonObject body) {
        CrmSettings current = of(locationId);
        Violations violations = new Violations();
        JsonInput input = JsonInput.of(body, violations);
        String country = input.string("country");
        String timezone = input.string("timezone");
        String policy = input.string("duplicatePolicy");
        input.finish();
        if (country != null) {
            country = country.trim().toUpperCase(Locale.ROOT);
            if (!PhoneNumbers.knownCountry(country)) {
                violations.field("country", Texts.quote(country) + " is not an ISO 3166 country code such as US or DE");
            }
        }
        if (timezone != null) {
            timezone = checkTimezone(timezone, "/timezone", violations);
        }
        if (policy != null && DuplicatePolicy.fromApi(policy).isEmpty()) {
            violations.field("duplicatePolicy", "must be one of none, email, phone, emailOrPhone, was " + Texts.quote(policy));
        }
        violations.throwIfAny();
        CrmSettings changed = new CrmSettings(country == null ? current.country() : country,
                timezone == null ? current.timezone() : timezone,
                policy == null ? current.duplicatePolicy() : policy);
        db.update("UPDATE location SET country = ?, timezone = ?, duplicate_policy = ? WHERE id = ?",
                changed.country(), changed.timezone(), changed.policy().name(), locationId);
        return changed;
    }

    /** An IANA time zone id ({@code Europe/Berlin}); null with a violation when it is not one. */
    public static String checkTimezone(String raw, String pointer, Violations violations) {
        String zone = raw.trim();
        try {
            if (zone.length() <= 64 && zone.contains("/") || "UTC".equals(zone)) {
                return ZoneId.of(zone).getId();
            }
        } catch (DateTimeException e) {
            // reported below
        }
        violations.at(pointer, Texts.quote(raw) + " is not an IANA time zone such as America/New_York");
        return null;
    }
}
