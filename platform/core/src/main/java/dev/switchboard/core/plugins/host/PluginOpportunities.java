package dev.switchboard.core.plugins.host;

import dev.switchboard.api.PluginException;
import dev.switchboard.api.host.NewOpportunity;
import dev.switchboard.api.host.Opportunities;
import dev.switchboard.api.host.Opportunity;
import dev.switchboard.api.host.OpportunityStatus;
import dev.switchboard.core.crm.Actor;
import dev.switchboard.core.crm.pipelines.OpportunityQuery;
import dev.switchboard.core.crm.pipelines.OpportunitySearch;
import dev.switchboard.core.db.DatabaseScope;
import dev.switchboard.core.db.InTransaction;
import dev.switchboard.core.json.Json;
import dev.switchboard.core.problems.Problem;
import dev.switchboard.core.problems.ProblemException;
import dev.switchboard.core.tenancy.LocationId;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The opportunities service as a plugin sees it: the CRM's own service, in the call's location scope
 * and a transaction of its own (so row-level security holds whatever id the plugin passes, and the
 * history, stage history and events of a change commit with it), with the plugin as the actor.
 * Refusals come back as {@link PluginException}s naming what is wrong.
 */
final class PluginOpportunities implements Opportunities {

    private final dev.switchboard.core.crm.pipelines.Opportunities opportunities;
    private final OpportunitySearch search;
    private final InTransaction transaction;
    private final LocationId locationId;
    private final Actor actor;

    PluginOpportunities(dev.switchboard.core.crm.pipelines.Opportunities opportunities, OpportunitySearch search,
                        InTransaction transaction, LocationId locationId, String pluginId) {
        this.opportunities = opportunities;
        this.search = search;
        this.transaction = transaction;
        this.locationId = locationId;
        this.actor = Actor.plugin(pluginId);
    }

    @Override
    public List<Opportunity> ofContact(String contactId) {
        Optional<UUID> contact = uuid(contactId);
        if (contact.isEmpty()) {
            return List.of();
        }
        return inScope(() -> search.list(locationId, new OpportunityQuery(null, null, contact.get(), null, null,
                "updatedAt", false, MAX_RESULTS, null)).items().stream().<Opportunity>map(PluginOpportunity::new).toList());
    }

    @Override
    public Optional<Opportunity> get(String opportunityId) {
        Optional<UUID> id = uuid(opportunityId);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        return inScope(() -> opportunities.find(locationId, id.get()).map(PluginOpportunity::new));
    }

    @Override
    public Opportunity create(NewOpportunity opportunity) throws PluginException {
        if (opportunity == null) {
            throw new PluginException("no opportunity to create");
        }
        JsonObjectBuilder body = Json.createObjectBuilder();
        put(body, "name", opportunity.name());
        put(body, "contactId", opportunity.contactId());
        put(body, "pipelineId", opportunity.pipelineId());
        put(body, "pipelineStageId", opportunity.stageId());
        if (opportunity.monetaryValue() != null) {
            body.add("monetaryValue", opportunity.monetaryValue());
        }
        put(body, "currency", opportunity.currency());
        if (opportunity.status() != null) {
            body.add("status", opportunity.status().name().toLowerCase(Locale.ROOT));
        }
        JsonObject request = body.build();
        return changed(() -> opportunities.create(locationId, request, actor));
    }

    @Override
    public Opportunity moveToStage(String opportunityId, String stageId) throws PluginException {
        if (stageId == null || stageId.isBlank()) {
            throw new PluginException("no stage to move opportunity " + opportunityId + " to");
        }
        return patch(opportunityId, Json.createObjectBuilder().add("pipelineStageId", stageId).build());
    }

    @Override
    public Opportunity changeStatus(String opportunityId, OpportunityStatus status) throws PluginException {
        if (status == null) {
            throw new PluginException("no status for opportunity " + opportunityId);
        }
        return patch(opportunityId, Json.createObjectBuilder().add("status", status.name().toLowerCase(Locale.ROOT))
                .build());
    }

    @Override
    public Opportunity changeValue(String opportunityId, BigDecimal value, String currency) throws PluginException {
        JsonObjectBuilder patch = Json.createObjectBuilder();
        if (value == null) {
            patch.addNull("monetaryValue");
        } else {
            patch.add("monetaryValue", value);
        }
        put(patch, "currency", currency);
        return patch(opportunityId, patch.build());
    }

    private Opportunity patch(String opportunityId, JsonObject patch) throws PluginException {
        UUID id = uuid(opportunityId).orElseThrow(() -> new PluginException("no opportunity " + opportunityId));
        return changed(() -> opportunities.patch(locationId, id, patch, actor));
    }

    private static void put(JsonObjectBuilder json, String member, String value) {
        if (value != null) {
            json.add(member, value);
        }
    }

    private Opportunity changed(Supplier<dev.switchboard.core.crm.pipelines.Opportunity> change) throws PluginException {
        try (DatabaseScope scope = DatabaseScope.location(locationId.value())) {
            return new PluginOpportunity(transaction.get(change));
        } catch (ProblemException e) {
            throw new PluginException(message(e.problem()));
        }
    }

    /**
     * A refusal as a plugin reads it: each error after the member it is about, by the SDK's name
     * ({@code currency: …}, {@code stageId: …}).
     */
    private static String message(Problem problem) {
        if (problem.errors() == null || problem.errors().isEmpty()) {
            return problem.detail() == null ? problem.title() : problem.detail();
        }
        return String.join("; ", problem.errors().stream().map(error -> error.pointer() == null ? error.describe()
                : member(error.pointer()) + ": " + error.detail()).toList());
    }

    private static String member(String pointer) {
        String member = pointer.replaceFirst("^/", "").replace('/', '.');
        return member.equals("pipelineStageId") ? "stageId" : member;
    }

    /** Reads in the location's scope, in a transaction: the persistence context needs one on a plugin's thread. */
    private <T> T inScope(Supplier<T> read) {
        try (DatabaseScope scope = DatabaseScope.location(locationId.value())) {
            return transaction.get(read);
        }
    }

    private static Optional<UUID> uuid(String id) {
        try {
            return id == null ? Optional.empty() : Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
