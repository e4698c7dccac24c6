-- DescribeInstances pages newest first, then by id: indexes in that very order let a page be read
-- from the index (with or without a zone filter) instead of sorting every matching row.
DROP INDEX instances_scope;
DROP INDEX instances_zone;
CREATE INDEX instances_page ON instances (uin, region, created_at DESC, instance_id);
CREATE INDEX instances_zone_page ON instances (uin, region, zone, created_at DESC, instance_id);
