-- Completed action steps whose run has not been moved on yet: the action worker commits a step's
-- completion, then moves its run on in a transaction of its own. A completed step stays leased to its
-- node until then, so that the node's recovery finds the ones it left in between (it stopped), and the
-- worker looks for any others now and then. The index keeps both looks cheap however many steps there are.
CREATE INDEX action_execution_stranded_idx ON action_execution (lease_owner, finished_at)
    WHERE status = 'COMPLETED' AND NOT continued;
