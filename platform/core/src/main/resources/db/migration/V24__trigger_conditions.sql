-- A workflow trigger's typed filter: a FEEL condition over the event and its contact (<sb:condition>).
ALTER TABLE workflow_trigger ADD COLUMN condition text CHECK (length(condition) <= 4001);
