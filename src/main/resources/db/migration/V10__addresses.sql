-- Elastic IPs of the vpc product. Times are epoch milliseconds. A timed status change is data: the row says
-- what it becomes (pending_status; NULL with a due_at means released) and when (due_at), and every read applies
-- what has fallen due, as instances do. tags holds the address's tags as a JSON array.
CREATE TABLE addresses (
    address_id     VARCHAR(16)   NOT NULL PRIMARY KEY,
    uin            VARCHAR(32)   NOT NULL,
    region         VARCHAR(32)   NOT NULL,
    address_ip     VARCHAR(15)   NOT NULL,
    address_type   VARCHAR(24)   NOT NULL,
    address_name   VARCHAR(512)  NOT NULL,
    status         VARCHAR(16)   NOT NULL,
    charge_type    VARCHAR(40)   NOT NULL,
    bandwidth      BIGINT        NOT NULL,
    instance_id    VARCHAR(16),
    private_ip     VARCHAR(15),
    created_at     BIGINT        NOT NULL,
    pending_status VARCHAR(16),
    due_at         BIGINT,
    tags           VARCHAR(100000) NOT NULL,
    version        BIGINT        NOT NULL
);
CREATE INDEX addresses_scope ON addresses (uin, region, created_at);

-- The asynchronous tasks the address actions answer with (TaskId), and the addresses each one acts on.
CREATE TABLE address_tasks (
    task_id      BIGINT        NOT NULL PRIMARY KEY,
    uin          VARCHAR(32)   NOT NULL,
    region       VARCHAR(32)   NOT NULL,
    address_ids  VARCHAR(2000) NOT NULL,
    created_at   BIGINT        NOT NULL
);
CREATE INDEX addresses_by_instance ON addresses (instance_id);
