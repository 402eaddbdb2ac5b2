-- Runtime foundations: nodes and the work they hold, per-consumer event delivery, workflow runs and
-- action executions (the step log), each with its own state.

-- Every running server (node), with its heartbeat. A node whose heartbeat stopped is presumed dead
-- and the work it held is released by the others (or by itself when it starts again).
CREATE TABLE platform_node (
    node_id       text PRIMARY KEY,
    started_at    timestamptz NOT NULL DEFAULT now(),
    heartbeat_at  timestamptz NOT NULL DEFAULT now()
);

-- Engine jobs a node is running right now, written before the job's own transaction begins. A row
-- left behind by a dead node names the jobs that were running when it died.
CREATE TABLE engine_job_running (
    job_id      text PRIMARY KEY,
    node_id     text NOT NULL,
    started_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX engine_job_running_node_idx ON engine_job_running (node_id);

-- How often a job was running when its node died; at the second time it is parked as an incident.
CREATE TABLE engine_job_crash (
    job_id         text PRIMARY KEY,
    crashes        integer NOT NULL,
    last_crash_at  timestamptz NOT NULL DEFAULT now()
);

-- Events: the declared type's version, and an order. Delivery state moves to one row per consumer.
ALTER TABLE domain_event ADD COLUMN type_version integer NOT NULL DEFAULT 1;
ALTER TABLE domain_event ADD COLUMN seq bigserial NOT NULL;

CREATE TABLE event_delivery (
    consumer         text NOT NULL,
    event_id         uuid NOT NULL REFERENCES domain_event (id) ON DELETE CASCADE,
    location_id      uuid NOT NULL REFERENCES location (id),
    seq              bigint NOT NULL,
    status           text NOT NULL DEFAULT 'PENDING'
                     CHECK (status IN ('PENDING', 'CLAIMED', 'DONE', 'PARKED')),
    attempts         integer NOT NULL DEFAULT 0,
    interruptions    integer NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL DEFAULT now(),
    claimed_by       text,
    last_error       text,
    done_at          timestamptz,
    PRIMARY KEY (consumer, event_id)
);
CREATE INDEX event_delivery_pending_idx ON event_delivery (consumer, location_id, seq) WHERE status = 'PENDING';
CREATE INDEX event_delivery_claimed_idx ON event_delivery (claimed_by) WHERE status = 'CLAIMED';
-- deleting an event (retention) finds its deliveries
CREATE INDEX event_delivery_event_idx ON event_delivery (event_id);

-- events not yet delivered by the walking skeleton's single dispatcher go to the workflow triggers
INSERT INTO event_delivery (consumer, event_id, location_id, seq, attempts, last_error)
SELECT 'workflow-triggers', id, location_id, seq, attempts, last_error FROM domain_event
WHERE dispatched_at IS NULL AND failed_at IS NULL;
INSERT INTO event_delivery (consumer, event_id, location_id, seq, status, attempts, last_error)
SELECT 'workflow-triggers', id, location_id, seq, 'PARKED', attempts, last_error FROM domain_event
WHERE failed_at IS NOT NULL;

DROP INDEX domain_event_pending_idx;
ALTER TABLE domain_event DROP COLUMN dispatched_at, DROP COLUMN attempts, DROP COLUMN last_error, DROP COLUMN failed_at;

-- One row per run of a workflow (a process instance), kept by the platform in the engine's
-- transactions. A start that failed before the engine took it has a run of its own, FAILED.
CREATE TABLE workflow_run (
    id                text PRIMARY KEY,
    location_id       uuid NOT NULL REFERENCES location (id),
    workflow_key      text NOT NULL,
    workflow_version  integer NOT NULL,
    contact_id        text,
    event_id          uuid,
    state             text NOT NULL CHECK (state IN ('RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED')),
    error             text,
    started_at        timestamptz NOT NULL DEFAULT now(),
    ended_at          timestamptz
);
-- an event starts each workflow once, however often its delivery is retried
CREATE UNIQUE INDEX workflow_run_event_idx ON workflow_run (event_id, workflow_key) WHERE event_id IS NOT NULL;
CREATE INDEX workflow_run_location_idx ON workflow_run (location_id, started_at DESC);
CREATE INDEX workflow_run_contact_idx ON workflow_run (location_id, contact_id, started_at DESC);
CREATE INDEX workflow_run_in_flight_idx ON workflow_run (location_id) WHERE state = 'RUNNING';

DO $$
BEGIN
    IF to_regclass('act_hi_procinst') IS NOT NULL THEN
        INSERT INTO workflow_run (id, location_id, workflow_key, workflow_version, contact_id, state, started_at, ended_at)
        SELECT p.id_, p.tenant_id_::uuid, d.key_, d.version_, p.business_key_,
               CASE WHEN p.end_time_ IS NOT NULL THEN 'COMPLETED'
                    WHEN EXISTS (SELECT 1 FROM act_ru_deadletter_job j WHERE j.proc_inst_id_ = p.id_) THEN 'FAILED'
                    ELSE 'RUNNING' END,
               p.start_time_, p.end_time_
        FROM act_hi_procinst p JOIN act_re_procdef d ON d.id_ = p.proc_def_id_
        WHERE p.tenant_id_ ~ '^[0-9a-f-]{36}$';
    END IF;
END $$;

-- One visit of an action task: the plugin call it stands for, its attempts and its outcome. The id
-- is the idempotency key handed to the plugin.
CREATE TABLE action_execution (
    id               uuid PRIMARY KEY,
    location_id      uuid NOT NULL REFERENCES location (id),
    run_id           text NOT NULL,
    execution_id     text NOT NULL,
    activity_id      text NOT NULL,
    visit            integer NOT NULL,
    action_id        text NOT NULL,
    inputs           jsonb NOT NULL,
    contact          jsonb,
    status           text NOT NULL CHECK (status IN ('PENDING', 'RUNNING', 'COMPLETED', 'FAILED')),
    attempts         integer NOT NULL DEFAULT 0,
    max_attempts     integer NOT NULL,
    interruptions    integer NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL DEFAULT now(),
    lease_owner      text,
    plugin_id        text,
    plugin_version   text,
    summary          text,
    error            text,
    vendor_id        text,
    outputs          jsonb,
    continued        boolean NOT NULL DEFAULT false,
    created_at       timestamptz NOT NULL DEFAULT now(),
    started_at       timestamptz,
    finished_at      timestamptz,
    UNIQUE (run_id, activity_id, execution_id, visit)
);
CREATE INDEX action_execution_pending_idx ON action_execution (location_id, next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX action_execution_lease_idx ON action_execution (lease_owner) WHERE status = 'RUNNING';
CREATE INDEX action_execution_run_idx ON action_execution (run_id, created_at);

-- Each attempt of an action execution: who ran it and how it ended (INTERRUPTED: its node died).
CREATE TABLE action_attempt (
    action_execution_id  uuid NOT NULL REFERENCES action_execution (id) ON DELETE CASCADE,
    attempt              integer NOT NULL,
    node_id              text NOT NULL,
    started_at           timestamptz NOT NULL DEFAULT now(),
    finished_at          timestamptz,
    outcome              text CHECK (outcome IN ('COMPLETED', 'FAILED', 'INTERRUPTED')),
    error                text,
    PRIMARY KEY (action_execution_id, attempt)
);

-- the walking skeleton's step log becomes action executions (the last attempt of each step)
INSERT INTO action_execution (id, location_id, run_id, execution_id, activity_id, visit, action_id, inputs, status,
                              attempts, max_attempts, plugin_id, plugin_version, summary, error, created_at,
                              started_at, finished_at)
SELECT DISTINCT ON (s.process_instance_id, s.activity_id)
       s.id, s.location_id, s.process_instance_id, s.process_instance_id, s.activity_id, 1, s.action_id, '{}'::jsonb,
       CASE WHEN s.status = 'COMPLETED' THEN 'COMPLETED' ELSE 'FAILED' END,
       (SELECT count(*) FROM workflow_step c WHERE c.process_instance_id = s.process_instance_id
            AND c.activity_id = s.activity_id), 3, s.plugin_id, s.plugin_version, s.summary, s.error,
       s.started_at, s.started_at, s.finished_at
FROM workflow_step s
ORDER BY s.process_instance_id, s.activity_id, s.started_at DESC;
DROP TABLE workflow_step;
