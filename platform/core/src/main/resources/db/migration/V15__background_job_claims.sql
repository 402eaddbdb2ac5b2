-- A running job is held by a node and by the claim that gave it the job: a run that lost its job (its
-- node was taken for dead, and the job resumed elsewhere or by the same node after it rejoined) can
-- change nothing of it, though the node's name is the same.
ALTER TABLE background_job ADD COLUMN claim_id uuid;
