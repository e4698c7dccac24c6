-- Tombstones as runs of consecutive keys destroyed together (one row for up to 100 ids; see store.Tombstones).
-- A row per id wrote hundreds of pages a second under sustained Run + Terminate, and on the H2 file the pages of
-- a key that only grows stayed live, one chunk each, until their tombstones expired: the file held the window.
CREATE TABLE instance_tombstone_runs (
    first_key    BIGINT      NOT NULL PRIMARY KEY,
    last_key     BIGINT      NOT NULL,
    uin          VARCHAR(32) NOT NULL,
    region       VARCHAR(32) NOT NULL,
    destroyed_at BIGINT      NOT NULL
);
INSERT INTO instance_tombstone_runs (first_key, last_key, uin, region, destroyed_at)
    SELECT id_key, id_key, uin, region, destroyed_at FROM instance_tombstones;
DROP TABLE instance_tombstones;
CREATE INDEX instance_tombstone_runs_destroyed ON instance_tombstone_runs (destroyed_at);
