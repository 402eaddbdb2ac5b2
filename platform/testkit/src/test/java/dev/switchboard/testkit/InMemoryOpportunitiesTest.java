package dev.switchboard.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.api.PluginException;
import dev.switchboard.api.host.NewOpportunity;
import dev.switchboard.api.host.Opportunities;
import dev.switchboard.api.host.Opportunity;
import dev.switchboard.api.host.OpportunityStatus;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The in-memory host's opportunities behave as the platform's: what a plugin's unit test relies on. */
class InMemoryOpportunitiesTest {

    private final TestActionContext context = TestActionContext.of(Map.of())
            .withContact(new TestContact("c-1", "Ada", "Lovelace", "ada@example.com"))
            .withContacts(new TestContact("c-2", "Grace", "Hopper", "grace@example.com"))
            .withPipeline("sales", "new", "qualified", "closed");

    @Test
    void aNewOpportunityIsOpenInThePipelinesFirstStageUnlessToldOtherwise() throws PluginException {
        Opportunity plain = context.opportunities().create(NewOpportunity.of("c-1", "sales", "  Analytical engine "));
        Opportunity valued = context.opportunities().create(NewOpportunity.of("c-1", "sales", "Difference engine")
                .withStage("qualified").withValue(new BigDecimal("1234.5"), "eur").withStatus(OpportunityStatus.WON));

        assertThat(plain.name()).isEqualTo("Analytical engine");
        assertThat(plain.stageId()).isEqualTo("new");
        assertThat(plain.status()).isEqualTo(OpportunityStatus.OPEN);
        assertThat(plain.monetaryValue()).isNull();
        assertThat(plain.currency()).isEqualTo("USD");
        assertThat(valued.stageId()).isEqualTo("qualified");
        assertThat(valued.status()).isEqualTo(OpportunityStatus.WON);
        assertThat(valued.monetaryValue()).isEqualTo(new BigDecimal("1234.50"));
        assertThat(valued.currency()).isEqualTo("EUR");
        assertThat(context.opportunities().ofContact("c-1")).extracting(Opportunity::id)
                .containsExactly(valued.id(), plain.id());
        assertThat(context.opportunities().ofContact("c-2")).isEmpty();
        context.opportunities().changeStatus(plain.id(), OpportunityStatus.LOST);
        assertThat(context.opportunities().ofContact("c-1")).as("the most recently changed first")
                .extracting(Opportunity::id).containsExactly(plain.id(), valued.id());
        assertThat(context.opportunities().get(valued.id())).contains(valued);
        assertThat(context.opportunities().get("opportunity-of-elsewhere")).isEmpty();
    }

    @Test
    void movesStatusAndValueChangesAreKeptAndTheStagesEnteredCanBeReadBack() throws PluginException {
        Opportunities opportunities = context.opportunities();
        String id = opportunities.create(NewOpportunity.of("c-2", "sales", "Compiler")
                .withValue(new BigDecimal("100"), "GBP")).id();

        opportunities.moveToStage(id, "qualified");
        opportunities.moveToStage(id, "closed");
        opportunities.changeStatus(id, OpportunityStatus.LOST);
        Opportunity changed = opportunities.changeValue(id, new BigDecimal("250.25"), null);

        assertThat(changed.stageId()).isEqualTo("closed");
        assertThat(changed.status()).isEqualTo(OpportunityStatus.LOST);
        assertThat(changed.monetaryValue()).isEqualTo(new BigDecimal("250.25"));
        assertThat(changed.currency()).as("a null currency keeps the opportunity's").isEqualTo("GBP");
        assertThat(context.opportunities().stageHistory(id)).containsExactly("new", "qualified", "closed");
        assertThat(opportunities.changeValue(id, null, "USD").monetaryValue()).isNull();
    }

    @Test
    void badInputIsRefusedWithAMessageNamingWhatIsWrong() throws PluginException {
        Opportunities opportunities = context.opportunities();
        String id = opportunities.create(NewOpportunity.of("c-1", "sales", "Deal")).id();

        assertRefused(() -> opportunities.create(NewOpportunity.of("c-1", "marketing", "Deal")),
                "no pipeline marketing");
        assertRefused(() -> opportunities.create(NewOpportunity.of("c-1", "sales", "Deal").withStage("lost")),
                "stage lost is not a stage of pipeline sales");
        assertRefused(() -> opportunities.create(NewOpportunity.of("c-9", "sales", "Deal")), "no contact c-9");
        assertRefused(() -> opportunities.create(NewOpportunity.of("c-1", "sales", " ")), "name");
        assertRefused(() -> opportunities.create(NewOpportunity.of("c-1", "sales", "Deal")
                .withValue(BigDecimal.ONE, "euros")), "'euros' is not an ISO 4217 currency code");
        assertRefused(() -> opportunities.changeValue(id, new BigDecimal("-1"), null), "must be from 0");
        assertRefused(() -> opportunities.changeValue(id, new BigDecimal("1.234"), null), "two decimal places");
        assertRefused(() -> opportunities.moveToStage(id, "elsewhere"), "not a stage of pipeline sales");
        assertRefused(() -> opportunities.moveToStage("opportunity-99", "new"), "opportunity-99 does not exist");
        assertThat(opportunities.get(id).orElseThrow().stageId()).as("a refused change changes nothing")
                .isEqualTo("new");
    }

    private interface Change {
        void run() throws PluginException;
    }

    private static void assertRefused(Change change, String reason) {
        assertThatThrownBy(change::run).isInstanceOf(PluginException.class).hasMessageContaining(reason);
    }
}
