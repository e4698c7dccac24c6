-- Accounts and their API keys. Plain SQL that H2 and PostgreSQL both accept.
CREATE TABLE accounts (
    uin        VARCHAR(32)  NOT NULL PRIMARY KEY,
    app_id     BIGINT       NOT NULL UNIQUE,
    name       VARCHAR(128) NOT NULL,
    created_at TIMESTAMP    NOT NULL
);

CREATE TABLE api_keys (
    secret_id  VARCHAR(128) NOT NULL PRIMARY KEY,
    secret_key VARCHAR(128) NOT NULL,
    uin        VARCHAR(32)  NOT NULL REFERENCES accounts (uin),
    enabled    BOOLEAN      NOT NULL,
    created_at TIMESTAMP    NOT NULL
);

CREATE INDEX api_keys_uin ON api_keys (uin);
