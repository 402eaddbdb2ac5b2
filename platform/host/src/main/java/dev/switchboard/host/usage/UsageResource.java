package dev.switchboard.host.usage;

import dev.switchboard.core.auth.Permission;
import dev.switchboard.core.plugins.host.UsageRecords;
import dev.switchboard.core.plugins.host.UsageRecords.UsageLine;
import dev.switchboard.core.problems.FieldError;
import dev.switchboard.core.problems.ProblemException;
import dev.switchboard.core.problems.Texts;
import dev.switchboard.core.tenancy.TenantScope;
import dev.switchboard.host.auth.Requires;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What a location used of the plugins in a period, per plugin and meter: what billing reads. */
@Requires(Permission.AGENCY_USAGE)
@Path("/locations/{locationId}/usage")
@Tag(name = "Usage", description = "Plugin usage per location, for billing")
@Produces(MediaType.APPLICATION_JSON)
public class UsageResource {

    /** Longest period one report covers. */
    static final Duration MAX_PERIOD = Duration.ofDays(366);

    @Inject
    UsageRecords usage;

    @Inject
    TenantScope tenant;

    /**
     * The usage of one location in a period.
     *
     * @param from the period's start (inclusive)
     * @param to the period's end (exclusive)
     * @param lines per plugin and meter, in order: the sum of the quantities and the number of records
     */
    public record UsageReport(String locationId, OffsetDateTime from, OffsetDateTime to, List<UsageLine> lines) {
    }

    @GET
    @Operation(operationId = "getUsage", summary = "A location's plugin usage in a period, per plugin and meter "
            + "(from: a timestamp or date, default the first of this month, UTC; to: exclusive, default now)")
    public UsageReport get(@QueryParam("from") String from, @QueryParam("to") String to) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        OffsetDateTime start = from == null || from.isBlank()
                ? now.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1) : time("from", from);
        OffsetDateTime end = to == null || to.isBlank() ? now : time("to", to);
        if (!start.isBefore(end)) {
            throw ProblemException.invalid(FieldError.parameter("to", "must be after from (" + start + ")"));
        }
        if (Duration.between(start, end).compareTo(MAX_PERIOD) > 0) {
            throw ProblemException.invalid(FieldError.parameter("to", "a report covers at most "
                    + MAX_PERIOD.toDays() + " days"));
        }
        return new UsageReport(tenant.locationId().toString(), start, end, usage.summary(tenant.locationId(), start, end));
    }

    /** An ISO-8601 timestamp with an offset, or a date (midnight UTC). */
    private static OffsetDateTime time(String parameter, String text) {
        if (text.length() > 40) {
            throw ProblemException.invalid(FieldError.parameter(parameter, "is not a timestamp or date"));
        }
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay().atOffset(ZoneOffset.UTC)
                    : OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(FieldError.parameter(parameter, Texts.quote(text)
                    + " is not a timestamp with an offset (2025-01-31T00:00:00Z) or a date (2025-01-31)"));
        }
    }
}
