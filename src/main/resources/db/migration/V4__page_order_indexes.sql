-- DescribeInstances pages newest first, then by id: indexes in that very order let a page be read
-- from the index (with or without a zone filter) instead of sorting every matching row.
DROP INDEX instances_scope;
DROP INDEX instances_zone;
CREATE INDEX instances_page ON instances (uin, region, created_at DESC, instance_id);
CREATE INDEX instances_zone_page ON instances (uin, region, zone, created_at DESC, instance_id);
-- Timers due in one account and region (the sweep before every read): without it the scope's equality
-- columns lead the planner to walk every row of the account.
CREATE INDEX instances_scope_due ON instances (uin, region, due_at);
