-- Instances: the indexed columns that lookups and filters need, and the whole instance as a JSON
-- document. Times are epoch milliseconds. due_at is the earliest pending timer (transition end,
-- recycle-bin expiry, LAUNCH_FAILED purge), so the sweeper finds what is due through an index.
CREATE TABLE instances (
    instance_id   VARCHAR(16)     NOT NULL PRIMARY KEY,
    uin           VARCHAR(32)     NOT NULL,
    region        VARCHAR(32)     NOT NULL,
    zone          VARCHAR(40)     NOT NULL,
    state         VARCHAR(32)     NOT NULL,
    charge_type   VARCHAR(24)     NOT NULL,
    instance_name VARCHAR(256)    NOT NULL,
    created_at    BIGINT          NOT NULL,
    due_at        BIGINT,
    version       BIGINT          NOT NULL,
    doc           VARCHAR(1000000) NOT NULL
);
CREATE INDEX instances_scope ON instances (uin, region, created_at, instance_id);
CREATE INDEX instances_zone ON instances (uin, region, zone);
CREATE INDEX instances_due ON instances (due_at);

-- Destroyed ids, remembered for the tombstone window; ids are never reused.
CREATE TABLE instance_tombstones (
    instance_id  VARCHAR(16) NOT NULL PRIMARY KEY,
    uin          VARCHAR(32) NOT NULL,
    region       VARCHAR(32) NOT NULL,
    destroyed_at BIGINT      NOT NULL
);

-- RunInstances ClientToken idempotency: (account, region, token) -> the ids it created.
CREATE TABLE client_tokens (
    uin          VARCHAR(32)  NOT NULL,
    region       VARCHAR(32)  NOT NULL,
    token        VARCHAR(64)  NOT NULL,
    instance_ids VARCHAR(20000) NOT NULL,
    created_at   BIGINT       NOT NULL,
    PRIMARY KEY (uin, region, token)
);

-- Admin attributes of accounts and regions (cvm-terminate.md §2). A missing row means the defaults.
CREATE TABLE account_attributes (
    uin                 VARCHAR(32) NOT NULL PRIMARY KEY,
    app_id_invalid      BOOLEAN     NOT NULL,
    eip_release_enabled BOOLEAN     NOT NULL,
    unpaid_order        BOOLEAN     NOT NULL,
    return_quota        INT         NOT NULL,
    returns_used        INT         NOT NULL,
    terminate_quota     INT,
    instance_quota      INT,
    fail_next_launches  INT         NOT NULL
);
CREATE TABLE region_attributes (
    region             VARCHAR(32) NOT NULL PRIMARY KEY,
    terminate_disabled BOOLEAN     NOT NULL
);

-- Fault injection: the next `remaining` matching calls fail with `code`.
CREATE TABLE fault_rules (
    rule_id     VARCHAR(40)  NOT NULL PRIMARY KEY,
    action      VARCHAR(64)  NOT NULL,
    code        VARCHAR(128) NOT NULL,
    instance_id VARCHAR(16),
    remaining   INT          NOT NULL,
    created_at  BIGINT       NOT NULL
);

-- Credential attributes: MFA state and temporary-credential tokens.
ALTER TABLE api_keys ADD COLUMN mfa VARCHAR(16);
ALTER TABLE api_keys ADD COLUMN token VARCHAR(256);
ALTER TABLE api_keys ADD COLUMN token_expires_at BIGINT;
