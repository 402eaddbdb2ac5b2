package dev.switchboard.core.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.nodes.NodeIdentity;
import dev.switchboard.core.tenancy.LocationId;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** How a job's outcome is recorded when the database does not answer at once, and when its handler throws an Error. */
class JobRunnerOutcomeTest {

    private final List<String> recorded = new ArrayList<>();
    private int refusals;

    private final JobQueue queue = new JobQueue() {
        @Override
        boolean finish(UUID id, String node, UUID claim, JobStatus status, JsonObject result, String error) {
            if (refusals > 0) {
                refusals--;
                throw new IllegalStateException("the database is away");
            }
            recorded.add(status + (error == null ? "" : ": " + error));
            return true;
        }

        @Override
        boolean requeue(UUID id, String node, UUID claim, Duration delay, String reason) {
            recorded.add("QUEUED: " + reason);
            return true;
        }

        @Override
        boolean cancelRequested(UUID id) {
            return false;
        }
    };

    @Test
    void anOutcomeTheDatabaseRefusesAFewTimesIsRecordedOnceItAnswers() {
        refusals = 2;

        runner(run -> JsonValue.EMPTY_JSON_OBJECT).run(job());

        assertThat(recorded).containsExactly("SUCCEEDED");
    }

    @Test
    void aHandlerThatThrowsAnErrorFailsItsJob() {
        runner(run -> {
            throw new AssertionError("a plugin's assertion");
        }).run(job());

        assertThat(recorded).containsExactly("FAILED: a plugin's assertion");
    }

    @Test
    void aHandlerInterruptedAsTheNodeStopsPutsItsJobBackInTheQueue() {
        JobRunner runner = runner(run -> {
            throw new InterruptedException("the node stops");
        });
        runner.running = false;

        runner.run(job());

        assertThat(recorded).containsExactly("QUEUED: the node running it stopped; resumed from its checkpoint");
    }

    @Test
    void aHandlerThatReturnsWithoutHavingAskedWhetherToStopFinishesEvenAsTheNodeStops() {
        JobRunner runner = runner(run -> JsonValue.EMPTY_JSON_OBJECT);
        runner.running = false;

        runner.run(job());

        assertThat(recorded).containsExactly("SUCCEEDED");
    }

    @Test
    void aHandlerThatWasToldTheNodeStopsGoesBackToTheQueueWhenItReturns() {
        JobRunner runner = runner(run -> run.stopRequested() ? null : JsonValue.EMPTY_JSON_OBJECT);
        runner.running = false;

        runner.run(job(runner));

        assertThat(recorded).containsExactly("QUEUED: the node running it stopped; resumed from its checkpoint");
    }

    /** What the test's handler does. */
    private interface Work {
        JsonObject run(JobRun run) throws Exception;
    }

    private JobRunner runner(Work work) {
        JobHandler handler = new JobHandler() {
            @Override
            public String kind() {
                return "test";
            }

            @Override
            public JsonObject run(JobRun run) throws Exception {
                return work.run(run);
            }
        };
        JobRunner runner = new JobRunner();
        runner.queue = queue;
        runner.node = new NodeIdentity() {
            @Override
            public String id() {
                return "node-1";
            }
        };
        runner.jobs = new Jobs() {
            @Override
            public Optional<JobHandler> handler(String kind) {
                return Optional.of(handler);
            }
        };
        runner.running = true;
        return runner;
    }

    private RunningJob job() {
        return job(null);
    }

    /** A claimed job; told the node stops when {@code runner} is given and no longer running. */
    private RunningJob job(JobRunner runner) {
        Job job = new Job(UUID.randomUUID(), LocationId.of(UUID.randomUUID()), "test", JsonValue.EMPTY_JSON_OBJECT,
                JobStatus.RUNNING, 0, 0, null, null, null, false, "node-1", null, null, null, null, null, 0);
        return new RunningJob(queue, new JobQueue.Claimed(job, Optional.empty(), UUID.randomUUID()), "node-1",
                () -> runner != null && !runner.running);
    }
}
