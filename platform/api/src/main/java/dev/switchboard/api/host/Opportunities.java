package dev.switchboard.api.host;

import dev.switchboard.api.PluginException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The opportunities of the call's location, changed as the CRM's API changes them: each change is
 * checked as a request would be, recorded in the contact's history with this plugin as the actor, and
 * emits the same events ({@code opportunity.created}, {@code .stage_changed}, {@code .status_changed},
 * {@code .value_changed}). An id of another location is not found. Refusals are
 * {@link PluginException}s naming what is wrong.
 *
 * <pre>{@code
 * // a billing plugin: the invoice was paid, the contact's open deal is won
 * Opportunities deals = context.opportunities();
 * for (Opportunity deal : deals.ofContact(contact.id())) {
 *     if (deal.status() == OpportunityStatus.OPEN) {
 *         deals.changeValue(deal.id(), paid.amount(), paid.currency());
 *         deals.changeStatus(deal.id(), OpportunityStatus.WON);
 *     }
 * }
 * }</pre>
 */
@ProviderType
public interface Opportunities {

    /** Most opportunities {@link #ofContact} returns. */
    int MAX_RESULTS = 100;

    /** The contact's opportunities, the most recently changed first (at most {@link #MAX_RESULTS}). */
    List<Opportunity> ofContact(String contactId);

    Optional<Opportunity> get(String opportunityId);

    /**
     * Creates an opportunity.
     *
     * @throws PluginException when the contact, pipeline or stage is not the location's, the name is
     *     blank or longer than 200 characters, the value is out of range or the currency unknown
     */
    Opportunity create(NewOpportunity opportunity) throws PluginException;

    /**
     * Moves the opportunity to another stage of its pipeline (recorded in its stage history).
     *
     * @throws PluginException when there is no such opportunity, or the stage is not of its pipeline
     */
    Opportunity moveToStage(String opportunityId, String stageId) throws PluginException;

    /** Marks the opportunity open, won, lost or abandoned. */
    Opportunity changeStatus(String opportunityId, OpportunityStatus status) throws PluginException;

    /**
     * Sets the opportunity's monetary value.
     *
     * @param value 0 to 10^13, two decimals at most; {@code null} clears it
     * @param currency ISO 4217; {@code null} keeps the opportunity's currency
     */
    Opportunity changeValue(String opportunityId, BigDecimal value, String currency) throws PluginException;
}
