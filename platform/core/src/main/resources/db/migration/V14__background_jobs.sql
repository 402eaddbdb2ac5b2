-- Background jobs: long work a user starts (an import, later bulk actions) that runs on any node, in
-- rounds that each commit their progress together with a checkpoint, so a job resumes where it
-- stopped when its node dies or stops. Claimed fairly between locations (FairQueue), like action steps.

CREATE TABLE background_job (
    id               uuid PRIMARY KEY,
    location_id      uuid NOT NULL REFERENCES location (id),
    kind             text NOT NULL,
    parameters       jsonb NOT NULL,
    status           text NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED')),
    done             bigint NOT NULL DEFAULT 0,
    failed           bigint NOT NULL DEFAULT 0,
    total            bigint,
    checkpoint       jsonb,
    result           jsonb,
    error            text,
    cancel_requested boolean NOT NULL DEFAULT false,
    node_id          text,
    heartbeat_at     timestamptz,
    -- times its node died under it; after NodeWorkRecovery.CRASHES_BEFORE_PARKING it is failed, not resumed
    interruptions    int NOT NULL DEFAULT 0,
    -- a job put back (its node stopped, its plugin was busy or swapped) waits until then
    run_after        timestamptz NOT NULL DEFAULT now(),
    -- the seconds it ran before its current run, so that its rate leaves out the time it waited
    seconds_before   double precision NOT NULL DEFAULT 0,
    created_by       uuid REFERENCES app_user (id),
    created_at       timestamptz NOT NULL DEFAULT now(),
    started_at       timestamptz,
    run_started_at   timestamptz,
    finished_at      timestamptz
);
-- FairQueue's loose index scan over the locations with queued jobs, and each location's oldest first
CREATE INDEX background_job_queued_idx ON background_job (status, location_id, created_at) WHERE status = 'QUEUED';
CREATE INDEX background_job_node_idx ON background_job (node_id) WHERE status = 'RUNNING';
CREATE INDEX background_job_list_idx ON background_job (location_id, created_at DESC, id DESC);

-- the items a job could not use (an import's rejected rows), with the source's reference and why
CREATE TABLE background_job_error (
    job_id      uuid NOT NULL REFERENCES background_job (id) ON DELETE CASCADE,
    seq         bigint NOT NULL,
    location_id uuid NOT NULL REFERENCES location (id),
    reference   text NOT NULL,
    reason      text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (job_id, seq)
);

ALTER TABLE background_job ENABLE ROW LEVEL SECURITY;
ALTER TABLE background_job FORCE ROW LEVEL SECURITY;
CREATE POLICY background_job_tenant ON background_job
    USING ((SELECT switchboard_scope_is_system()) OR location_id = (SELECT switchboard_scope_location()));

ALTER TABLE background_job_error ENABLE ROW LEVEL SECURITY;
ALTER TABLE background_job_error FORCE ROW LEVEL SECURITY;
CREATE POLICY background_job_error_tenant ON background_job_error
    USING ((SELECT switchboard_scope_is_system()) OR location_id = (SELECT switchboard_scope_location()));
