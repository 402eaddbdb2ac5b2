package dev.switchboard.testkit;

import dev.switchboard.api.PluginException;
import dev.switchboard.api.host.Contact;
import dev.switchboard.api.host.NewOpportunity;
import dev.switchboard.api.host.Opportunities;
import dev.switchboard.api.host.Opportunity;
import dev.switchboard.api.host.OpportunityStatus;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The opportunities of the in-memory host, checked as the platform checks them: the contact must be one
 * the context knows, the pipeline one declared with {@link TestActionContext#withPipeline}, the stage
 * one of its stages; names, values and currencies have the platform's limits. Every stage an
 * opportunity entered can be read back ({@link #stageHistory}).
 */
public final class InMemoryOpportunities implements Opportunities {

    /** An opportunity as the in-memory host keeps it. */
    public record Kept(String id, String name, String contactId, String pipelineId, String stageId,
                       OpportunityStatus status, BigDecimal monetaryValue, String currency) implements Opportunity {
    }

    private static final int MAX_NAME = 200;
    private static final BigDecimal MAX_VALUE = new BigDecimal("10000000000000");

    private final Map<String, Contact> contacts;
    private final Map<String, List<String>> stagesByPipeline = new LinkedHashMap<>();
    private final Map<String, Kept> byId = new LinkedHashMap<>();
    private final Map<String, List<String>> stageHistory = new LinkedHashMap<>();
    /** The order of the last change of each opportunity: what "most recently changed first" sorts by. */
    private final Map<String, Long> changed = new LinkedHashMap<>();
    private long changes;

    InMemoryOpportunities(Map<String, Contact> contacts) {
        this.contacts = contacts;
    }

    synchronized void addPipeline(String pipelineId, List<String> stageIds) {
        if (stageIds.isEmpty()) {
            throw new IllegalArgumentException("a pipeline has at least one stage");
        }
        stagesByPipeline.put(pipelineId, List.copyOf(stageIds));
    }

    @Override
    public synchronized List<Opportunity> ofContact(String contactId) {
        return byId.values().stream().filter(o -> o.contactId().equals(contactId))
                .sorted(Comparator.comparing((Kept o) -> changed.get(o.id())).reversed())
                .limit(MAX_RESULTS).<Opportunity>map(o -> o).toList();
    }

    @Override
    public synchronized Optional<Opportunity> get(String opportunityId) {
        return Optional.ofNullable(byId.get(opportunityId));
    }

    @Override
    public synchronized Opportunity create(NewOpportunity opportunity) throws PluginException {
        if (opportunity == null) {
            throw new PluginException("no opportunity to create");
        }
        String name = opportunity.name() == null ? "" : opportunity.name().strip();
        if (name.isEmpty() || name.length() > MAX_NAME) {
            throw new PluginException("name: must be 1 to " + MAX_NAME + " characters");
        }
        if (opportunity.contactId() == null || !contacts.containsKey(opportunity.contactId())) {
            throw new PluginException("contactId: no contact " + opportunity.contactId() + " in this location");
        }
        List<String> stages = stagesByPipeline.get(opportunity.pipelineId());
        if (stages == null) {
            throw new PluginException("pipelineId: no pipeline " + opportunity.pipelineId() + " in this location");
        }
        String stage = opportunity.stageId() == null ? stages.get(0) : opportunity.stageId();
        if (!stages.contains(stage)) {
            throw new PluginException("pipelineStageId: stage " + stage + " is not a stage of pipeline "
                    + opportunity.pipelineId());
        }
        Kept kept = new Kept("opportunity-" + (byId.size() + 1), name, opportunity.contactId(), opportunity.pipelineId(),
                stage, opportunity.status() == null ? OpportunityStatus.OPEN : opportunity.status(),
                value(opportunity.monetaryValue()), currency(opportunity.currency(), "USD"));
        replace(kept);
        stageHistory.put(kept.id(), new ArrayList<>(List.of(stage)));
        return kept;
    }

    @Override
    public synchronized Opportunity moveToStage(String opportunityId, String stageId) throws PluginException {
        Kept current = existing(opportunityId);
        if (!stagesByPipeline.get(current.pipelineId()).contains(stageId)) {
            throw new PluginException("pipelineStageId: stage " + stageId + " is not a stage of pipeline "
                    + current.pipelineId());
        }
        if (!stageId.equals(current.stageId())) {
            stageHistory.get(opportunityId).add(stageId);
        }
        return replace(new Kept(current.id(), current.name(), current.contactId(), current.pipelineId(), stageId,
                current.status(), current.monetaryValue(), current.currency()));
    }

    @Override
    public synchronized Opportunity changeStatus(String opportunityId, OpportunityStatus status) throws PluginException {
        Kept current = existing(opportunityId);
        if (status == null) {
            throw new PluginException("no status for opportunity " + opportunityId);
        }
        return replace(new Kept(current.id(), current.name(), current.contactId(), current.pipelineId(),
                current.stageId(), status, current.monetaryValue(), current.currency()));
    }

    @Override
    public synchronized Opportunity changeValue(String opportunityId, BigDecimal value, String currency)
            throws PluginException {
        Kept current = existing(opportunityId);
        return replace(new Kept(current.id(), current.name(), current.contactId(), current.pipelineId(),
                current.stageId(), current.status(), value(value), currency(currency, current.currency())));
    }

    /** The stages the opportunity entered, in order, the first at its creation. */
    public synchronized List<String> stageHistory(String opportunityId) {
        return List.copyOf(stageHistory.getOrDefault(opportunityId, List.of()));
    }

    /** Every opportunity, in the order they were created. */
    public synchronized List<Opportunity> all() {
        return List.copyOf(byId.values());
    }

    private Kept existing(String opportunityId) throws PluginException {
        Kept current = byId.get(opportunityId);
        if (current == null) {
            throw new PluginException("opportunity " + opportunityId + " does not exist");
        }
        return current;
    }

    private Kept replace(Kept opportunity) {
        byId.put(opportunity.id(), opportunity);
        changed.put(opportunity.id(), ++changes);
        return opportunity;
    }

    private static BigDecimal value(BigDecimal amount) throws PluginException {
        if (amount == null) {
            return null;
        }
        if (amount.signum() < 0 || amount.compareTo(MAX_VALUE) > 0) {
            throw new PluginException("monetaryValue: must be from 0 to 10^13, was " + amount.toPlainString());
        }
        try {
            return amount.setScale(2, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new PluginException("monetaryValue: must have at most two decimal places, was "
                    + amount.toPlainString());
        }
    }

    private static String currency(String code, String otherwise) throws PluginException {
        if (code == null) {
            return otherwise;
        }
        String upper = code.strip().toUpperCase(Locale.ROOT);
        try {
            if (upper.matches("[A-Z]{3}")) {
                return Currency.getInstance(upper).getCurrencyCode();
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new PluginException("currency: '" + code + "' is not an ISO 4217 currency code such as USD or EUR");
    }
}
