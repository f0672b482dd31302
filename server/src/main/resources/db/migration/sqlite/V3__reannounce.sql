-- Kindred store, schema version 3: when an open escalation is next due to be announced again.
-- Null until its first re-announcement, which is due one interval after it was opened. Nodes
-- sharing the store claim a due re-announcement by moving this forward, so exactly one acts.

ALTER TABLE escalation ADD COLUMN reannounce_at BIGINT;
CREATE INDEX escalation_reannounce ON escalation (status, level, reannounce_at);
