package dev.switchboard.api.host;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What {@link Opportunities#create} makes: a name, a contact and a pipeline, and optionally a stage (the
 * pipeline's first when not given), a monetary value with its currency (the location's default, USD,
 * when not given) and a status ({@link OpportunityStatus#OPEN} when not given). Immutable: each
 * {@code with} method returns a copy.
 *
 * <pre>{@code
 * NewOpportunity deal = NewOpportunity.of(contact.id(), pipelineId, "Annual plan")
 *         .withStage(qualifiedStageId)
 *         .withValue(new BigDecimal("1200.00"), "EUR");
 * }</pre>
 */
public final class NewOpportunity {

    private final String contactId;
    private final String pipelineId;
    private final String name;
    private final String stageId;
    private final BigDecimal monetaryValue;
    private final String currency;
    private final OpportunityStatus status;

    private NewOpportunity(String contactId, String pipelineId, String name, String stageId, BigDecimal monetaryValue,
                           String currency, OpportunityStatus status) {
        this.contactId = contactId;
        this.pipelineId = pipelineId;
        this.name = name;
        this.stageId = stageId;
        this.monetaryValue = monetaryValue;
        this.currency = currency;
        this.status = status;
    }

    /** An open opportunity of the contact in the pipeline's first stage, without a value. */
    public static NewOpportunity of(String contactId, String pipelineId, String name) {
        return new NewOpportunity(contactId, pipelineId, name, null, null, null, null);
    }

    /** In this stage of the pipeline rather than its first. */
    public NewOpportunity withStage(String newStageId) {
        return new NewOpportunity(contactId, pipelineId, name, newStageId, monetaryValue, currency, status);
    }

    /**
     * Worth {@code amount} (0 to 10^13, two decimals at most) in {@code currencyCode} (ISO 4217; {@code null}
     * for the location's default).
     */
    public NewOpportunity withValue(BigDecimal amount, String currencyCode) {
        return new NewOpportunity(contactId, pipelineId, name, stageId, amount, currencyCode, status);
    }

    public NewOpportunity withStatus(OpportunityStatus newStatus) {
        return new NewOpportunity(contactId, pipelineId, name, stageId, monetaryValue, currency, newStatus);
    }

    public String contactId() {
        return contactId;
    }

    public String pipelineId() {
        return pipelineId;
    }

    public String name() {
        return name;
    }

    /** {@code null}: the pipeline's first stage. */
    public String stageId() {
        return stageId;
    }

    /** {@code null}: no value. */
    public BigDecimal monetaryValue() {
        return monetaryValue;
    }

    /** {@code null}: the location's default. */
    public String currency() {
        return currency;
    }

    /** {@code null}: open. */
    public OpportunityStatus status() {
        return status;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NewOpportunity that && Objects.equals(contactId, that.contactId)
                && Objects.equals(pipelineId, that.pipelineId) && Objects.equals(name, that.name)
                && Objects.equals(stageId, that.stageId) && Objects.equals(monetaryValue, that.monetaryValue)
                && Objects.equals(currency, that.currency) && status == that.status;
    }

    @Override
    public int hashCode() {
        return Objects.hash(contactId, pipelineId, name, stageId, monetaryValue, currency, status);
    }

    @Override
    public String toString() {
        return "NewOpportunity[" + name + " for contact " + contactId + " in pipeline " + pipelineId + "]";
    }
}
