import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.flowable.common.engine.impl.history.HistoryLevel;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.engine.impl.cfg.StandaloneProcessEngineConfiguration;

/**
 * The raw engine, for scale: Flowable alone (no platform, no HTTP, no events) on the same PostgreSQL, with
 * the same history level and async executor timings as the platform's, starting the process the
 * workflow benchmark triggers (an asynchronous start, then one task that does no I/O) N times from a
 * few threads and timing start → task executed. Used by bench/workflow-throughput.sh:
 *
 *   java -cp <flowable and PostgreSQL jars> bench/RawEngine.java <jdbc url> <user> <password> <instances> <schema>
 */
public final class RawEngine {

    /** Counts the tasks executed; the task's expression calls it. */
    public static final class Counter {
        private final CountDownLatch done;
        private final AtomicLong last = new AtomicLong();

        Counter(int instances) {
            done = new CountDownLatch(instances);
        }

        public boolean hit() {
            last.set(System.nanoTime());
            done.countDown();
            return true;
        }
    }

    private static final String PROCESS = """
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:flowable="http://flowable.org/bpmn"
                         targetNamespace="bench">
              <process id="raw" isExecutable="true">
                <startEvent id="start" flowable:async="true"/>
                <sequenceFlow id="f1" sourceRef="start" targetRef="act"/>
                <serviceTask id="act" flowable:expression="${counter.hit()}"/>
                <sequenceFlow id="f2" sourceRef="act" targetRef="end"/>
                <endEvent id="end"/>
              </process>
            </definitions>""";

    public static void main(String[] args) throws Exception {
        int instances = Integer.parseInt(args[3]);
        Counter counter = new Counter(instances);
        StandaloneProcessEngineConfiguration config = new StandaloneProcessEngineConfiguration();
        config.setJdbcDriver("org.postgresql.Driver");
        config.setJdbcUrl(args[0]);
        config.setJdbcUsername(args[1]);
        config.setJdbcPassword(args[2]);
        config.setJdbcMaxActiveConnections(20);
        config.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        config.setHistoryLevel(HistoryLevel.AUDIT);
        config.setIdGenerator(new org.flowable.common.engine.impl.persistence.StrongUuidGenerator());
        config.setAsyncExecutorActivate(true);
        config.setAsyncExecutorDefaultAsyncJobAcquireWaitTime(200);
        config.setAsyncExecutorDefaultTimerJobAcquireWaitTime(500);
        config.setAsyncExecutorMaxAsyncJobsDuePerAcquisition(32);
        config.setDatabaseSchema(args[4]);
        config.setBeans(Map.of("counter", counter));
        ProcessEngine engine = config.buildProcessEngine();
        try {
            engine.getRepositoryService().createDeployment().addString("raw.bpmn20.xml", PROCESS).deploy();
            ExecutorService starters = Executors.newFixedThreadPool(4);
            long started = System.nanoTime();
            for (int i = 0; i < instances; i++) {
                starters.execute(() -> engine.getRuntimeService().startProcessInstanceByKey("raw"));
            }
            starters.shutdown();
            if (!counter.done.await(30, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the tasks did not all run");
            }
            double seconds = (counter.last.get() - started) / 1e9;
            System.out.printf("raw engine: %d instances, start to task executed in %.1f s, %.0f instances/s%n",
                    instances, seconds, instances / seconds);
        } finally {
            try {
                engine.close();
            } catch (RuntimeException e) {
                System.err.println("closing the engine: " + e);
            }
        }
        System.exit(0);
    }

    private RawEngine() {
    }

}
