-- Run variables a step sets by name (built-in actions such as "set a run variable"), besides its
-- outputs, which become <taskId>_<output> variables. Set when the step completes; read when the run
-- moves on past it.
ALTER TABLE action_execution ADD COLUMN variables jsonb;

-- A step can also end CANCELLED (its run was cancelled before the step ran) or SKIPPED (a user
-- skipped the failed step of an incident and the run went on without it).
ALTER TABLE action_execution DROP CONSTRAINT action_execution_status_check;
ALTER TABLE action_execution ADD CONSTRAINT action_execution_status_check
    CHECK (status IN ('PENDING', 'RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED', 'SKIPPED'));

-- The worker's look for completed steps whose run was not moved on covers skipped steps too.
DROP INDEX action_execution_stranded_idx;
CREATE INDEX action_execution_stranded_idx ON action_execution (lease_owner, finished_at)
    WHERE status IN ('COMPLETED', 'SKIPPED') AND NOT continued;
