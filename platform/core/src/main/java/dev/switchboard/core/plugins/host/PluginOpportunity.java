package dev.switchboard.core.plugins.host;

import dev.switchboard.api.host.Opportunity;
import dev.switchboard.api.host.OpportunityStatus;
import java.math.BigDecimal;
import java.util.Locale;

/** A CRM opportunity as the SDK shows it to plugins: read-only, ids as text. */
record PluginOpportunity(dev.switchboard.core.crm.pipelines.Opportunity opportunity) implements Opportunity {

    @Override
    public String id() {
        return opportunity.id().toString();
    }

    @Override
    public String name() {
        return opportunity.name();
    }

    @Override
    public String contactId() {
        return opportunity.contactId().toString();
    }

    @Override
    public String pipelineId() {
        return opportunity.pipelineId().toString();
    }

    @Override
    public String stageId() {
        return opportunity.pipelineStageId().toString();
    }

    @Override
    public OpportunityStatus status() {
        return OpportunityStatus.valueOf(opportunity.status().toUpperCase(Locale.ROOT));
    }

    @Override
    public BigDecimal monetaryValue() {
        return opportunity.monetaryValue();
    }

    @Override
    public String currency() {
        return opportunity.currency();
    }
}
