-- One index serves both timer sweeps: the global one (every second) and the one scoped to an account
-- and region (before every read). Only rows that are due lie in the range [0, now], normally few, and
-- the scope's columns are in the index, so the scoped sweep filters them without reading rows. Every
-- index costs each launch and each destruction a write, so the second one went.
DROP INDEX instances_due;
DROP INDEX instances_scope_due;
CREATE INDEX instances_due ON instances (due_at, uin, region);
