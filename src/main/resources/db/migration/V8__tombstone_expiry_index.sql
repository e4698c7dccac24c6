-- Forgetting expired tombstones (once a minute) scanned every tombstone of the window: under load, hundreds of
-- thousands of rows each time, a visible dip in throughput. Tombstones are written in time order, so this
-- index only ever grows at one end.
CREATE INDEX instance_tombstones_destroyed ON instance_tombstones (destroyed_at);
