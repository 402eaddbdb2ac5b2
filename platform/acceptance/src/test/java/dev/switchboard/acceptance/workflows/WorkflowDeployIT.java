package dev.switchboard.acceptance.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.acceptance.support.EmailPlugin;
import dev.switchboard.acceptance.support.Problems;
import dev.switchboard.acceptance.support.Scenario;
import dev.switchboard.testkit.PlatformExtension;
import dev.switchboard.testkit.ApiClient.Response;
import dev.switchboard.testkit.TestLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Documents that cannot run are refused at deploy with the reason, and nothing is deployed. */
@ExtendWith(PlatformExtension.class)
class WorkflowDeployIT {

    @Test
    void invalidWorkflowsAreRefusedWithTheReason(TestLocation location) {
        EmailPlugin.ensureInstalled(location.api());
        Scenario scenario = new Scenario(location);

        Problems.assertProblem(scenario.deploy(fixture("invalid")), 400, "nowhere");
        Problems.assertProblem(scenario.deploy(fixture("xxe")), 400, "DOCTYPE");
        Problems.assertProblem(scenario.deploy(fixture("unknown-action")), 400, "fax.send");
        Problems.assertProblem(scenario.deploy("<definitions"), 400, "well-formed");
        Problems.assertProblem(scenario.deploy(fixture("many-instances-literal")), 400,
                "element 'send': multi-instance cardinality 2000000000 exceeds the limit of 1000");

        assertThat(location.api().get(location.path("workflows")).json()).isEmpty();
    }

    @Test
    void workflowsThatWouldRunCodeAreRefusedNamingEachElement(TestLocation location) {
        Response refused = new Scenario(location).deploy(fixture("runs-code"));

        Problems.assertProblem(refused, 400, "flowable:type");
        assertThat(refused.json().get("type").asText()).isEqualTo("/api/v1/problems/invalid-bpmn");
        assertThat(refused.json().get("instance").asText()).isEqualTo("/api/v1/" + location.path("workflows"));
        assertThat(refused.json().get("errors")).extracting(error -> error.get("element").asText() + ": "
                + error.get("detail").asText()).anySatisfy(error -> assertThat(error).startsWith("shell: attribute flowable:type"))
                .anySatisfy(error -> assertThat(error).startsWith("script: <scriptTask> is not part of the platform's profile"))
                .anySatisfy(error -> assertThat(error).startsWith("f3: <conditionExpression> holds a JUEL expression"));
        assertThat(location.api().get(location.path("workflows")).json()).isEmpty();
    }

    private static String fixture(String name) {
        return Scenario.fixture(WorkflowDeployIT.class, name);
    }
}
