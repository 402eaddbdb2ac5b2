package dev.switchboard.api.host;

import java.math.BigDecimal;
import org.osgi.annotation.versioning.ProviderType;

/** An opportunity (a deal with a contact, in a stage of a pipeline) as a plugin sees it. Provided by the host. */
@ProviderType
public interface Opportunity {

    String id();

    String name();

    String contactId();

    String pipelineId();

    /** A stage of {@link #pipelineId()}. */
    String stageId();

    OpportunityStatus status();

    /** Two decimals, or {@code null} when the opportunity has no value. */
    BigDecimal monetaryValue();

    /** ISO 4217, e.g. {@code EUR}. */
    String currency();
}
