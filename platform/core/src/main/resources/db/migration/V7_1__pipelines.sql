-- Pipelines and opportunities.

-- A location's pipelines have different names, and so have a pipeline's stages, ignoring case: a board
-- with two "Won" columns, or two "Sales" pipelines in a picker, cannot be told apart. The service
-- answers 409 first; these indexes keep two concurrent requests from both getting through.
CREATE UNIQUE INDEX pipeline_name_idx ON pipeline (location_id, lower(name));
CREATE UNIQUE INDEX pipeline_stage_name_idx ON pipeline_stage (location_id, pipeline_id, lower(name));

-- a stage change keeps the stages' names as they were, so that the history still reads right after a
-- stage is renamed or deleted
ALTER TABLE opportunity_stage_change
    ADD COLUMN from_stage_name text,
    ADD COLUMN to_stage_name text;
