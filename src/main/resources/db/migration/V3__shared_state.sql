-- State that replicas share: the admin clock offset, and the rate-limit buckets (Bucket4j's table:
-- one row per account, region and action, the bucket's state as bytes).
CREATE TABLE server_state (
    name VARCHAR(64) NOT NULL PRIMARY KEY,
    num  BIGINT      NOT NULL
);

CREATE TABLE bucket (
    id    VARCHAR(200) NOT NULL PRIMARY KEY,
    state BYTEA
);
