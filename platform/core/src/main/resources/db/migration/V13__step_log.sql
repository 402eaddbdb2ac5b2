-- The step log of an action step: the lines its plugin wrote (context.log()) during the step's last
-- attempt that called the plugin, as a JSON array of strings "INFO …" / "WARN …". An attempt that did not
-- call the plugin (its plugin had no call to spare, the host failed around it) leaves the lines as they
-- were. The host keeps at most 100 lines of at most 1000 characters (a longer one is cut and ends in
-- "…"), and a last line counting the lines dropped; the check holds the column to that: 101 strings of
-- at most 1006 characters (level, space, 1000 characters, "…").
CREATE FUNCTION switchboard_step_log_fits(lines jsonb) RETURNS boolean
    LANGUAGE sql IMMUTABLE STRICT AS $$
    SELECT jsonb_typeof(lines) = 'array' AND jsonb_array_length(lines) <= 101
           AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements(lines) AS line
                           WHERE jsonb_typeof(line) <> 'string' OR length(line #>> '{}') > 1006)
$$;

ALTER TABLE action_execution ADD COLUMN step_log jsonb NOT NULL DEFAULT '[]'::jsonb
    CONSTRAINT action_execution_step_log_fits CHECK (switchboard_step_log_fits(step_log));
